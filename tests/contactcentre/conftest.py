"""Fixtures for the contact centre: the demo city, its catalogue and e-loket forms, an agent and a citizen."""

from __future__ import annotations

import pytest

from loket.accounts.models import Role, User
from loket.catalogue import demo as catalogue_demo
from loket.citizens.models import Citizen
from loket.citizens.services import citizen_create
from loket.requests import demo as requests_demo


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def catalogue(antwerp):
    """The demo catalogue (topics, competences, services) and the e-loket's form definitions."""
    catalogue_demo.load(log=lambda line: None)
    requests_demo.load(log=lambda line: None)
    return antwerp


@pytest.fixture
def agent(make_user) -> User:
    return make_user(Role.AGENT, username="agent-cc", first_name="Ada", last_name="Agent")


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.fixture
def an(catalogue, agent) -> Citizen:
    """An Van den Bossche, Berchem (2600), who needs help with digital services."""
    return citizen_create(
        first_name="An",
        last_name="Van den Bossche",
        national_number="85.07.30-033.28",
        email="an.vdb@example.org",
        phone="03 123 45 67",
        street="Statiestraat",
        number="10",
        postcode="2600",
        needs_digital_help=True,
        actor=agent,
    )


@pytest.fixture
def other(catalogue, agent) -> Citizen:
    return citizen_create(first_name="Bert", last_name="Andermans", postcode="2000", actor=agent)
