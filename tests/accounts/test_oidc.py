"""OIDC login end to end against a fake provider on 127.0.0.1."""

from __future__ import annotations

import urllib.request
from urllib.parse import urlparse

import pytest
from django.test import override_settings

from loket.accounts.models import Role, User
from loket.audit.models import AuditEntry
from tests.accounts.fake_oidc import FakeProvider

BACKENDS = ["loket.accounts.backends.LockoutModelBackend", "loket.accounts.oidc.LoketOIDCBackend"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def provider(db, antwerp):
    with FakeProvider() as fake, override_settings(AUTHENTICATION_BACKENDS=BACKENDS, **fake.settings()):
        yield fake


def log_in_through(provider: FakeProvider, client, claims: dict) -> str:
    """Walk the code flow: Loket → provider → Loket's callback. Returns where Loket sends us."""
    provider.claims = claims
    start = client.get("/oidc/authenticate/?next=/start/")
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider.url}/authorize?")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(start["Location"], timeout=5)
        raise AssertionError("the provider should redirect")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302
        callback = urlparse(redirect.headers["Location"])
    assert callback.path == "/oidc/callback/"
    answer = client.get(f"{callback.path}?{callback.query}")
    assert answer.status_code == 302
    return answer["Location"]


def test_a_district_coordinator_logs_in_with_role_and_district(client, provider):
    claims = {
        "sub": "abc-123",
        "preferred_username": "els.peeters",
        "email": "els.peeters@antwerpen.be",
        "given_name": "Els",
        "family_name": "Peeters",
        "loket_role": "coordinator",
        "loket_district": "deurne",
    }
    assert log_in_through(provider, client, claims) == "/start/"
    user = User.objects.get(username="els.peeters")
    assert (user.role, user.district.slug, user.get_full_name()) == ("coordinator", "deurne", "Els Peeters")
    assert not user.has_usable_password()
    assert int(client.session["_auth_user_id"]) == user.pk
    assert AuditEntry.objects.filter(action="login", object_id=str(user.pk), fields=["oidc"]).exists()


def test_a_person_without_a_role_claim_is_a_citizen(client, provider):
    log_in_through(provider, client, {"sub": "burger-9", "email": "b@example.org"})
    assert User.objects.get(username="burger-9").role == Role.CITIZEN


def test_the_provider_updates_the_role_at_the_next_login(client, provider):
    log_in_through(provider, client, {"sub": "s1", "preferred_username": "piet", "loket_role": "agent"})
    client.logout()
    log_in_through(provider, client, {"sub": "s1", "preferred_username": "piet", "loket_role": "backoffice"})
    assert User.objects.get(username="piet").role == Role.BACKOFFICE
    assert AuditEntry.objects.filter(action="change", object_repr="piet", fields=["role"]).exists()


def test_it_refuses_an_unknown_role(client, provider):
    where = log_in_through(provider, client, {"sub": "s2", "preferred_username": "x", "loket_role": "koning"})
    assert where == "/aanmelden/"
    assert not User.objects.filter(username="x").exists()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="login_failed", object_id="oidc").exists()


def test_it_refuses_a_district_role_without_a_known_district(client, provider):
    for district in (None, "gent"):
        claims = {"sub": "s3", "preferred_username": "y", "loket_role": "district_staff", "loket_district": district}
        assert log_in_through(provider, client, claims) == "/aanmelden/"
    assert not User.objects.filter(username="y").exists()


def test_it_never_takes_over_a_local_account(client, provider, make_user):
    make_user(Role.ADMIN, username="admin")
    where = log_in_through(provider, client, {"sub": "s4", "preferred_username": "admin", "loket_role": "admin"})
    assert where == "/aanmelden/"
    assert "_auth_user_id" not in client.session


def test_the_oidc_pages_do_not_exist_when_oidc_is_off(client, db, settings):
    settings.OIDC_ENABLED = False
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=a&state=b").status_code == 404
