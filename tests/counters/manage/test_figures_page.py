from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("evening")


def test_a_manager_sees_the_figures_of_a_period(manager_client, counter_day):
    response = manager_client.get("/loketten-cijfers/", {"start": "2026-03-10", "end": "2026-03-10"})
    assert response.status_code == 200
    assert response.context["figures"].total.visitors == 8
    page = response.content.decode()
    assert "Districtshuis Berchem" in page and "Identiteitskaart" in page and "09:00–10:00" in page  # noqa: RUF001
    assert "11,0 min" in page  # the median wait, in Dutch notation
    assert "/loketten-cijfers.csv?start=2026-03-10&amp;end=2026-03-10&amp;location=" in page


def test_the_page_opens_on_the_last_seven_days(manager_client, counter_day):
    response = manager_client.get("/loketten-cijfers/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.start.date().isoformat(), figures.total.visitors) == ("2026-03-04", 8)


def test_it_filters_on_one_location(manager_client, counter_day):
    response = manager_client.get(
        "/loketten-cijfers/", {"start": "2026-03-10", "end": "2026-03-10", "location": "districtshuis-deurne"}
    )
    assert response.context["figures"].total.visitors == 1


def test_it_refuses_a_period_that_ends_before_it_starts(manager_client, counter_day):
    response = manager_client.get("/loketten-cijfers/", {"start": "2026-03-10", "end": "2026-03-01"})
    assert response.status_code == 400
    assert response.context["figures"] is None
    assert 'aria-invalid="true"' in response.content.decode()
    assert "Het einde van de periode ligt na het begin." in response.content.decode()


def test_it_refuses_an_unknown_location(manager_client, counter_day):
    response = manager_client.get("/loketten-cijfers/", {"start": "2026-03-10", "end": "2026-03-10", "location": "x"})
    assert response.status_code == 400


@pytest.mark.parametrize("url", ["/loketten-cijfers/", "/loketten-cijfers.csv", "/loket/districtshuis-berchem/beheer/"])
def test_a_clerk_may_not_see_the_managers_pages(client, make_user, berchem, url):
    client.force_login(make_user("clerk"))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", ["/loketten-cijfers/", "/loketten-cijfers.csv", "/loket/districtshuis-berchem/beheer/"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, berchem, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/?next=")


@pytest.mark.parametrize("url", ["/loketten-cijfers/", "/loketten-cijfers.csv", "/loket/districtshuis-berchem/beheer/"])
def test_an_administrator_may_see_the_managers_pages(client, make_user, berchem, url):
    client.force_login(make_user("admin"))
    assert client.get(url).status_code == 200
