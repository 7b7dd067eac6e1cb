from __future__ import annotations

import pytest
from django.http import Http404

from loket.accounts.models import Role
from loket.cases.selectors import case_get_for_user, case_list_for_user
from loket.cases.services import case_create
from loket.organisation.models import District


@pytest.fixture
def deurne_case(antwerp, agent, citizen):
    return case_create(
        kind="request", title="Zaal Deurne", channel="online", actor=agent, citizen=citizen, district=_d("deurne")
    )


@pytest.fixture
def berchem_case(antwerp, agent):
    return case_create(kind="request", title="Zaal Berchem", channel="counter", actor=agent, district=_d("berchem"))


def _d(slug):
    return District.objects.get(slug=slug)


def test_district_staff_of_berchem_cannot_see_a_deurne_case(deurne_case, berchem_case, make_user):
    staff = make_user(Role.DISTRICT_STAFF, district="berchem")
    assert list(case_list_for_user(user=staff)) == [berchem_case]
    with pytest.raises(Http404):
        case_get_for_user(user=staff, reference=deurne_case.reference)


def test_a_coordinator_sees_cases_their_district_asked_for(deurne_case, agent, make_user):
    asked = case_create(
        kind="question", title="Vraag", channel="internal", actor=agent, requesting_district=_d("berchem")
    )
    coordinator = make_user(Role.COORDINATOR, district="berchem")
    assert case_get_for_user(user=coordinator, reference=asked.reference) == asked


def test_a_citizen_sees_only_their_own_cases(deurne_case, berchem_case, citizen, make_user):
    assert list(case_list_for_user(user=citizen)) == [deurne_case]
    other = make_user(Role.CITIZEN)
    assert list(case_list_for_user(user=other)) == []
    with pytest.raises(Http404):
        case_get_for_user(user=other, reference=deurne_case.reference)


def test_city_wide_roles_see_every_case(deurne_case, berchem_case, make_user):
    assert case_list_for_user(user=make_user(Role.BACKOFFICE)).count() == 2


def test_the_list_filters_on_district_status_and_overdue(deurne_case, berchem_case, agent):
    assert list(case_list_for_user(user=agent, district="deurne")) == [deurne_case]
    assert list(case_list_for_user(user=agent, status="in_progress")) == []
    assert case_list_for_user(user=agent, overdue=False).count() == 2
    assert case_list_for_user(user=agent, overdue=True).count() == 0


def test_an_unknown_ordering_is_refused(agent):
    with pytest.raises(ValueError):
        case_list_for_user(user=agent, order="title")
