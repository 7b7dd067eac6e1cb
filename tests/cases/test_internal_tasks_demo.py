"""The demo's internal tasks: a callback list to work through, a hand-over and an escalation."""

from __future__ import annotations

import pytest
from django.utils import timezone

from loket.cases import demo
from loket.cases.models import CaseEvent, InternalTask


@pytest.fixture
def platform(antwerp, settings):
    from loket.accounts import demo as accounts_demo
    from loket.catalogue import demo as catalogue_demo
    from loket.citizens import demo as citizens_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    catalogue_demo.load(log=lambda line: None)
    accounts_demo.load(log=lambda line: None)
    citizens_demo.load(log=lambda line: None)


def test_the_cases_demo_runs_after_the_citizens_and_requests_demos():
    from loket.citizens import demo as citizens_demo
    from loket.requests import demo as requests_demo

    assert max(citizens_demo.ORDER, requests_demo.ORDER) < demo.ORDER


def test_the_demo_tasks_load_once_with_their_context(platform):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert f"interne taken: {len(demo.DEMO_TASKS)} aangemaakt, 0 ongewijzigd" in lines
    assert {task.kind for task in InternalTask.objects.all()} == {"callback", "handover", "escalation"}
    callback = InternalTask.objects.get(title="Terugbellen over de renovatiepremie")
    assert (callback.team.slug, callback.citizen.username, callback.phone) == (
        "stad-contactcenter",
        "burger-02",
        "+3232001002",
    )
    assert InternalTask.objects.filter(due_at__lt=timezone.now()).count() == 1
    escalation = InternalTask.objects.get(kind="escalation")
    assert escalation.team.slug == "stad-specialisten" and escalation.case is not None
    assert CaseEvent.objects.filter(case=escalation.case, kind="note", public=False).exists()

    demo.load(log=lines.append)
    assert InternalTask.objects.count() == len(demo.DEMO_TASKS)
    assert f"interne taken: 0 aangemaakt, {len(demo.DEMO_TASKS)} ongewijzigd" in lines


def test_without_the_people_the_demo_tasks_are_skipped_with_a_message(antwerp):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert not InternalTask.objects.exists()
    assert any(line.startswith("demotaak") and "overgeslagen" in line for line in lines)
