from __future__ import annotations

import pytest

from loket.catalogue.selectors import (
    LocationNeeded,
    OutsideCity,
    UnknownTopic,
    competence_list_for_district,
    competence_lookup,
)
from loket.organisation.models import District

# Points well inside two districts, and one in the Netherlands.
DEURNE = (51.2194, 4.4646)  # Maurice Dequeeckerplein
HOBOKEN = (51.1758, 4.3480)  # Kioskplaats
BREDA = (51.5890, 4.7760)


def test_a_district_topic_is_handled_by_the_team_of_the_district_at_the_point(catalogue):
    deurne = competence_lookup(topic="lokale-parken-en-groen", lat=DEURNE[0], lon=DEURNE[1])
    hoboken = competence_lookup(topic="lokale-parken-en-groen", lat=HOBOKEN[0], lon=HOBOKEN[1])
    assert (deurne.level, deurne.district.slug, deurne.team.slug) == ("district", "deurne", "deurne-groen")
    assert (hoboken.district.slug, hoboken.team.slug) == ("hoboken", "hoboken-groen")


def test_a_city_topic_is_handled_by_the_city_team_wherever_in_the_city(catalogue):
    for lat, lon in (DEURNE, HOBOKEN):
        answer = competence_lookup(topic="afval-en-netheid", lat=lat, lon=lon)
        assert (answer.level, answer.district, answer.team.slug) == ("city", None, "stad-netheid")
    assert competence_lookup(topic="identiteitsdocumenten").team.slug == "stad-burgerzaken"


def test_it_finds_the_district_by_postcode_or_given_district(catalogue):
    assert competence_lookup(topic="burgerlijke-stand", postcode="2100").team.slug == "deurne-burgerzaken"
    berchem = District.objects.get(slug="berchem")
    assert competence_lookup(topic="jeugd", district=berchem).team.slug == "berchem-cultuur-jeugd-sport"


def test_it_refuses_a_point_outside_the_city(catalogue):
    with pytest.raises(OutsideCity):
        competence_lookup(topic="lokale-parken-en-groen", lat=BREDA[0], lon=BREDA[1])
    with pytest.raises(OutsideCity):
        competence_lookup(topic="afval-en-netheid", lat=BREDA[0], lon=BREDA[1])


def test_a_district_topic_without_a_place_needs_one(catalogue):
    with pytest.raises(LocationNeeded):
        competence_lookup(topic="lokale-parken-en-groen")


def test_an_unknown_topic_is_refused(catalogue):
    with pytest.raises(UnknownTopic):
        competence_lookup(topic="kernenergie")


def test_the_register_of_one_district_lists_its_own_teams_and_the_citys(catalogue):
    answers = competence_list_for_district(district=District.objects.get(slug="ekeren"))
    teams = {a.topic.slug: a.team.slug for a in answers}
    assert teams["cultuur"] == "ekeren-cultuur-jeugd-sport"
    assert teams["mobiliteit"] == "stad-mobiliteit"
    assert answers[0].level == "district"
