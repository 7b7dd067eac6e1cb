"""The API's token check (``loket.accounts.authentication``): one plain query, the same answers as DRF's."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.accounts.selectors import user_for_api_token


def _client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_it_finds_the_user_with_every_field_converted(antwerp, make_user):
    user = make_user(Role.AGENT, district="berchem", phone="03 123 45 67")
    user.last_login = timezone.now() - dt.timedelta(days=1)
    user.save()
    found = user_for_api_token(key=Token.objects.create(user=user).key)
    assert found is not None
    assert (found.pk, found.username, found.role, found.district_id, found.phone) == (
        user.pk,
        user.username,
        Role.AGENT,
        user.district_id,
        "03 123 45 67",
    )
    assert found.is_active is True
    assert found.last_login == user.last_login
    assert found.date_joined.tzinfo is not None


def test_an_unknown_token_finds_nobody(db):
    assert user_for_api_token(key="0" * 40) is None


def test_an_unknown_token_is_refused(db):
    response = _client("f" * 40).get("/api/v1/me/")
    assert response.status_code == 401


def test_an_inactive_users_token_is_refused(make_user):
    user = make_user(Role.AGENT)
    key = Token.objects.create(user=user).key
    user.is_active = False
    user.save()
    assert _client(key).get("/api/v1/me/").status_code == 401


def test_a_demo_users_token_works_only_in_demo_mode(make_user, settings):
    user = make_user(Role.AGENT, username="demo-an")
    user.is_demo = True
    user.save()
    key = Token.objects.create(user=user).key
    settings.DEMO_MODE = True
    assert _client(key).get("/api/v1/me/").json()["username"] == "demo-an"
    settings.DEMO_MODE = False
    assert _client(key).get("/api/v1/me/").status_code == 401
