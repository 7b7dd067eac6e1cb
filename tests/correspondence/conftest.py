from __future__ import annotations

import datetime as dt

import pytest

from loket.accounts.models import Role, User
from loket.correspondence.services import letter_register
from loket.organisation.models import Team

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x00\x00\x01" * 2 + b"\x08\x06\x00\x00\x00" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def helpdesk(antwerp, make_user) -> User:
    return make_user(Role.HELPDESK, username="hd")


@pytest.fixture
def berchem(antwerp, make_user) -> User:
    return make_user(Role.COORDINATOR, "berchem", username="coord-berchem")


@pytest.fixture
def deurne(antwerp, make_user) -> User:
    return make_user(Role.DISTRICT_STAFF, "deurne", username="staff-deurne")


@pytest.fixture
def mobility(antwerp, make_user) -> User:
    return make_user(Role.BACKOFFICE, username="mob", team=Team.objects.get(slug="stad-mobiliteit"))


@pytest.fixture
def register(helpdesk):
    """Register a letter with sensible defaults (Berchem's executive to the city's mobility service)."""

    def make(**values):
        defaults = {
            "actor": helpdesk,
            "sender": "district_executive:berchem",
            "recipients": ["city_service:stad-mobiliteit"],
            "subject": "Advies over het Kielplein",
            "letter_date": dt.date(2026, 3, 2),
            "body": "Geachte,\n\nGraag uw advies.",
        }
        return letter_register(**{**defaults, **values})

    return make
