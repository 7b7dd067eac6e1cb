from __future__ import annotations

import threading

import pytest
from django.db import connection

from loket.accounts.models import Role
from loket.correspondence.models import Letter
from loket.correspondence.services import letter_register


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_get_no_duplicate_and_no_gap(antwerp, make_user):
    """Fifty threads, each with its own database connection, register one letter at the same moment."""
    import datetime as dt

    actor = make_user(Role.HELPDESK)
    writers = 50 if connection.vendor == "postgresql" else 20
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            start.wait()
            letter_register(
                actor=actor,
                sender="district_council:berchem",
                recipients=["city_college"],
                subject=f"Brief {number}",
                letter_date=dt.date.today(),
                body="Geachte,",
            )
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in Letter.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, writers + 1))
