"""``loket.inserts.insert`` stores a new row exactly as ``Model.objects.create`` would."""

from __future__ import annotations

from django.utils import timezone

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.models import Case, CaseEvent
from loket.inserts import insert


def test_it_stores_the_row_with_its_defaults_and_auto_now_add(make_user):
    actor = make_user(Role.CLERK)
    before = timezone.now()
    entry = insert(
        AuditEntry(
            actor=actor,
            actor_username=actor.username,
            action=AuditEntry.Action.VIEW,
            object_type="cases.case",
            object_id="7",
            fields=["citizen", "address"],
        )
    )
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor == actor
    assert stored.fields == ["citizen", "address"]
    assert stored.district_id is None and stored.ip_address is None
    assert before <= stored.at <= timezone.now()
    assert entry._state.adding is False


def test_two_inserts_get_their_own_ids_and_keep_json_and_foreign_keys(make_user):
    citizen = make_user(Role.CITIZEN)
    cases = [
        insert(
            Case(
                reference=f"REQ-2026-99999{i}",
                kind="request",
                title="t",
                status="received",
                channel="online",
                citizen=citizen,
                data={"answers": {"n": i}},
            )
        )
        for i in range(2)
    ]
    assert cases[0].pk != cases[1].pk
    assert Case.objects.get(pk=cases[1].pk).data == {"answers": {"n": 1}}
    event = insert(CaseEvent(case=cases[0], kind=CaseEvent.Kind.CREATED, to_status="received"))
    assert list(cases[0].events.values_list("pk", flat=True)) == [event.pk]
    assert Case.objects.get(pk=cases[0].pk).created_at is not None
