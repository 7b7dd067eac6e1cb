from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.correspondence.selectors import letter_get, letters_visible_to


@pytest.fixture
def letters(register):
    return {
        "berchem": register(),
        "deurne": register(sender="city_college", recipients=["district_council:deurne"], subject="Aan Deurne"),
        "water": register(recipients=["city_service:stad-water"], subject="Aan Water"),
    }


def names(user, letters):
    visible = set(letters_visible_to(user=user).values_list("reference", flat=True))
    return {name for name, letter in letters.items() if letter.reference in visible}


def test_the_helpdesk_sees_every_letter(letters, helpdesk):
    assert names(helpdesk, letters) == {"berchem", "deurne", "water"}


def test_a_district_sees_only_its_own_letters(letters, berchem, deurne):
    assert names(berchem, letters) == {"berchem", "water"}
    assert names(deurne, letters) == {"deurne"}


def test_a_city_service_sees_only_letters_it_is_party_to(letters, mobility):
    assert names(mobility, letters) == {"berchem"}


def test_citizens_and_agents_see_no_letter(letters, make_user):
    assert names(make_user(Role.CITIZEN), letters) == set()
    assert names(make_user(Role.AGENT), letters) == set()


def test_another_districts_letter_is_not_found(letters, deurne):
    from django.http import Http404

    with pytest.raises(Http404):
        letter_get(user=deurne, reference=letters["berchem"].reference)


def test_the_page_of_another_districts_letter_is_404(client, letters, deurne):
    client.force_login(deurne)
    assert client.get(f"/brieven/{letters['berchem'].reference}/").status_code == 404
    assert client.get(f"/brieven/{letters['berchem'].reference}/brief.pdf").status_code == 404
    assert client.get(f"/api/v1/letters/{letters['berchem'].reference}/").status_code == 404


def test_the_api_lists_only_the_districts_letters(client, letters, deurne):
    client.force_login(deurne)
    body = client.get("/api/v1/letters/").json()
    assert [item["reference"] for item in body["results"]] == [letters["deurne"].reference]


def test_agents_and_citizens_may_not_open_the_letter_pages(client, letters, make_user):
    for role in (Role.AGENT, Role.CITIZEN):
        client.force_login(make_user(role))
        assert client.get("/brieven/").status_code == 403
        assert client.get("/api/v1/letters/").status_code == 403
