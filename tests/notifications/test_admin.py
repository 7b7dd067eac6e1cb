from __future__ import annotations

import pytest
from django.urls import reverse

from loket.accounts.models import Role
from loket.notifications.models import MessageTemplate, Notification


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMIN, is_staff=True, is_superuser=True))
    return client


def test_the_template_page_previews_the_rendered_text(admin_client):
    template = MessageTemplate.objects.create(
        key="case_closed", channel="email", subject="Zaak {{ reference }}", body="Status: {{ status_label }}"
    )
    html = admin_client.get(reverse("admin:notifications_messagetemplate_change", args=[template.pk])).content.decode()
    assert "Zaak REQ-2026-000123" in html
    assert "Status: in behandeling" in html


def test_a_broken_template_is_refused_with_a_clear_error(admin_client):
    response = admin_client.post(
        reverse("admin:notifications_messagetemplate_add"),
        {"key": "case_closed", "channel": "email", "language": "nl", "subject": "x", "body": "{% if %}"},
    )
    assert response.status_code == 200
    assert "De sjabloontekst klopt niet" in response.content.decode()
    assert not MessageTemplate.objects.filter(key="case_closed").exists()


def test_notifications_are_listed_read_only(admin_client, citizen):
    notification = Notification.objects.create(
        recipient=citizen, channel="email", to_address="an@example.be", subject="Hallo", body="…", status="failed"
    )
    listing = admin_client.get(reverse("admin:notifications_notification_changelist") + "?status__exact=failed")
    assert "an@example.be" in listing.content.decode()
    change = admin_client.get(reverse("admin:notifications_notification_change", args=[notification.pk]))
    assert change.status_code == 200
    assert 'name="subject"' not in change.content.decode()
    assert admin_client.get(reverse("admin:notifications_notification_add")).status_code == 403
