"""Fixtures of the helpdesk tests: the Antwerp demo city, askers in two districts, the helpdesk and
its lead; uploaded files land in a temporary folder. Times are Brussels wall-clock times."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.accounts.models import Role, User

BXL = ZoneInfo("Europe/Brussels")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 64


def at(text: str) -> dt.datetime:
    """A Brussels moment from 'YYYY-MM-DD HH:MM'."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BXL)


def travel(text: str):
    """Freeze the clock at a Brussels moment (a context manager and decorator)."""
    return time_machine.travel(at(text), tick=False)


def pdf(name: str = "nota.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def people(antwerp, make_user) -> dict[str, User]:
    """Askers in Berchem and Deurne, two helpdesk colleagues, the lead (a manager) and an agent."""
    from loket.organisation.models import Team

    team = Team.objects.get(slug="stad-helpdesk")
    return {
        "berchem": make_user(Role.DISTRICT_STAFF, district="berchem", username="ann-berchem", email="ann@berchem.be"),
        "berchem_coordinator": make_user(Role.COORDINATOR, district="berchem", username="bert-coordinator"),
        "deurne": make_user(Role.COORDINATOR, district="deurne", username="dirk-deurne", email="dirk@deurne.be"),
        "helpdesk": make_user(
            Role.HELPDESK,
            username="lotte",
            first_name="Lotte",
            last_name="Wouters",
            email="lotte@antwerpen.be",
            team=team,
        ),
        "colleague": make_user(Role.HELPDESK, username="pieter", email="pieter@antwerpen.be", team=team),
        "lead": make_user(Role.MANAGER, username="marc", email="marc@antwerpen.be"),
        "agent": make_user(Role.AGENT, username="an-agent"),
    }


@pytest.fixture
def ask(people):
    """Ask a question as someone (Berchem's district staff by default)."""
    from loket.helpdesk.services import question_ask

    def make(who: str = "berchem", *, title: str = "Wie beslist over de kermis?", topic: str = "competence", **extra):
        return question_ask(
            actor=people[who],
            title=title,
            text=extra.pop("text", "Is de kermis een districtsbevoegdheid?"),
            topic=topic,
            **extra,
        )

    return make
