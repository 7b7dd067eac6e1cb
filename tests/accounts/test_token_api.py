from __future__ import annotations

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from loket.accounts.models import Role

TOKEN = "/api/v1/auth/token/"


def test_it_gives_a_token_for_a_username_and_password(make_user):
    user = make_user(Role.AGENT, username="an")
    response = APIClient().post(TOKEN, {"username": "an", "password": "een-lang-wachtwoord"}, format="json")
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=user).key}


def test_the_token_authenticates_api_calls(make_user):
    make_user(Role.AGENT, username="an")
    client = APIClient()
    key = client.post(TOKEN, {"username": "an", "password": "een-lang-wachtwoord"}, format="json").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/me/").json()["username"] == "an"


def test_delete_revokes_the_token(make_user):
    user = make_user(Role.AGENT)
    token = Token.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.delete(TOKEN).status_code == 204
    assert not Token.objects.filter(user=user).exists()
    assert client.get("/api/v1/me/").status_code == 401


def test_delete_without_a_token_is_refused(db):
    response = APIClient().delete(TOKEN)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_it_refuses_a_wrong_password_with_a_json_error(make_user):
    make_user(Role.AGENT, username="an")
    response = APIClient().post(TOKEN, {"username": "an", "password": "fout"}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["details"]["non_field_errors"] == ["De gebruikersnaam of het wachtwoord klopt niet."]


def test_it_names_the_missing_fields(db):
    response = APIClient().post(TOKEN, {}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"username", "password"}


def test_it_answers_malformed_json_with_a_json_error(db):
    response = APIClient().post(TOKEN, '{"username": "an",', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_request"


def test_a_locked_account_gets_no_token(make_user, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 2
    settings.LOGIN_LOCKOUT_MINUTES = 15
    make_user(Role.AGENT, username="an")
    client = APIClient()
    for _ in range(2):
        client.post(TOKEN, {"username": "an", "password": "fout"}, format="json")
    response = client.post(TOKEN, {"username": "an", "password": "een-lang-wachtwoord"}, format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "locked"
    assert response["Retry-After"] == "900"
    assert not Token.objects.exists()


def test_a_demo_user_gets_no_token_outside_demo_mode(make_user, settings):
    settings.DEMO_MODE = False
    make_user(Role.AGENT, username="agent", is_demo=True)
    response = APIClient().post(TOKEN, {"username": "agent", "password": "een-lang-wachtwoord"}, format="json")
    assert response.status_code == 400
