from __future__ import annotations

import pytest
from django.core.management import call_command

from loket.accounts import demo
from loket.accounts.models import Role, User

DISTRICTS = [
    "antwerpen",
    "berchem",
    "berendrecht-zandvliet-lillo",
    "borgerhout",
    "borsbeek",
    "deurne",
    "ekeren",
    "hoboken",
    "merksem",
    "wilrijk",
]


@pytest.fixture
def loaded(antwerp, fast_hashing):
    lines: list[str] = []
    demo.load(log=lines.append)
    return lines


def test_it_creates_one_user_per_role_and_two_per_district(loaded):
    assert loaded == ["demogebruikers: 28 aangemaakt, 0 bijgewerkt (wachtwoord 'demo', enkel in demomodus)"]
    roles = dict(User.objects.values_list("username", "role"))
    for username in ("citizen", "agent", "clerk", "backoffice", "helpdesk", "manager", "admin"):
        assert roles[username] == username if username != "backoffice" else Role.BACKOFFICE
    for slug in DISTRICTS:
        staff = User.objects.get(username=f"district-{slug}")
        coordinator = User.objects.get(username=f"coordinator-{slug}")
        assert (staff.role, staff.district.slug) == (Role.DISTRICT_STAFF, slug)
        assert (coordinator.role, coordinator.district.slug) == (Role.COORDINATOR, slug)
    assert not User.objects.filter(is_demo=False).exists()
    assert all(user.check_password("demo") for user in User.objects.all())


def test_the_teams_and_the_administrator_are_set(loaded):
    assert User.objects.get(username="backoffice").team.slug == "stad-burgerzaken"
    assert User.objects.get(username="helpdesk").team.slug == "stad-helpdesk"
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.role == Role.ADMIN
    assert not User.objects.get(username="manager").is_staff


def test_loading_again_changes_nothing(loaded):
    before = list(User.objects.order_by("username").values_list("username", "role", "district_id", "password"))
    lines: list[str] = []
    demo.load(log=lines.append)
    assert lines == ["demogebruikers: 0 aangemaakt, 28 bijgewerkt (wachtwoord 'demo', enkel in demomodus)"]
    assert list(User.objects.order_by("username").values_list("username", "role", "district_id", "password")) == before


def test_a_demo_user_logs_in_in_demo_mode(client, loaded, settings):
    settings.DEMO_MODE = True
    response = client.post("/aanmelden/", {"username": "agent", "password": "demo"})
    assert response.status_code == 302


def test_a_demo_user_is_refused_outside_demo_mode(client, loaded, settings):
    settings.DEMO_MODE = False
    response = client.post("/aanmelden/", {"username": "agent", "password": "demo"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_command_loads_the_demo_users(antwerp, fast_hashing, settings, capsys):
    settings.DEMO_MODE = True
    call_command("load_demo")
    assert "demogebruikers: 28 aangemaakt" in capsys.readouterr().out
    # Other apps add demo people without a login (the citizens demo): an unusable password starts with "!".
    assert User.objects.filter(is_demo=True).exclude(password__startswith="!").count() == 28


def test_the_command_prints_only_logins_that_work(antwerp, fast_hashing, settings, capsys):
    settings.DEMO_MODE = True
    call_command("load_demo")
    out = capsys.readouterr().out
    logins = out.split("Demo-aanmeldingen (wachtwoord voor iedereen: demo):", 1)[1]
    assert "citizen" in logins and "agent" in logins
    assert "burger-01" not in logins  # a demo citizen without a login
    listed = {name.strip(",") for line in logins.splitlines() for name in line.split()[1:]}
    assert all(User.objects.get(username=name).check_password("demo") for name in listed)
