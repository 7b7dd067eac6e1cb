"""A district's page lists its works in the coming weeks (organisation.hooks)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.works.sections import DISTRICT_SECTION_LIMIT
from tests.works.helpers_public import DEURNE, GROENPLAATS, make_work, north_of

pytestmark = pytest.mark.django_db


def test_a_district_page_shows_its_works_and_links_to_all_of_them(client, antwerp):
    for index in range(DISTRICT_SECTION_LIMIT + 1):
        make_work(title=f"Werk in Deurne {index}", at=north_of(DEURNE, index * 50))
    make_work(title="Werk in Antwerpen", at=GROENPLAATS)
    html = client.get(reverse("organisation:district-detail", args=["deurne"])).content.decode()
    assert "<h2" in html and "Werken op het openbaar domein" in html
    assert "Werk in Deurne 0" in html and "Werk in Antwerpen" not in html
    assert f"Werk in Deurne {DISTRICT_SECTION_LIMIT}" not in html  # the first few only
    assert f"Alle {DISTRICT_SECTION_LIMIT + 1} werken in Deurne in de komende weken" in html
    assert f"{reverse('works:list')}?district=deurne" in html


def test_a_district_without_works_in_the_coming_weeks_shows_no_section(client, antwerp):
    today = timezone.localdate()
    make_work(title="Lang geleden", at=DEURNE, start=today - timedelta(days=90), end=today - timedelta(days=60))
    html = client.get(reverse("organisation:district-detail", args=["deurne"])).content.decode()
    assert "Lang geleden" not in html and "Werken op het openbaar domein" not in html
    assert client.get(reverse("organisation:district-detail", args=["atlantis"])).status_code == 404
