from __future__ import annotations

from loket.consultations import demo
from loket.consultations.models import ActionPoint, Meeting


def test_the_demo_makes_a_held_and_a_coming_meeting_once(antwerp, make_user):
    make_user("helpdesk", username="helpdesk")
    lines: list[str] = []
    demo.load(log=lines.append)
    demo.load(log=lines.append)
    assert Meeting.objects.count() == 2
    assert ActionPoint.objects.filter(status="open").count() == 1
    assert lines == [
        "overleg: 2 overleggen aangemaakt, 0 waren er al",
        "overleg: 0 overleggen aangemaakt, 2 waren er al",
    ]


def test_the_demo_says_why_it_skips_without_the_helpdesk_user(antwerp):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert "overgeslagen" in lines[0]
    assert not Meeting.objects.exists()
