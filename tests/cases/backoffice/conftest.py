from __future__ import annotations

import pytest
from django.test import Client

from loket.accounts.models import Role
from loket.cases.services import case_create
from loket.organisation.models import District, Team


def district(slug: str) -> District:
    return District.objects.get(slug=slug)


@pytest.fixture
def open_case(antwerp, agent):
    """Make a case in a district (by slug); extra fields go to ``case_create``."""

    def make(slug: str = "deurne", title: str = "Zaal huren", kind: str = "request", **extra):
        return case_create(kind=kind, title=title, channel="online", actor=agent, district=district(slug), **extra)

    return make


@pytest.fixture
def backoffice_user(make_user, antwerp):
    return make_user(Role.BACKOFFICE, username="els", team=Team.objects.get(slug="stad-burgerzaken"))


@pytest.fixture
def berchem_staff(make_user, antwerp):
    return make_user(Role.DISTRICT_STAFF, district="berchem", username="berchem-staff")


@pytest.fixture
def login():
    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
