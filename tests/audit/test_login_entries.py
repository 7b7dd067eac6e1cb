from __future__ import annotations

from loket.accounts.models import Role
from loket.audit.models import AuditEntry


def test_a_successful_login_is_written_to_the_audit_trail(client, make_user):
    user = make_user(Role.AGENT, username="an")
    client.post("/aanmelden/", {"username": "an", "password": "een-lang-wachtwoord"}, REMOTE_ADDR="10.0.0.7")
    entry = AuditEntry.objects.get(action="login")
    assert (entry.actor, entry.object_type, entry.object_id, entry.ip_address) == (
        user,
        "accounts.user",
        str(user.pk),
        "10.0.0.7",
    )


def test_a_failed_login_is_written_with_the_username_tried(client, make_user):
    make_user(Role.AGENT, username="an")
    client.post("/aanmelden/", {"username": "an", "password": "fout"})
    client.post("/aanmelden/", {"username": "niemand", "password": "fout"})
    failed = AuditEntry.objects.filter(action="login_failed").order_by("id")
    assert [(e.actor, e.object_repr) for e in failed] == [(None, "an"), (None, "niemand")]


def test_an_attempt_on_a_locked_account_is_written_as_locked(client, make_user, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 1
    make_user(Role.AGENT, username="an")
    client.post("/aanmelden/", {"username": "an", "password": "fout"})
    client.post("/aanmelden/", {"username": "an", "password": "een-lang-wachtwoord"})
    assert AuditEntry.objects.filter(action="login_failed", fields=["locked"]).count() == 1
    assert not AuditEntry.objects.filter(action="login").exists()
