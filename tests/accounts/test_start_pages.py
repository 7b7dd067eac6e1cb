from __future__ import annotations

from loket.accounts.models import Role
from loket.cases.models import Case
from loket.cases.services import case_create
from loket.organisation.models import District, Team


def open_case(district: str, kind: str = "request", **extra):
    return case_create(
        kind=kind,
        title=f"Zaak in {district}",
        channel="phone",
        actor=None,
        district=District.objects.get(slug=district),
        **extra,
    )


def test_a_citizen_sees_mijn_loket_with_their_own_cases(client, make_user, antwerp):
    citizen = make_user(Role.CITIZEN)
    own = open_case("berchem", citizen=citizen)
    other = open_case("berchem")
    client.force_login(citizen)
    html = client.get("/start/").content.decode()
    assert "<h1>Mijn loket</h1>" in html
    assert own.reference in html and other.reference not in html


def test_an_agent_sees_the_catalogue_and_counts_per_status(client, make_user, antwerp):
    open_case("berchem")
    open_case("deurne")
    client.force_login(make_user(Role.AGENT))
    response = client.get("/start/")
    assert sum(row["count"] for row in response.context["status_counts"]) == 2
    assert 'href="/"' in response.content.decode()


def test_district_staff_get_a_link_to_their_district_page(client, make_user, antwerp):
    client.force_login(make_user(Role.COORDINATOR, "hoboken"))
    html = client.get("/start/").content.decode()
    assert 'href="/districten/hoboken/"' in html
    assert "Open zaken in district Hoboken" in html


def test_a_back_office_handler_without_a_team_is_told_so(client, make_user, antwerp):
    client.force_login(make_user(Role.BACKOFFICE))
    assert "Je bent nog niet aan een team gekoppeld." in client.get("/start/").content.decode()


def test_a_back_office_handler_sees_the_open_cases_of_their_team(client, make_user, antwerp):
    ours = open_case("berchem")
    Case.objects.filter(pk=ours.pk).update(team=Team.objects.get(slug="stad-burgerzaken"))
    theirs = open_case("deurne")
    Case.objects.filter(pk=theirs.pk).update(team=Team.objects.get(slug="stad-helpdesk"))
    client.force_login(make_user(Role.BACKOFFICE, team="stad-burgerzaken"))
    html = client.get("/start/").content.decode()
    assert ours.reference in html and theirs.reference not in html


def test_a_manager_sees_figures_per_kind_channel_and_district(client, make_user, antwerp):
    open_case("berchem")
    open_case("deurne", kind="question")
    client.force_login(make_user(Role.MANAGER))
    context = client.get("/start/").context
    assert context["total"] == 2
    assert {row["value"] for row in context["by_kind"]} == {"request", "question"}
    assert {row["value"] for row in context["by_channel"]} == {"phone"}
    assert {row["value"] for row in context["by_district"]} == {"Berchem", "Deurne"}


def test_an_administrator_gets_the_admin_and_the_audit_trail(client, make_user):
    client.force_login(make_user(Role.ADMIN))
    html = client.get("/start/").content.decode()
    assert 'href="/beheer/"' in html and 'href="/audit/"' in html


def test_an_anonymous_visitor_must_log_in_first(client, db):
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"] == "/aanmelden/?next=/start/"
