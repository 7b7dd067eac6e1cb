from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.test import Client

from loket.open311.services import api_key_create
from tests.reports.conftest import DISTRICT_POINTS, GROENPLAATS, OUTSIDE  # noqa: F401

BASE = "/open311/v2/"


@pytest.fixture(autouse=True)
def _mail_in_memory(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LOKET_BASE_URL = "https://loket.example"


@pytest.fixture
def city(antwerp):
    from loket.reports.categories import categories_load

    categories_load()
    return antwerp


@pytest.fixture
def api_key(city) -> str:
    return api_key_create(name="Test client")[1]


@pytest.fixture
def client() -> Client:
    return Client()


def xml(response: Any) -> ET.Element:
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(response.content)


def children(element: ET.Element) -> list[str]:
    return [child.tag for child in element]


@pytest.fixture
def post(client, api_key):
    def send(fmt: str = "json", **data: Any) -> Any:
        data.setdefault("api_key", api_key)
        data.setdefault("service_code", "weg.put")
        if "address_string" not in data:
            data.setdefault("lat", str(GROENPLAATS[0]))
            data.setdefault("long", str(GROENPLAATS[1]))
        data.setdefault("description", "Een diepe put in het fietspad.")
        data = {key: value for key, value in data.items() if value is not None}
        return client.post(f"{BASE}requests.{fmt}", data)

    return send
