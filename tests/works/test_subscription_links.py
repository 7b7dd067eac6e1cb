"""The links in the mails: /werken/abonnement/<token>/bevestigen/ and /opzeggen/ (GET asks, POST acts)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.works.models import AreaSubscription, WorkNotice
from tests.works.helpers_public import make_subscription, make_work

pytestmark = pytest.mark.django_db


def test_opening_the_confirmation_link_only_asks_and_the_button_confirms(client, antwerp):
    pending = make_subscription(confirmed=False)
    url = reverse("works:subscription-confirm", args=[pending.token])
    page = client.get(url)
    assert page.status_code == 200 and "Bevestig mijn abonnement" in page.content.decode()
    pending.refresh_from_db()
    assert pending.confirmed_at is None  # a mail scanner that opens links confirms nothing
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    pending.refresh_from_db()
    assert pending.is_active
    html = client.get(url).content.decode()
    assert "Uw abonnement is bevestigd." in html and "Uw abonnement is actief sinds" in html
    # Confirming twice changes nothing.
    confirmed_at = pending.confirmed_at
    client.post(url)
    pending.refresh_from_db()
    assert pending.confirmed_at == confirmed_at


def test_the_cancel_link_asks_then_ends_the_subscription_and_drops_unsent_notices(client, antwerp):
    active = make_subscription()
    WorkNotice.objects.create(subscription=active, work=make_work())
    url = reverse("works:subscription-cancel", args=[active.token])
    assert "Zeg mijn abonnement op" in client.get(url).content.decode()
    active.refresh_from_db()
    assert active.is_active
    response = client.post(url)
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.cancelled_at is not None and not active.is_active
    assert not WorkNotice.objects.exists()
    html = client.get(url).content.decode()
    assert "U krijgt geen berichten meer over werken." in html and "Dit abonnement is opgezegd op" in html
    assert client.post(url).status_code == 302  # ending twice is fine


def test_a_cancelled_subscription_cannot_be_confirmed_again(client, antwerp):
    cancelled = make_subscription(confirmed=False, cancelled=True)
    url = reverse("works:subscription-confirm", args=[cancelled.token])
    assert "Dit abonnement is opgezegd." in client.get(url).content.decode()
    client.post(url)
    cancelled.refresh_from_db()
    assert cancelled.confirmed_at is None


def test_an_old_confirmation_link_has_expired(client, antwerp):
    pending = make_subscription(confirmed=False)
    AreaSubscription.objects.filter(pk=pending.pk).update(created_at=timezone.now() - timedelta(days=8))
    url = reverse("works:subscription-confirm", args=[pending.token])
    page = client.get(url)
    assert page.status_code == 410 and "Deze bevestigingslink is verlopen." in page.content.decode()
    response = client.post(url, follow=True)
    assert "Deze bevestigingslink is verlopen. Vraag het abonnement opnieuw aan." in response.content.decode()
    pending.refresh_from_db()
    assert pending.confirmed_at is None


def test_an_unknown_or_malformed_token_is_not_found(client, antwerp):
    make_subscription()
    for name in ("works:subscription-confirm", "works:subscription-cancel"):
        for method in ("get", "post"):
            for token in ("onbekend-token", "x" * 60):
                response = getattr(client, method)(reverse(name, args=[token]))
                assert response.status_code == 404, (name, method, token)
