"""Claiming and assigning several cases at once, on the page and through the API."""

from __future__ import annotations

from rest_framework.test import APIClient

from loket.cases.models import Case


def test_claiming_selected_cases_assigns_them_and_keeps_the_filters(open_case, agent, login):
    first, second = open_case(), open_case()
    response = login(agent).post(
        "/werkbak/toewijzen/",
        {"case": [first.reference, second.reference], "action": "claim", "f_district": "deurne", "f_team": ""},
    )
    assert response.status_code == 302
    assert "district=deurne" in response["Location"] and response["Location"].startswith("/werkbak/?")
    assert set(Case.objects.filter(assignee=agent).values_list("reference", flat=True)) == {
        first.reference,
        second.reference,
    }


def test_assigning_to_a_team_moves_the_cases(open_case, agent, login):
    case = open_case()
    login(agent).post("/werkbak/toewijzen/", {"case": [case.reference], "action": "assign", "team": "stad-burgerzaken"})
    case.refresh_from_db()
    assert case.team.slug == "stad-burgerzaken"


def test_a_reference_outside_the_scope_refuses_the_whole_batch(open_case, berchem_staff, login):
    berchem, deurne = open_case("berchem"), open_case("deurne")
    client = login(berchem_staff)
    response = client.post(
        "/werkbak/toewijzen/", {"case": [berchem.reference, deurne.reference], "action": "claim"}, follow=True
    )
    assert "geen toegang" in response.content.decode()
    assert not Case.objects.filter(assignee__isnull=False).exists()


def test_nothing_selected_is_an_error_message(agent, login, antwerp):
    response = login(agent).post("/werkbak/toewijzen/", {"action": "claim"}, follow=True)
    assert "Kies minstens één zaak" in response.content.decode()


def test_the_api_assigns_in_bulk(open_case, agent, backoffice_user):
    first, second = open_case(), open_case()
    api = APIClient()
    api.force_authenticate(agent)
    response = api.post(
        "/api/v1/cases/assign/",
        {"references": [first.reference, second.reference], "assignee": backoffice_user.pk, "team": None},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json() == {"assigned": [first.reference, second.reference]}
    assert Case.objects.filter(assignee=backoffice_user).count() == 2


def test_the_api_refuses_a_forged_reference_and_assigns_nothing(open_case, berchem_staff):
    berchem, deurne = open_case("berchem"), open_case("deurne")
    api = APIClient()
    api.force_authenticate(berchem_staff)
    response = api.post(
        "/api/v1/cases/assign/",
        {"references": [berchem.reference, deurne.reference], "assignee": berchem_staff.pk},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["details"]["references"]
    assert not Case.objects.filter(assignee__isnull=False).exists()


def test_the_api_needs_an_assignee_or_a_team(open_case, agent):
    api = APIClient()
    api.force_authenticate(agent)
    response = api.post("/api/v1/cases/assign/", {"references": [open_case().reference]}, format="json")
    assert response.status_code == 400
