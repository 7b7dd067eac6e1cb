"""The work queue page: filters, paging, ordering and scoping."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from loket.cases.backoffice import WorkQueueFilters, work_queue_page
from loket.cases.models import Case
from loket.cases.services import case_assign, case_transition

URL = "/werkbak/"


def test_the_url_name_is_the_work_queue():
    assert reverse("cases:work-queue") == URL


def test_the_page_lists_cases_ordered_by_deadline(open_case, agent, login):
    late = open_case(title="Later")
    soon = open_case(title="Eerder")
    Case.objects.filter(pk=late.pk).update(deadline=dt.date(2030, 1, 10))
    Case.objects.filter(pk=soon.pk).update(deadline=dt.date(2030, 1, 5))
    body = login(agent).get(URL).content.decode()
    assert body.index(soon.reference) < body.index(late.reference)
    assert "<caption>" in body and "<fieldset>" in body


def test_filters_narrow_the_list_by_district_status_and_assignee(open_case, agent, backoffice_user):
    deurne, berchem = open_case("deurne"), open_case("berchem")
    case_transition(case=berchem, to_status="in_progress", actor=agent)
    case_assign(case=deurne, actor=agent, assignee=backoffice_user)

    def refs(**filters):
        page = work_queue_page(user=backoffice_user, filters=WorkQueueFilters(**filters))
        return [c.reference for c in page.cases]

    assert refs(district="berchem") == [berchem.reference]
    assert refs(status="in_progress") == [berchem.reference]
    assert refs(assignee="me") == [deurne.reference]
    assert refs(assignee="nobody") == [berchem.reference]
    assert sorted(refs(assignee="someone")) == [deurne.reference]


def test_overdue_and_this_week_filters(open_case, agent):
    overdue, later = open_case(), open_case()
    Case.objects.filter(pk=overdue.pk).update(deadline=dt.date(2000, 1, 1))
    Case.objects.filter(pk=later.pk).update(deadline=dt.date(2099, 1, 1))
    assert [c.pk for c in work_queue_page(user=agent, filters=WorkQueueFilters(due="overdue")).cases] == [overdue.pk]
    assert work_queue_page(user=agent, filters=WorkQueueFilters(due="week")).cases == []


def test_closed_cases_only_show_when_asked_for(open_case, agent):
    case = open_case(kind="report")
    case_transition(case=case, to_status="rejected", actor=agent)
    assert work_queue_page(user=agent, filters=WorkQueueFilters()).cases == []
    assert len(work_queue_page(user=agent, filters=WorkQueueFilters(status="alle")).cases) == 1


def test_paging_shows_25_per_page_and_a_link_to_the_next(open_case, agent, login):
    for n in range(27):
        open_case(title=f"Zaak {n}")
    client = login(agent)
    first = client.get(URL)
    assert len(first.context["page"].cases) == 25
    assert first.context["next_url"].endswith("page=2") or "page=2" in first.context["next_url"]
    second = client.get(first.context["next_url"])
    assert len(second.context["page"].cases) == 2
    assert not second.context["page"].has_next
    assert "Zaken 26 tot 27 van 27" in second.content.decode()


def test_the_count_is_capped(open_case, agent, monkeypatch):
    monkeypatch.setattr("loket.cases.backoffice.COUNT_CAP", 3)
    for _ in range(5):
        open_case()
    page = work_queue_page(user=agent, filters=WorkQueueFilters())
    assert page.total == 3 and page.total_capped


def test_a_backoffice_user_starts_on_their_team_and_can_choose_all_teams(open_case, backoffice_user, login):
    case = open_case()
    client = login(backoffice_user)
    assert client.get(URL).context["page"].cases == []
    assert "alle teams" in client.get(URL).content.decode()
    assert [c.pk for c in client.get(URL + "?team=").context["page"].cases] == [case.pk]


def test_an_empty_queue_says_so_in_dutch(agent, login, antwerp):
    assert "Geen zaken die aan deze filters voldoen" in login(agent).get(URL).content.decode()


def test_an_unknown_filter_value_is_reported_and_ignored(open_case, agent, login):
    open_case()
    response = login(agent).get(URL + "?status=bestaat-niet&page=abc")
    assert response.status_code == 200
    assert "ongeldig" in response.content.decode()
    assert len(response.context["page"].cases) == 1


def test_berchem_staff_never_see_a_deurne_case_on_the_page(open_case, berchem_staff, login):
    deurne, berchem = open_case("deurne"), open_case("berchem")
    body = login(berchem_staff).get(URL + "?district=deurne").content.decode()
    assert deurne.reference not in body
    body = login(berchem_staff).get(URL).content.decode()
    assert berchem.reference in body and deurne.reference not in body


def test_citizens_and_anonymous_visitors_cannot_open_the_queue(citizen, login, client):
    assert login(citizen).get(URL).status_code == 403
    assert client.get(URL).status_code == 302


def test_a_district_queue_merges_its_own_cases_and_those_it_asked_for_by_deadline(open_case, agent, make_user):
    from loket.organisation.models import District

    own_late, own_soon = open_case("berchem"), open_case("berchem")
    asked = open_case("deurne", kind="question", requesting_district=District.objects.get(slug="berchem"))
    open_case("deurne")
    for case, day in ((own_late, 20), (own_soon, 5), (asked, 10)):
        Case.objects.filter(pk=case.pk).update(deadline=dt.date(2030, 1, day))
    coordinator = make_user("coordinator", district="berchem")
    page = work_queue_page(user=coordinator, filters=WorkQueueFilters())
    assert [c.pk for c in page.cases] == [own_soon.pk, asked.pk, own_late.pk]
    assert page.total == 3
    second = work_queue_page(user=coordinator, filters=WorkQueueFilters(), page=2, per_page=2)
    assert [c.pk for c in second.cases] == [own_late.pk] and not second.has_next
