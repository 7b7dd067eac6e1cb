from __future__ import annotations

import pytest

from loket.accounts.models import Role


@pytest.mark.parametrize("role", [Role.ADMIN])
def test_an_administrator_enters_the_admin(client, make_user, role):
    client.force_login(make_user(role, is_staff=True))
    assert client.get("/beheer/").status_code == 200


def test_the_admin_role_opens_the_admin_without_the_staff_flag(client, make_user):
    client.force_login(make_user(Role.ADMIN))
    assert client.get("/beheer/").status_code == 200


def test_a_superuser_enters_the_admin(client, make_user):
    client.force_login(make_user(Role.CITIZEN, is_staff=True, is_superuser=True))
    assert client.get("/beheer/").status_code == 200


@pytest.mark.parametrize("role", [Role.MANAGER, Role.AGENT, Role.DISTRICT_STAFF])
def test_the_staff_flag_alone_does_not_open_the_admin(client, make_user, antwerp, role):
    district = "berchem" if role == Role.DISTRICT_STAFF else None
    client.force_login(make_user(role, district, is_staff=True))
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert client.get("/beheer/accounts/user/").status_code in (302, 403)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0] == "/aanmelden/?next=/beheer/"
