"""Mijn loket lists the citizen's own subscriptions to new works, each with the link that ends it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from loket.accounts.models import Role
from loket.works.mijnloket import work_subscriptions_section
from loket.works.models import AreaSubscription
from tests.works.helpers_public import DEURNE, make_subscription

pytestmark = pytest.mark.django_db
CANCEL_LINK = re.compile(r'href="(/werken/abonnement/[^/"]+/opzeggen/)"')


@pytest.fixture
def an(make_user):
    return make_user(Role.CITIZEN, email="An.Peeters@example.be")


def page_of(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/mijn-loket/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_citizen_sees_the_confirmed_subscriptions_of_their_email_address_with_a_cancel_link(antwerp, an):
    mine = make_subscription(email="an.peeters@EXAMPLE.be", address="Groenplaats 1, 2000 Antwerpen")
    make_subscription(email="An.Peeters@example.be", at=DEURNE, radius_m=1000, address="Turnhoutsebaan 1, 2100 Deurne")
    page = page_of(an)
    assert "Mijn abonnementen op werken (2)" in page
    assert "Groenplaats 1, 2000 Antwerpen" in page and "Turnhoutsebaan 1, 2100 Deurne" in page
    assert "Nieuwe werken binnen 500 m" in page and "Nieuwe werken binnen 1000 m" in page
    assert f'href="/werken/abonnement/{mine.token}/opzeggen/"' in page
    assert 'href="/werken/abonneren/"' in page


def test_a_citizen_does_not_see_another_address_s_subscription(antwerp, an, make_user):
    other = make_subscription(email="bert@example.be", address="Bredabaan 1, 2170 Merksem")
    page = page_of(an)
    assert "Bredabaan" not in page and other.token not in page
    assert "U krijgt geen e-mails over nieuwe werken in uw buurt." in page

    bert = make_user(Role.CITIZEN, email="bert@example.be")
    assert "Bredabaan 1, 2170 Merksem" in page_of(bert)


def test_unconfirmed_and_cancelled_subscriptions_are_not_shown(antwerp, an):
    pending = make_subscription(email=an.email, confirmed=False, address="Meir 1, 2000 Antwerpen")
    ended = make_subscription(email=an.email, cancelled=True, address="Kiel 1, 2020 Antwerpen")
    page = page_of(an)
    assert "Meir 1" not in page and "Kiel 1" not in page
    assert pending.token not in page and ended.token not in page
    assert "Mijn abonnementen op werken (0)" in page


def test_an_account_without_an_email_address_sees_no_subscriptions(antwerp, make_user):
    make_subscription(email="", address="Meir 1, 2000 Antwerpen")
    section = work_subscriptions_section(make_user(Role.CITIZEN, email=""))
    assert section is not None and section.items == ()


def test_staff_and_anonymous_visitors_get_no_section(antwerp, make_user):
    from django.contrib.auth.models import AnonymousUser

    assert work_subscriptions_section(make_user(Role.AGENT, email="an.peeters@example.be")) is None
    assert work_subscriptions_section(AnonymousUser()) is None


def test_the_cancel_link_in_mijn_loket_ends_the_subscription(antwerp, an):
    subscription = make_subscription(email=an.email)
    client = Client()
    client.force_login(an)
    [link] = CANCEL_LINK.findall(client.get("/mijn-loket/").content.decode())

    asked = client.get(link)
    assert asked.status_code == 200
    assert "Zeg mijn abonnement op" in asked.content.decode()
    assert AreaSubscription.objects.get(pk=subscription.pk).cancelled_at is None  # GET only asks

    done = client.post(link, follow=True)
    assert done.status_code == 200
    assert "Uw abonnement is opgezegd." in done.content.decode()
    assert AreaSubscription.objects.get(pk=subscription.pk).cancelled_at is not None
    assert CANCEL_LINK.findall(client.get("/mijn-loket/").content.decode()) == []
