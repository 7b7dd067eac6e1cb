from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loket.accounts.models import Role, User
from loket.consultations.models import MeetingSeries
from loket.consultations.services import meeting_plan
from loket.organisation.models import District


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def helpdesk(antwerp, make_user) -> User:
    return make_user(Role.HELPDESK, username="hd", email="hd@antwerpen.be")


@pytest.fixture
def berchem(antwerp, make_user) -> User:
    return make_user(Role.COORDINATOR, "berchem", username="coord-berchem", email="coord.berchem@example.org")


@pytest.fixture
def deurne(antwerp, make_user) -> User:
    return make_user(Role.DISTRICT_STAFF, "deurne", username="staff-deurne")


@pytest.fixture
def series(antwerp) -> MeetingSeries:
    series = MeetingSeries.objects.create(slug="chairs", name="Overleg voorzitters", default_place="Stadhuis")
    series.districts.set(District.objects.filter(slug__in=["berchem", "borgerhout"]))
    return series


@pytest.fixture
def plan(series, helpdesk):
    def make(days: int = 7, **values):
        start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
        defaults = {
            "series": series,
            "title": f"Overleg dag {days}",
            "starts_at": start,
            "ends_at": start + dt.timedelta(hours=2),
            "actor": helpdesk,
        }
        return meeting_plan(**{**defaults, **values})

    return make
