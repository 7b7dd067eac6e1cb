"""The managers' channel-mix page and its CSV download."""

from __future__ import annotations

import pytest
from django.test import Client

from loket.accounts.models import Role

PAGES = ["/sturing/kanaalmix/", "/sturing/kanaalmix.csv"]
DAY = {"start": "2026-03-10", "end": "2026-03-10"}


def test_a_manager_sees_the_channel_mix_per_service(manager_client, period):
    response = manager_client.get("/sturing/kanaalmix/", {**DAY, "group_by": "service"})
    assert response.status_code == 200
    assert response.context["mix"].cases.totals.total == 6
    page = response.content.decode()
    assert '<th scope="row">Identiteitskaart</th>' in page
    assert '<th scope="col">Dienst</th>' in page and '<th scope="col">e-loket</th>' in page
    assert "<caption" in page and "(75,0 %)" in page  # 3 of the 4 identity-card cases came in online
    assert "/sturing/kanaalmix.csv?start=2026-03-10&amp;end=2026-03-10&amp;group_by=service&amp;district=" in page


def test_it_groups_per_district_and_filters_on_one(manager_client, period):
    response = manager_client.get("/sturing/kanaalmix/", {**DAY, "group_by": "district"})
    assert [row.key for row in response.context["mix"].cases.rows] == ["berchem", "deurne", ""]
    response = manager_client.get("/sturing/kanaalmix/", {**DAY, "group_by": "service", "district": "berchem"})
    assert (response.context["mix"].cases.totals.total, response.context["mix"].contacts.totals.total) == (3, 2)
    assert "(Berchem)" in response.content.decode()


def test_the_page_opens_on_the_last_thirty_days_per_service(manager_client, period, time_machine):
    time_machine.move_to("2026-03-20 12:00:00+01:00", tick=False)
    mix = manager_client.get("/sturing/kanaalmix/").context["mix"]
    assert (mix.date_from.isoformat(), mix.date_to.isoformat(), mix.group_by) == ("2026-02-19", "2026-03-20", "service")
    assert mix.cases.totals.total == 8


def test_it_refuses_a_period_that_ends_before_it_starts(manager_client, period):
    response = manager_client.get("/sturing/kanaalmix/", {"start": "2026-03-10", "end": "2026-03-01"})
    assert response.status_code == 400
    assert response.context["mix"] is None
    assert "Het einde van de periode ligt voor het begin." in response.content.decode()


@pytest.mark.parametrize("bad", [{"group_by": "team"}, {"district": "atlantis"}, {"start": "gisteren"}])
def test_it_refuses_an_unknown_grouping_district_or_date(manager_client, period, bad):
    response = manager_client.get("/sturing/kanaalmix/", {**DAY, **bad})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_csv_has_one_line_per_row_and_the_totals(manager_client, period):
    response = manager_client.get("/sturing/kanaalmix.csv", {**DAY, "group_by": "district"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kanaalmix-district-alle-20260310-20260310.csv"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("bron;sleutel;naam;e-loket;telefoon;loket;e-mail;chat;API;intern;totaal;aandeel (%)")
    assert "zaken;berchem;Berchem;2;0;1;0;;0;0;3;50,0;66,7;0,0;33,3;0,0;;0,0;0,0" in lines
    assert "zaken;;Totaal;3;1;1;1;;0;0;6;100,0;50,0;16,7;16,7;16,7;;0,0;0,0" in lines
    assert "contactmomenten;;Zonder district;0;0;0;0;1;;;1;25,0;0,0;0,0;0,0;0,0;100,0;;" in lines
    assert len(lines) == 1 + 4 + 4


def test_the_csv_refuses_bad_input_in_plain_text(manager_client, period):
    response = manager_client.get("/sturing/kanaalmix.csv", {**DAY, "group_by": "team"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", [Role.CLERK, Role.BACKOFFICE, Role.CITIZEN])
def test_only_managers_may_see_the_channel_mix(client: Client, make_user, antwerp, url, role):
    client.force_login(make_user(role))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_an_administrator_may_see_the_channel_mix(client: Client, make_user, antwerp, url):
    client.force_login(make_user(Role.ADMIN))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, antwerp, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/?next=")


def test_a_manager_finds_the_channel_mix_on_the_start_page(manager_client, antwerp):
    page = manager_client.get("/start/").content.decode()
    assert "Sturing en cijfers" in page and 'href="/sturing/kanaalmix/"' in page


def test_a_clerk_finds_no_steering_section_on_the_start_page(client, make_user, antwerp):
    client.force_login(make_user(Role.CLERK))
    assert "Sturing en cijfers" not in client.get("/start/").content.decode()
