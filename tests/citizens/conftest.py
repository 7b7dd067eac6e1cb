from __future__ import annotations

import itertools
from typing import Any

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import Role, User
from loket.citizens.models import Citizen
from loket.citizens.services import citizen_create
from loket.organisation.models import District

_counter = itertools.count()

# Valid national numbers: born 1985-07-30 (man), 2005-03-12 (woman, needs the "2" prefix).
NN_1985 = "85073003328"
NN_2005 = "05031200284"


@pytest.fixture
def make_user(db):
    def make(role: str = Role.CITIZEN, district: str | None = None, **extra: Any) -> User:
        name = extra.pop("username", f"{role}-{next(_counter)}")
        return User.objects.create_user(
            username=name,
            password=None,
            role=role,
            district=District.objects.get(slug=district) if district else None,
            first_name=extra.pop("first_name", "Test"),
            last_name=extra.pop("last_name", name),
            **extra,
        )

    return make


@pytest.fixture
def agent(make_user) -> User:
    return make_user(Role.AGENT, username="agent")


@pytest.fixture
def an(antwerp, agent) -> Citizen:
    return citizen_create(
        first_name="An",
        last_name="Van den Bossche",
        national_number="85.07.30-033.28",
        email="An.VDB@example.org",
        phone="03 123 45 67",
        street="Statiestraat",
        number="10",
        postcode="2600",
        actor=agent,
    )


@pytest.fixture
def client_for():
    def make(user) -> APIClient:
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make
