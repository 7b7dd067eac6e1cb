"""Who sees what: a matrix over roles by districts, one test id per cell.

Cases are opened in Berchem and in Deurne (and a helpdesk question from Deurne); each demo
role, district staff and coordinators of two districts, and an anonymous visitor, then ask
for the case list, each case, their own cases, the admin, the audit trail and the start page.
"""

from __future__ import annotations

import pytest

from loket.accounts import demo
from loket.accounts.models import User
from loket.cases.services import case_create
from loket.organisation.models import District
from tests.accounts.conftest import fast_hashing  # noqa: F401

CITY_WIDE = ["agent", "clerk", "backoffice", "helpdesk", "manager", "admin"]
BERCHEM = ["district-berchem", "coordinator-berchem"]
DEURNE = ["district-deurne", "coordinator-deurne"]
EVERYONE = ["anonymous", "citizen", *CITY_WIDE, *BERCHEM, *DEURNE]
ALL_CASES = {"berchem", "deurne", "question"}

# What GET /api/v1/cases/ answers: a status and, when 200, exactly which cases.
LIST = {
    "anonymous": (401, None),
    "citizen": (403, None),
    **{who: (200, ALL_CASES) for who in CITY_WIDE},
    **{who: (200, {"berchem"}) for who in BERCHEM},
    **{who: (200, {"deurne", "question"}) for who in DEURNE},
}
# Which cases each user finds on their start page.
START = {
    "citizen": {"berchem"},
    "agent": ALL_CASES,
    "clerk": ALL_CASES,
    "backoffice": set(),  # no case is routed to their team here
    "helpdesk": {"question"},
    "manager": set(),  # figures, not a list
    "admin": set(),
    **{who: {"berchem"} for who in BERCHEM},
    **{who: {"deurne", "question"} for who in DEURNE},
}


@pytest.fixture
def world(antwerp, fast_hashing):  # noqa: F811
    """The demo users and three cases; returns {name: reference}."""
    demo.load(log=lambda line: None)
    citizen = User.objects.get(username="citizen")
    other = User.objects.create_user(username="andere-burger", role="citizen")
    agent = User.objects.get(username="agent")
    berchem, deurne = District.objects.get(slug="berchem"), District.objects.get(slug="deurne")
    cases = {
        "berchem": case_create(
            kind="request", title="Vraag in Berchem", channel="online", actor=citizen, citizen=citizen, district=berchem
        ),
        "deurne": case_create(
            kind="request", title="Vraag in Deurne", channel="phone", actor=agent, citizen=other, district=deurne
        ),
        "question": case_create(
            kind="question",
            title="Wie is bevoegd voor de kermis?",
            channel="internal",
            actor=User.objects.get(username="district-deurne"),
            requesting_district=deurne,
        ),
    }
    return {name: case.reference for name, case in cases.items()}


def as_(client, who: str):
    if who != "anonymous":
        client.force_login(User.objects.get(username=who))
    return client


def names(world: dict[str, str], references: set[str]) -> set[str]:
    by_reference = {reference: name for name, reference in world.items()}
    return {by_reference.get(reference, reference) for reference in references}


@pytest.mark.parametrize("who", EVERYONE)
def test_case_list(client, world, who):
    status, expected = LIST[who]
    response = as_(client, who).get("/api/v1/cases/")
    assert response.status_code == status
    if expected is not None:
        assert names(world, {row["reference"] for row in response.json()["results"]}) == expected


@pytest.mark.parametrize("case", sorted(ALL_CASES))
@pytest.mark.parametrize("who", EVERYONE)
def test_case_detail(client, world, who, case):
    status, visible = LIST[who]
    response = as_(client, who).get(f"/api/v1/cases/{world[case]}/")
    if status != 200:
        assert response.status_code == status
    elif case in visible:
        assert response.status_code == 200
        assert response.json()["reference"] == world[case]
    else:
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("who", EVERYONE)
def test_my_cases(client, world, who):
    response = as_(client, who).get("/api/v1/me/cases/")
    if who == "citizen":
        assert response.status_code == 200
        assert names(world, {row["reference"] for row in response.json()["results"]}) == {"berchem"}
    else:
        assert response.status_code == (401 if who == "anonymous" else 403)


@pytest.mark.parametrize("who", EVERYONE)
def test_admin_site(client, world, who):
    response = as_(client, who).get("/beheer/", follow=True)
    if who == "admin":
        assert response.status_code == 200
    elif who == "anonymous":
        assert response.redirect_chain[-1][0].startswith("/aanmelden/")
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", EVERYONE)
def test_audit_trail(client, world, who):
    response = as_(client, who).get("/audit/")
    expected = {"admin": 200, "anonymous": 302}.get(who, 403)
    assert response.status_code == expected


@pytest.mark.parametrize("who", EVERYONE)
def test_start_page(client, world, who):
    response = as_(client, who).get("/start/")
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/aanmelden/")
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert {name for name, reference in world.items() if reference in html} == START[who]
