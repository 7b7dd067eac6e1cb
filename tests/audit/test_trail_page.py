from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN, username="beheerder")


def test_an_administrator_reads_the_trail_with_filters(client, admin, make_user):
    person = make_user(Role.CITIZEN, username="jan")
    audit_record(actor=admin, action=AuditEntry.Action.VIEW, obj=person)
    audit_record(actor=admin, action=AuditEntry.Action.CHANGE, obj=person, fields=["email"])
    client.force_login(admin)
    response = client.get("/audit/", {"action": "change"})
    assert response.status_code == 200
    assert [e.action for e in response.context["page"].object_list] == ["change"]
    assert "<h1>Audittrail</h1>" in response.content.decode()


def test_the_trail_is_paged_on_the_server(client, admin, make_user):
    person = make_user(Role.CITIZEN)
    AuditEntry.objects.bulk_create(
        [AuditEntry(action="view", object_type="accounts.user", object_id=str(person.pk)) for _ in range(60)]
    )
    client.force_login(admin)
    first = client.get("/audit/", {"object_type": "accounts.user"})
    assert len(first.context["page"].object_list) == 50
    assert "pagina=2" in first.content.decode()
    second = client.get("/audit/", {"object_type": "accounts.user", "pagina": 2})
    assert len(second.context["page"].object_list) == 10


def test_a_bad_filter_is_answered_with_400_and_a_message(client, admin):
    client.force_login(admin)
    response = client.get("/audit/", {"date_from": "2025-02-01", "date_until": "2025-01-01"})
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    assert client.get("/audit/", {"action": "verzonnen"}).status_code == 400


@pytest.mark.parametrize("role", [Role.MANAGER, Role.HELPDESK, Role.CITIZEN])
def test_only_administrators_see_the_trail(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get("/audit/").status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/")
