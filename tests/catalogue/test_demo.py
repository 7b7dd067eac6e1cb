from __future__ import annotations

from loket.catalogue import demo
from loket.catalogue.models import Competence, Level, Service, Topic
from loket.organisation.models import District


def test_it_loads_the_register_and_the_catalogue_twice_without_duplicates(catalogue):
    counts = (Topic.objects.count(), Competence.objects.count(), Service.objects.count())
    demo.load(log=lambda line: None)
    assert (Topic.objects.count(), Competence.objects.count(), Service.objects.count()) == counts
    assert Service.objects.count() >= 20


def test_every_district_topic_has_a_team_in_every_district(catalogue):
    districts = District.objects.count()
    for topic in Topic.objects.filter(level=Level.DISTRICT):
        rows = Competence.objects.filter(topic=topic)
        assert rows.count() == districts
        assert all(row.team.district_id == row.district_id for row in rows)


def test_every_city_topic_has_exactly_one_city_team(catalogue):
    for topic in Topic.objects.filter(level=Level.CITY):
        (row,) = Competence.objects.filter(topic=topic)
        assert row.district is None and row.team.level == "city"


def test_counter_services_are_offered_at_the_counters(catalogue):
    eid = Service.objects.get(slug="identiteitskaart")
    assert eid.needs_appointment and eid.synonym_list()
    assert eid.locations.filter(kind="district_house").count() == District.objects.count()
    birth = Service.objects.get(slug="aangifte-geboorte")
    assert set(birth.locations.values_list("kind", flat=True)) == {"district_house"}
