from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.accounts.models import Role
from loket.cases.models import CaseEvent
from loket.cases.services import case_assign, case_create
from loket.organisation.models import District, Team


@pytest.fixture
def deurne_case(antwerp, agent):
    return case_create(
        kind="request", title="Zaal", channel="online", actor=agent, district=District.objects.get(slug="deurne")
    )


def test_moving_a_case_to_another_districts_team_makes_it_that_districts_case(deurne_case, agent):
    case_assign(case=deurne_case, team=Team.objects.get(slug="berchem-evenementen"), actor=agent)
    deurne_case.refresh_from_db()
    assert (deurne_case.team.slug, deurne_case.district.slug) == ("berchem-evenementen", "berchem")
    event = deurne_case.events.get(kind=CaseEvent.Kind.ASSIGNED)
    assert event.team.slug == "berchem-evenementen"


def test_district_staff_of_another_district_cannot_be_assigned(deurne_case, agent, make_user):
    with pytest.raises(ValidationError, match="ander district"):
        case_assign(case=deurne_case, assignee=make_user(Role.DISTRICT_STAFF, district="berchem"), actor=agent)


def test_a_new_team_without_a_person_clears_the_assignee(deurne_case, agent, make_user):
    case_assign(case=deurne_case, assignee=make_user(Role.DISTRICT_STAFF, district="deurne"), actor=agent)
    case_assign(case=deurne_case, team=Team.objects.get(slug="stad-burgerzaken"), actor=agent)
    deurne_case.refresh_from_db()
    assert deurne_case.assignee is None
