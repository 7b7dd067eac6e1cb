from __future__ import annotations

from loket.catalogue import demo as catalogue_demo
from loket.counters import demo
from loket.counters.models import Appointment, CounterSettings, Desk, Queue
from loket.organisation.models import Location


def load_twice(antwerp) -> list[str]:
    catalogue_demo.load(log=lambda line: None)
    lines: list[str] = []
    demo.load(log=lines.append)
    demo.load(log=lines.append)
    return lines


def test_the_demo_equips_every_counter_and_is_idempotent(antwerp):
    lines = load_twice(antwerp)
    counters = Location.objects.exclude(kind=Location.Kind.SELF_SERVICE)
    assert CounterSettings.objects.count() == counters.count()
    assert not CounterSettings.objects.filter(location__kind=Location.Kind.SELF_SERVICE).exists()
    assert Desk.objects.filter(location__slug="districtshuis-antwerpen").count() == 6
    assert Desk.objects.filter(location__slug="districtshuis-berchem").count() == 2
    harmonie = Location.objects.get(slug="districtshuis-antwerpen")
    assert set(Queue.objects.filter(location=harmonie).values_list("letter", "for_appointments")) == {
        ("A", True),
        ("B", False),
        ("C", False),
    }
    assert set(Queue.objects.get(location=harmonie, letter="B").services.values_list("slug", flat=True)) == {
        "identiteitskaart",
        "kids-id",
        "reispas",
    }
    desk = Desk.objects.filter(location=harmonie).first()
    assert desk.services.filter(slug="identiteitskaart").exists()
    assert not desk.services.filter(counter="none").exists()
    booked = Appointment.objects.filter(status="booked")
    assert booked.count() == len(demo.APPOINTMENTS)
    assert booked.values("email").distinct().count() == len(demo.APPOINTMENTS)
    assert lines[-1] == "0 demo-afspraken geboekt"
