from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.accounts.models import Role, User
from loket.catalogue.models import Competence, Level, Service, Topic
from loket.organisation.models import District, Team

# Points inside two districts (their district houses) and one outside the city (Brussels).
DEURNE_POINT = (51.2194, 4.4646)
BERCHEM_POINT = (51.1929, 4.4233)
BRUSSELS_POINT = (50.8466, 4.3528)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x00\x00\x01" * 2 + b"\x08\x06\x00\x00\x00" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def agent(make_user) -> User:
    return make_user(Role.AGENT, username="agent")


@pytest.fixture
def citizen(make_user) -> User:
    return make_user(Role.CITIZEN, username="an", first_name="An", last_name="Peeters")


@pytest.fixture
def topics(antwerp) -> dict[str, Topic]:
    """A district topic (local parks, each district's green team) and a city topic (street lighting)."""
    parks = Topic.objects.create(slug="test-lokale-parken", name="Lokale parken (test)", level=Level.DISTRICT)
    for district in District.objects.all():
        Competence.objects.create(topic=parks, district=district, team=Team.objects.get(slug=f"{district.slug}-groen"))
    lighting = Topic.objects.create(slug="test-straatverlichting", name="Straatverlichting (test)", level=Level.CITY)
    Competence.objects.create(topic=lighting, district=None, team=Team.objects.get(slug="stad-openbare-verlichting"))
    return {"parks": parks, "lighting": lighting}


@pytest.fixture
def hall_rental(topics) -> Service:
    return Service.objects.create(
        slug="test-zaalhuur", name="Zaal huren (test)", topic=topics["parks"], online=True, handling_days=5
    )


@pytest.fixture
def upload():
    def make(name: str, content: bytes) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, content, content_type="application/octet-stream")

    return make
