from __future__ import annotations

import re

import pytest

from loket.accounts.models import Role, User
from loket.audit.models import AuditEntry


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMIN, username="beheerder", is_staff=True, is_superuser=True))
    return client


def test_viewing_a_person_in_the_admin_is_audited(admin_client, make_user, antwerp):
    person = make_user(Role.DISTRICT_STAFF, "deurne", username="dora")
    assert admin_client.get(f"/beheer/accounts/user/{person.pk}/change/").status_code == 200
    entry = AuditEntry.objects.get(action="view")
    assert (entry.actor_username, entry.object_id, entry.object_repr, entry.district_id) == (
        "beheerder",
        str(person.pk),
        "dora",
        person.district_id,
    )


def test_changing_a_person_in_the_admin_names_the_changed_fields(admin_client, make_user):
    person = make_user(Role.CITIZEN, username="jan", first_name="Jan")
    page = admin_client.get(f"/beheer/accounts/user/{person.pk}/change/")
    form = page.context["adminform"].form
    shown = dict(re.findall(r'name="((?:initial-)?date_joined_[01])"[^>]*value="([^"]*)"', page.content.decode()))
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update(
        {
            "first_name": "Johan",
            "role": Role.AGENT,
            **shown,
            "last_login_0": "",
            "last_login_1": "",
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    data = {k: v for k, v in data.items() if not isinstance(v, bool) or v}
    response = admin_client.post(f"/beheer/accounts/user/{person.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(pk=person.pk).first_name == "Johan"
    entry = AuditEntry.objects.get(action="change")
    assert entry.fields == ["first_name", "role"]


def test_the_login_attempts_are_read_only_in_the_admin(admin_client, db):
    assert admin_client.get("/beheer/accounts/loginattempt/").status_code == 200
    assert admin_client.get("/beheer/accounts/loginattempt/add/").status_code == 403
