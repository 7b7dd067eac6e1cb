from __future__ import annotations

import itertools

import pytest

from loket.accounts.models import Role, User
from loket.catalogue import demo as catalogue_demo
from loket.requests import demo as requests_demo
from loket.requests.models import FormDefinition

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x00\x00\x01" * 2 + b"\x08\x06\x00\x00\x00" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 64
# A valid national register number (born 1985-07-30): 85073003328
NATIONAL_NUMBER = "85.07.30-033.28"
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def eloket(antwerp):
    catalogue_demo.load(log=lambda line: None)
    requests_demo.load(log=lambda line: None)
    return antwerp


@pytest.fixture
def make_user(db):
    def make(role: str = Role.CITIZEN, **extra) -> User:
        return User.objects.create_user(
            username=extra.pop("username", f"{role}-{next(_counter)}"),
            password=None,
            role=role,
            first_name="Test",
            last_name="Persoon",
            **extra,
        )

    return make


@pytest.fixture
def citizen(make_user):
    return make_user()


@pytest.fixture
def terrace(eloket) -> FormDefinition:
    """Terrasvergunning: two required documents' worth of rules (plan required, photo optional)."""
    return FormDefinition.objects.select_related("service").get(service__slug="terrasvergunning")


@pytest.fixture
def extract(eloket) -> FormDefinition:
    """Bewijs van woonst: no documents, a national number and a choice."""
    return FormDefinition.objects.select_related("service").get(service__slug="bewijs-van-woonst")


EXTRACT_ANSWERS = {
    "rijksregisternummer": NATIONAL_NUMBER,
    "adres": "Grote Markt 1, 2000 Antwerpen",
    "aantal": "1",
    "levering": "email",
    "doel": "werk",
}
TERRACE_ANSWERS = {"zaak": "Café De Hoek", "adres": "Grote Markt 1, 2000 Antwerpen", "oppervlakte": "12"}
