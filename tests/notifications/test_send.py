from __future__ import annotations

import json

from django.core import mail

from loket.accounts.models import Role
from loket.notifications.models import MessageTemplate, Notification
from loket.notifications.services import notification_send

CONTEXT = {
    "reference": "REQ-2026-000001",
    "title": "Bewonerskaart",
    "kind_label": "aanvraag",
    "status_label": "beslist",
}


def test_an_email_is_rendered_saved_and_sent_after_commit(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(recipient=citizen, template_key="case_status_changed", context=CONTEXT)
        assert mail.outbox == []
    notification.refresh_from_db()
    assert (notification.channel, notification.to_address) == ("email", "an@example.be")
    assert (notification.status, notification.attempts) == (Notification.Status.SENT, 1)
    assert notification.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Uw aanvraag REQ-2026-000001: beslist"
    assert "Beste An Peeters," in mail.outbox[0].body


def test_a_rolled_back_change_sends_nothing(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification_send(recipient=citizen, template_key="case_status_changed", context=CONTEXT)
    assert len(callbacks) == 1  # the delivery waits for the commit
    assert mail.outbox == []


def test_a_stored_template_wins_and_is_not_html_escaped(citizen, django_capture_on_commit_callbacks):
    MessageTemplate.objects.create(
        key="case_status_changed", channel="email", subject="Zaak {{ reference }}", body="{{ title }} & <co>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipient=citizen, template_key="case_status_changed", context={**CONTEXT, "title": "Bakker & Zoon"}
        )
    assert mail.outbox[0].subject == "Zaak REQ-2026-000001"
    assert mail.outbox[0].body == "Bakker & Zoon & <co>\n"


def test_sms_goes_to_the_phone_through_the_file_gateway(make_user, settings, django_capture_on_commit_callbacks):
    user = make_user(Role.CITIZEN, phone="+32470123456", preferred_channel="sms", email="x@example.be")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(recipient=user, template_key="case_closed", context=CONTEXT)
    notification.refresh_from_db()
    assert (notification.channel, notification.status) == ("sms", "sent")
    [written] = list((settings.VAR_DIR / "sms").iterdir())
    message = json.loads(written.read_text())
    assert message["to"] == "+32470123456"
    assert "REQ-2026-000001" in message["text"]
    assert mail.outbox == []


def test_sms_without_a_phone_falls_back_to_email(make_user, django_capture_on_commit_callbacks):
    user = make_user(Role.CITIZEN, preferred_channel="sms", email="b@example.be")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(recipient=user, template_key="case_closed", context=CONTEXT)
    assert (notification.channel, notification.to_address) == ("email", "b@example.be")
    assert len(mail.outbox) == 1


def test_a_letter_is_left_for_staff_to_print(make_user, django_capture_on_commit_callbacks):
    user = make_user(Role.CITIZEN, preferred_channel="post", email="c@example.be")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notification_send(recipient=user, template_key="case_closed", context=CONTEXT)
    assert notification.status == Notification.Status.MANUAL
    assert "REQ-2026-000001" in notification.body
    assert callbacks == [] and mail.outbox == []


def test_an_unknown_template_key_is_refused(citizen):
    import pytest

    from loket.notifications.rendering import TemplateMissing

    with pytest.raises(TemplateMissing):
        notification_send(recipient=citizen, template_key="no_such_message", context={})
    assert not Notification.objects.exists()
