from __future__ import annotations

import re
import threading

import pytest
import time_machine
from django.db import connection, transaction

from loket.cases.models import Case, ReferenceCounter
from loket.cases.references import reference_next
from loket.cases.services import case_create


def new_question(actor, title="Vraag"):
    return case_create(kind="question", title=title, channel="internal", actor=actor)


def test_it_numbers_a_reference_as_prefix_year_and_six_digits(db):
    with transaction.atomic():
        assert reference_next(prefix="REQ", year=2026) == "REQ-2026-000001"
        assert reference_next(prefix="REQ", year=2026) == "REQ-2026-000002"


def test_it_counts_each_prefix_and_year_separately(db):
    with transaction.atomic():
        assert reference_next(prefix="REQ", year=2026) == "REQ-2026-000001"
        assert reference_next(prefix="MLD", year=2026) == "MLD-2026-000001"
        assert reference_next(prefix="REQ", year=2027) == "REQ-2027-000001"


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_issue_a_number_outside_a_transaction():
    with pytest.raises(RuntimeError):
        reference_next(prefix="REQ", year=2026)


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_case_gets_the_prefix_of_its_kind_and_the_current_year(agent):
    case = case_create(kind="request", title="Aanvraag", channel="counter", actor=agent)
    assert re.fullmatch(r"REQ-2026-\d{6}", case.reference)
    assert case_create(kind="report", title="Melding", channel="online", actor=agent).reference == "MLD-2026-000001"
    assert new_question(agent).reference == "VRG-2026-000001"


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_rolled_back_creation_leaves_no_gap(agent):
    new_question(agent)
    with pytest.raises(RuntimeError), transaction.atomic():
        new_question(agent)
        raise RuntimeError("the caller fails after the case was written")
    assert new_question(agent).reference == "VRG-2026-000002"
    assert ReferenceCounter.objects.get(prefix="VRG", year=2026).last == 2


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_refused_creation_leaves_no_gap(agent):
    new_question(agent)
    with pytest.raises(Exception):
        case_create(kind="question", title="", channel="internal", actor=agent)
    assert new_question(agent).reference == "VRG-2026-000002"


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_get_no_duplicate_and_no_gap(make_user):
    """Ten threads, each with its own connection, create twenty cases each."""
    from loket.accounts.models import Role

    actor = make_user(Role.HELPDESK)
    threads_count, per_thread = 10, 20
    errors: list[BaseException] = []
    start = threading.Barrier(threads_count)

    def write() -> None:
        try:
            start.wait()
            for _ in range(per_thread):
                new_question(actor)
        except BaseException as exc:  # reported below, in the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in Case.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, threads_count * per_thread + 1))
