"""Creating a case takes the reference counter as late as it can, and still numbers without gaps."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.audit.models import AuditEntry
from loket.cases.models import Case, CaseEvent, ReferenceCounter
from loket.cases.services import case_create


def _question(actor, title="Vraag"):
    return case_create(kind="question", title=title, channel="internal", actor=actor)


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_the_counter_is_taken_after_the_case_and_its_history_are_written(agent):
    _question(agent)  # the year's counter row exists
    with CaptureQueriesContext(connection) as queries:
        _question(agent)
    sql = [q["sql"] for q in queries.captured_queries]

    def first(fragment: str) -> int:
        return next(i for i, s in enumerate(sql) if fragment in s)

    counter = first("cases_referencecounter")
    assert first('INSERT INTO "cases_case"') < first('INSERT INTO "cases_caseevent"') < counter
    assert counter < first('INSERT INTO "audit_auditentry"')
    assert sum("cases_referencecounter" in s for s in sql) <= 2  # one statement on PostgreSQL


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_the_stored_case_and_its_audit_line_carry_the_final_reference(agent):
    case = _question(agent, title="Laat")
    assert case.reference == "VRG-2026-000001"
    assert Case.objects.get(pk=case.pk).reference == "VRG-2026-000001"
    audit = AuditEntry.objects.get(object_type="cases.case", object_id=str(case.pk))
    assert audit.object_repr == "VRG-2026-000001 Laat"
    assert not Case.objects.filter(reference__startswith="~").exists()


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_each_case_continues_the_count_of_a_counter_that_already_exists(agent):
    ReferenceCounter.objects.create(prefix="VRG", year=2026, last=41)
    assert [_question(agent).reference for _ in range(3)] == ["VRG-2026-000042", "VRG-2026-000043", "VRG-2026-000044"]


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_an_exhausted_counter_refuses_the_case_and_keeps_nothing(agent):
    ReferenceCounter.objects.create(prefix="VRG", year=2026, last=999_999)
    with pytest.raises(OverflowError):
        _question(agent)
    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()
    assert ReferenceCounter.objects.get(prefix="VRG", year=2026).last == 999_999


@time_machine.travel("2026-12-31 23:30 +01:00", tick=False)
def test_the_first_case_of_a_year_starts_its_counter(agent):
    assert re.fullmatch(r"VRG-2026-000001", _question(agent).reference)
    with time_machine.travel("2027-01-01 00:30 +01:00", tick=False):
        assert _question(agent).reference == "VRG-2027-000001"
