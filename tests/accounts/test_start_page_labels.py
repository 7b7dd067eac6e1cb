from __future__ import annotations

from loket.accounts.models import Role
from loket.accounts.selectors import any_status_label, count_by, status_label
from loket.cases.models import Case
from loket.cases.services import case_create, case_transition
from loket.organisation.models import District


def open_case(district: str, kind: str = "request", **extra):
    return case_create(
        kind=kind,
        title=f"Zaak in {district}",
        channel="phone",
        actor=None,
        district=District.objects.get(slug=district),
        **extra,
    )


def test_the_case_table_shows_the_workflows_dutch_status_label(client, make_user, antwerp):
    case_transition(case=open_case("berchem"), to_status="in_progress", actor=None)
    client.force_login(make_user(Role.DISTRICT_STAFF, "berchem"))
    html = client.get("/start/").content.decode()
    assert "<td>In behandeling</td>" in html and "in_progress" not in html


def test_a_citizen_sees_the_label_of_their_case(client, make_user, antwerp):
    citizen = make_user(Role.CITIZEN)
    open_case("deurne", kind="question", citizen=citizen)
    client.force_login(citizen)
    assert "<td>Nieuw</td>" in client.get("/start/").content.decode()


def test_the_managers_figures_show_labels_of_statuses_kinds_and_channels(client, make_user, antwerp):
    open_case("berchem")
    open_case("deurne", kind="question")
    client.force_login(make_user(Role.MANAGER))
    response = client.get("/start/")
    html = response.content.decode()
    assert '<th scope="row">Aanvraag</th>' in html and '<th scope="row">Vraag</th>' in html
    assert '<th scope="row">Ontvangen</th>' in html and '<th scope="row">Contactcenter</th>' in html
    assert ">received<" not in html and ">phone<" not in html
    assert {row["value"] for row in response.context["by_kind"]} == {"request", "question"}


def test_an_unknown_kind_or_status_falls_back_to_the_code(antwerp):
    assert status_label(kind="parking", status="in_progress") == "in_progress"
    assert status_label(kind="request", status="lost") == "lost"
    assert any_status_label("lost") == "lost"


def test_counts_per_status_carry_code_and_label(antwerp):
    open_case("berchem")
    rows = count_by(Case.objects.all(), "status")
    assert rows == [{"value": "received", "label": "ontvangen", "count": 1}]
