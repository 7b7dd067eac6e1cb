from __future__ import annotations

from loket.organisation import demo
from loket.organisation.models import City, District, Location, OpeningException, OpeningHours, Street, Team


def counts() -> dict[str, int]:
    models = (City, District, Location, OpeningHours, OpeningException, Team, Street)
    return {model.__name__: model.objects.count() for model in models}


def test_it_loads_the_ten_districts_with_houses_teams_and_streets(antwerp):
    assert District.objects.count() == 10
    assert set(District.objects.values_list("slug", flat=True)) == {
        "antwerpen", "berchem", "berendrecht-zandvliet-lillo", "borgerhout", "borsbeek",
        "deurne", "ekeren", "hoboken", "merksem", "wilrijk",
    }  # fmt: skip
    assert not District.objects.filter(district_house__isnull=True).exists()
    assert District.objects.get(slug="borsbeek").valid_from.isoformat() == "2025-01-01"
    assert Location.objects.filter(regional=True).count() == 4
    assert Location.objects.filter(kind=Location.Kind.SELF_SERVICE).count() >= 2
    assert Team.objects.get(slug="stad-specialisten").is_specialists
    assert Team.objects.filter(district__slug="deurne").count() == 6
    assert Team.objects.filter(slug="hoboken-publiek-domein", district__slug="hoboken").exists()
    assert Street.objects.count() == 194
    assert Street.objects.filter(normalized="aalmoezenierstraat", postcode="2000").exists()


def test_it_is_idempotent(antwerp):
    before = counts()
    lines: list[str] = []
    demo.load(log=lines.append)
    assert counts() == before
    assert all(" 0 aangemaakt, 0 bijgewerkt" in line for line in lines if "aangemaakt," in line)
