"""The helpdesk demo loads its settings and questions once, whatever the number of runs."""

from __future__ import annotations

from loket.accounts import demo as accounts_demo
from loket.cases.models import Case
from loket.catalogue.models import KnowledgeArticle
from loket.helpdesk import demo
from loket.helpdesk.models import OfficeHours, QuestionSla, SlaTarget
from tests.accounts.conftest import fast_hashing  # noqa: F401


def test_the_demo_loads_targets_hours_and_questions_in_several_states_once(antwerp, fast_hashing):  # noqa: F811
    accounts_demo.load(log=lambda line: None)
    lines: list[str] = []
    demo.load(log=lines.append)
    demo.load(log=lines.append)
    assert SlaTarget.objects.count() == 4
    assert OfficeHours.objects.filter(weekday=4).count() == 2
    questions = Case.objects.filter(kind="question")
    assert questions.count() == len(demo.QUESTIONS) == QuestionSla.objects.count()
    assert set(questions.values_list("requesting_district__slug", flat=True)) == {"berchem", "deurne"}
    assert {"new", "assigned", "waiting_for_asker", "answered", "closed"} == set(
        questions.values_list("status", flat=True)
    )
    assert KnowledgeArticle.objects.filter(source_case__kind="question").count() == 1
    assert lines[-1].endswith("0 vragen gesteld")


def test_without_the_demo_users_only_the_settings_are_loaded(antwerp):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert SlaTarget.objects.count() == 4
    assert not Case.objects.filter(kind="question").exists()
    assert "geen demovragen" in lines[0]
