from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.audit.models import AppendOnlyError, AuditEntry
from loket.audit.services import audit_record


@pytest.fixture
def entry(make_user) -> AuditEntry:
    actor = make_user(Role.ADMIN)
    return audit_record(actor=actor, action=AuditEntry.Action.VIEW, obj=make_user(Role.CITIZEN))


def test_an_entry_cannot_be_changed(entry):
    entry.action = AuditEntry.Action.DELETE
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_offers_no_way_to_add_change_or_delete(client, make_user, entry):
    client.force_login(make_user(Role.ADMIN, is_staff=True, is_superuser=True))
    assert client.get("/beheer/audit/auditentry/").status_code == 200
    assert client.get("/beheer/audit/auditentry/add/").status_code == 403
    assert client.get(f"/beheer/audit/auditentry/{entry.pk}/delete/").status_code == 403
    response = client.post(f"/beheer/audit/auditentry/{entry.pk}/change/", {"action": "delete"})
    assert response.status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"
    response = client.post(
        "/beheer/audit/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_audit_record_needs_a_record(make_user):
    with pytest.raises(ValueError):
        audit_record(actor=make_user(Role.ADMIN), action=AuditEntry.Action.VIEW)
