from __future__ import annotations

import pytest

from loket.cases import demo
from loket.cases.models import Case


@pytest.fixture
def platform(antwerp):
    from loket.accounts import demo as accounts_demo
    from loket.catalogue import demo as catalogue_demo

    catalogue_demo.load(log=lambda line: None)
    accounts_demo.load(log=lambda line: None)


def test_the_demo_cases_load_once(platform):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert Case.objects.count() == len(demo.DEMO_CASES)
    demo.load(log=lines.append)
    assert Case.objects.count() == len(demo.DEMO_CASES)
    assert lines[-1] == f"zaken: 0 aangemaakt, {len(demo.DEMO_CASES)} ongewijzigd"


def test_a_missing_topic_skips_the_demo_case_with_a_message(antwerp):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert not Case.objects.exists()
    assert "overgeslagen" in lines[0]
