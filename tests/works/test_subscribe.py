"""/werken/abonneren/: asking for mails about new works near an address."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from loket.accounts.models import Role
from loket.works.models import AreaSubscription
from loket.works.views_subscriptions import MAX_REQUESTS_PER_CLIENT_PER_HOUR
from tests.works.helpers_public import DEURNE, GROENPLAATS, OUTSIDE, make_subscription, street_at

pytestmark = pytest.mark.django_db
ADDRESS = "Aalmoezenierstraat 12, 2000 Antwerpen"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def located(antwerp):
    street_at("Aalmoezenierstraat", *GROENPLAATS)


def subscribe(client, captured, **extra):
    data = {"email": "piet@example.be", "address": ADDRESS, "radius": "500", "lat": "", "lon": ""}
    data.update(extra)
    with captured(execute=True):
        return client.post(reverse("works:subscribe"), data)


def test_it_sends_a_confirmation_mail_and_subscribes_nobody_yet(
    client, located, mailoutbox, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == reverse("works:subscribe")
    subscription = AreaSubscription.objects.get()
    assert (subscription.lat, subscription.lon, subscription.radius_m) == (*GROENPLAATS, 500)
    assert subscription.confirmed_at is None and not subscription.is_active
    [mail] = mailoutbox
    assert mail.to == ["piet@example.be"] and mail.subject == "Bevestig uw abonnement op werken in uw buurt"
    assert reverse("works:subscription-confirm", args=[subscription.token]) in mail.body
    assert "binnen 500 m van Aalmoezenierstraat 12, 2000 Antwerpen" in mail.body
    page = client.get(response["Location"]).content.decode()
    assert "Bijna klaar: we stuurden een e-mail naar piet@example.be" in page


def test_a_point_on_the_map_is_enough_when_the_address_has_no_position(
    client, antwerp, mailoutbox, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, lat=str(DEURNE[0]), lon=str(DEURNE[1]))
    assert response.status_code == 302
    assert AreaSubscription.objects.get().address == ADDRESS
    assert len(mailoutbox) == 1


def test_the_form_is_prefilled_for_a_logged_in_citizen_and_from_the_nearby_page(client, antwerp, make_user):
    from loket.citizens.models import Citizen

    user = make_user(Role.CITIZEN, username="an", email="an@example.be")
    Citizen.objects.create(user=user, street="Aalmoezenierstraat", number="12", postcode="2000")
    client.force_login(user)
    html = client.get(reverse("works:subscribe")).content.decode()
    assert 'value="an@example.be"' in html and 'value="Aalmoezenierstraat 12, 2000"' in html
    html = client.get(reverse("works:subscribe"), {"address": "Groenplaats 1", "lat": "51.219", "lon": "4.401"})
    assert 'value="Groenplaats 1"' in html.content.decode() and 'value="51.219"' in html.content.decode()


def test_asking_again_for_the_same_address_makes_no_duplicate(
    client, located, mailoutbox, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    second = subscribe(client, django_capture_on_commit_callbacks, email="PIET@example.be", radius="800")
    assert second.status_code == 302
    subscription = AreaSubscription.objects.get()
    assert subscription.radius_m == 800  # still pending: the new radius counts
    assert len(mailoutbox) == 1  # mailed a moment ago: not again


def test_an_active_subscription_is_not_duplicated_nor_changed_by_the_form(
    client, located, mailoutbox, django_capture_on_commit_callbacks
):
    active = make_subscription(email="piet@example.be", address=ADDRESS, radius_m=300)
    response = subscribe(client, django_capture_on_commit_callbacks, radius="2000")
    assert response.status_code == 302  # the same answer: the form tells nobody who is subscribed
    active.refresh_from_db()
    assert AreaSubscription.objects.count() == 1 and active.radius_m == 300
    [mail] = mailoutbox
    assert mail.subject == "U bent al geabonneerd op werken in uw buurt"
    assert reverse("works:subscription-cancel", args=[active.token]) in mail.body


def test_another_address_of_the_same_person_is_another_subscription(
    client, located, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    subscribe(
        client, django_capture_on_commit_callbacks, address="Deurne centrum", lat=str(DEURNE[0]), lon=str(DEURNE[1])
    )
    assert AreaSubscription.objects.count() == 2


def test_one_email_address_may_ask_a_few_times_a_day(client, antwerp, django_capture_on_commit_callbacks):
    for index in range(5):
        point = (DEURNE[0] + index * 0.002, DEURNE[1])
        response = subscribe(
            client, django_capture_on_commit_callbacks, address=f"Plek {index}", lat=str(point[0]), lon=str(point[1])
        )
        assert response.status_code == 302
    response = subscribe(client, django_capture_on_commit_callbacks, address="Plek 9", lat="51.2300", lon="4.4646")
    assert response.status_code == 400
    assert "te veel aanvragen" in response.content.decode()
    assert AreaSubscription.objects.count() == 5


def test_one_network_address_may_ask_a_limited_number_of_times_an_hour(client, located):
    for _ in range(MAX_REQUESTS_PER_CLIENT_PER_HOUR):
        client.post(reverse("works:subscribe"), {"email": "", "address": ""})
    response = client.post(
        reverse("works:subscribe"), {"email": "piet@example.be", "address": ADDRESS, "radius": "500"}
    )
    assert response.status_code == 429
    assert "Te veel aanvragen vanaf deze verbinding" in response.content.decode()
    assert not AreaSubscription.objects.exists()


BAD_INPUT = [
    ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
    ({"address": ""}, "address", "Dit veld is vereist."),
    ({"address": "Nergensstraat 5"}, "address", "Dit adres vinden we niet."),
    ({"address": "Veldstraat 1, 9000 Gent"}, "address", "Dit adres ligt buiten de stad Antwerpen."),
    ({"lat": str(OUTSIDE[0]), "lon": str(OUTSIDE[1])}, "address", "Deze plaats ligt buiten de stad Antwerpen."),
    ({"radius": "50"}, "radius", "Kies een straal tussen 100 en 2000 meter."),
    ({"radius": "2500"}, "radius", "Kies een straal tussen 100 en 2000 meter."),
]


def test_bad_input_is_shown_next_to_the_field_and_nothing_typed_is_lost(
    client, located, mailoutbox, django_capture_on_commit_callbacks
):
    for extra, field, message in BAD_INPUT:  # one city load for all the cases
        response = subscribe(client, django_capture_on_commit_callbacks, **extra)
        html = response.content.decode()
        assert response.status_code == 400, extra
        assert message in html, extra
        assert f'id="id_{field}_fout"' in html, extra
        assert "Uw abonnement is nog niet aangevraagd." in html
        data = {"email": "piet@example.be", "address": ADDRESS, "radius": "500", **extra}
        for name in ("email", "address", "radius"):
            if data[name]:
                assert f'value="{data[name]}"' in html, extra
    assert not AreaSubscription.objects.exists() and mailoutbox == []


def test_a_failing_mail_server_does_not_lose_the_request(client, located, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.works.test_notices_send.BrokenEmailBackend"
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert AreaSubscription.objects.get().confirmation_mailed_at is not None  # the job retries it
