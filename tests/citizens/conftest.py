from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import Role, User
from loket.citizens.models import Citizen
from loket.citizens.services import citizen_create

# Valid national numbers: born 1985-07-30 (man), 2005-03-12 (woman, needs the "2" prefix).
NN_1985 = "85073003328"
NN_2005 = "05031200284"


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
