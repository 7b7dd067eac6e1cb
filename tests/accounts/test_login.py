from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from loket.accounts.models import LoginAttempt, Role

LOGIN = "/aanmelden/"


def test_the_login_page_shows_a_dutch_form_with_labels(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">Gebruikersnaam</label>' in html
    assert '<label for="id_password">Wachtwoord</label>' in html
    assert "<h1>Aanmelden</h1>" in html


def test_a_user_logs_in_and_lands_on_the_start_page(client, make_user):
    make_user(Role.CITIZEN, username="jan")
    response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:start")
    assert LoginAttempt.objects.get(username="jan").succeeded


def test_it_follows_a_safe_next_url_and_ignores_a_foreign_one(client, make_user):
    make_user(Role.CITIZEN, username="jan")
    response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord", "next": "/audit/"})
    assert response["Location"] == "/audit/"
    client.logout()
    response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord", "next": "https://evil.test/"})
    assert response["Location"] == reverse("accounts:start")


def test_it_refuses_a_wrong_password_with_a_clear_message(client, make_user):
    make_user(Role.CITIZEN, username="jan")
    response = client.post(LOGIN, {"username": "jan", "password": "fout"})
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not LoginAttempt.objects.get(username="jan").succeeded


def test_it_asks_for_both_fields(client, db):
    response = client.post(LOGIN, {"username": "", "password": ""})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"username", "password"}


def test_it_locks_the_account_after_repeated_failures(client, make_user, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 3
    settings.LOGIN_LOCKOUT_MINUTES = 15
    make_user(Role.CITIZEN, username="jan")
    for _ in range(3):
        client.post(LOGIN, {"username": "jan", "password": "fout"})
    response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord"})
    assert response.status_code == 200
    assert "Te veel mislukte pogingen; probeer opnieuw over 15 minuten." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_after_the_window(client, make_user, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 3
    settings.LOGIN_LOCKOUT_MINUTES = 15
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        make_user(Role.CITIZEN, username="jan")
        for _ in range(3):
            client.post(LOGIN, {"username": "jan", "password": "fout"})
    with time_machine.travel(start + dt.timedelta(minutes=10), tick=False):
        response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord"})
        assert "probeer opnieuw over 5 minuten" in response.content.decode()
    with time_machine.travel(start + dt.timedelta(minutes=15, seconds=1), tick=False):
        response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302


def test_a_success_in_between_resets_the_count(client, make_user, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 3
    make_user(Role.CITIZEN, username="jan")
    for password in ("fout", "fout", "een-lang-wachtwoord", "fout", "fout"):
        client.post(LOGIN, {"username": "jan", "password": password})
        client.logout()
    response = client.post(LOGIN, {"username": "jan", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302


def test_a_signed_in_user_visiting_the_login_page_goes_to_the_start_page(client, make_user):
    client.force_login(make_user(Role.CITIZEN))
    response = client.get(LOGIN)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:start")


def test_logout_takes_a_post_only(client, make_user):
    client.force_login(make_user(Role.CITIZEN))
    assert client.get("/afmelden/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/afmelden/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("hasher", ["argon2"])
def test_new_passwords_are_hashed_with_argon2(db, hasher):
    from loket.accounts.models import User

    user = User.objects.create_user(username="nieuw", password="een-lang-wachtwoord")
    assert user.password.startswith(f"{hasher}$")
    assert user.check_password("een-lang-wachtwoord")
