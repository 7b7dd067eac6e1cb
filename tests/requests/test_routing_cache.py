"""The per-process caches behind a submit (form definitions, streets, the competences register)
see every committed change, whoever makes it: another process, SQL by hand, ``QuerySet.update``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from loket.cases.models import Case
from loket.catalogue.models import Competence, Topic
from loket.catalogue.selectors import competence_lookup
from loket.organisation.generations import GENERATIONS, ROUTING, generation_current
from loket.organisation.geocoding import EmbeddedGeocoder
from loket.organisation.models import District, Street, Team
from loket.requests.models import FormDefinition
from loket.requests.selectors import definition_for_service
from tests.requests.conftest import EXTRACT_ANSWERS


def _register_row(topic: Topic, district: District | None) -> Competence:
    return Competence.objects.get(topic=topic, district=district)


def _other_team(row: Competence) -> Team:
    return Team.objects.filter(level=row.team.level, district=row.team.district).exclude(pk=row.team_id).first() or (
        Team.objects.exclude(pk=row.team_id).first()
    )


def _sql(statement: str, params: list) -> None:
    """A write that no signal of this process hears about, as if another process made it."""
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def extract_topic(extract) -> Topic:
    return extract.service.topic


def test_every_write_to_a_watched_table_changes_the_routing_generation(eloket):
    from loket.reports.categories import categories_load

    categories_load()  # the report categories are watched too (a flushed database lacks them)
    for label in GENERATIONS[ROUTING]:
        model = apps.get_model(label)
        row = model.objects.first()
        before = generation_current()
        field = model._meta.pk.attname
        model.objects.filter(pk=row.pk).update(**{field: row.pk})  # a write that changes nothing at all
        assert generation_current() != before, label


def test_a_competence_changed_by_sql_is_seen_by_the_next_lookup(extract_topic, antwerp):
    district = District.objects.get(slug="antwerpen") if extract_topic.level == "district" else None
    row = _register_row(extract_topic, district)
    assert competence_lookup(topic=extract_topic, district=district).team == row.team  # warm
    other = _other_team(row)
    _sql("UPDATE catalogue_competence SET team_id = %s WHERE id = %s", [other.pk, row.pk])
    assert competence_lookup(topic=extract_topic, district=district).team == other


def test_a_street_moved_by_sql_is_geocoded_to_its_new_district(eloket):
    geocoder = EmbeddedGeocoder()
    street = Street.objects.get(normalized="aalmoezenierstraat", postcode="2000")
    address = "Aalmoezenierstraat 12, 2000 Antwerpen"
    assert geocoder.geocode(address).district_slug == street.district.slug  # warm
    elsewhere = District.objects.exclude(pk=street.district_id).first()
    _sql("UPDATE organisation_street SET district_id = %s WHERE id = %s", [elsewhere.pk, street.pk])
    assert geocoder.geocode(address).district_slug == elsewhere.slug


def test_a_street_added_in_bulk_is_found_after_it_was_unknown(eloket):
    geocoder = EmbeddedGeocoder()
    assert geocoder.geocode("Nieuwe Proefstraat 3") is None  # the miss is cached too
    district = District.objects.get(slug="berchem")
    new = Street(name="Nieuwe Proefstraat", normalized="nieuwe proefstraat", postcode="2600", district=district)
    Street.objects.bulk_create([new])
    assert geocoder.geocode("Nieuwe Proefstraat 3").district_slug == "berchem"


def test_a_form_definition_switched_off_by_update_is_no_longer_offered(extract):
    assert definition_for_service(slug="bewijs-van-woonst") is not None  # warm
    FormDefinition.objects.filter(pk=extract.pk).update(active=False)
    assert definition_for_service(slug="bewijs-van-woonst") is None


def test_a_change_rolled_back_is_forgotten_and_the_committed_data_comes_back(extract_topic, antwerp):
    district = District.objects.get(slug="antwerpen") if extract_topic.level == "district" else None
    row = _register_row(extract_topic, district)
    original = row.team
    with pytest.raises(RuntimeError), transaction.atomic():
        row.team = _other_team(row)
        row.save()
        assert competence_lookup(topic=extract_topic, district=district).team == row.team
        raise RuntimeError("the writer gives up")
    assert competence_lookup(topic=extract_topic, district=district).team == original


def test_a_warm_submit_reads_the_generation_once_and_neither_streets_nor_register_nor_form(extract, citizen):
    api = APIClient()
    api.force_authenticate(citizen)
    body = {"service": "bewijs-van-woonst", "data": EXTRACT_ANSWERS, "consent": True}
    assert api.post("/api/v1/requests/", body, format="json").status_code == 201  # warm
    with CaptureQueriesContext(connection) as queries:
        assert api.post("/api/v1/requests/", body, format="json").status_code == 201
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum("organisation_datageneration" in s for s in sql) == 1
    for table in ("organisation_street", "catalogue_competence", "requests_formdefinition"):
        assert not any(table in s for s in sql), table


def _team_of_last_request() -> Team:
    return Case.objects.filter(kind="request").order_by("-id").first().team


@pytest.mark.django_db(transaction=True)
def test_a_register_change_committed_by_another_process_reroutes_the_next_submit(make_user):
    """Another OS process, with its own database connection, changes the competent team."""
    from loket.catalogue import demo as catalogue_demo
    from loket.organisation import demo as organisation_demo
    from loket.organisation.selectors import district_cache_clear
    from loket.requests import demo as requests_demo

    for module in (organisation_demo, catalogue_demo, requests_demo):
        module.load(log=lambda line: None)
    district_cache_clear()
    api = APIClient()
    api.force_authenticate(make_user())
    body = {"service": "bewijs-van-woonst", "data": EXTRACT_ANSWERS, "consent": True}
    assert api.post("/api/v1/requests/", body, format="json").status_code == 201
    first = _team_of_last_request()
    topic = FormDefinition.objects.get(service__slug="bewijs-van-woonst").service.topic
    row = Competence.objects.get(team=first, topic=topic)
    other = _other_team(row)
    _write_in_another_process(f"UPDATE catalogue_competence SET team_id = {other.pk} WHERE id = {row.pk}")
    assert api.post("/api/v1/requests/", body, format="json").status_code == 201
    assert _team_of_last_request() == other


def _write_in_another_process(statement: str) -> None:
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        options = {
            "host": settings["HOST"],
            "port": settings["PORT"] or 5432,
            "user": settings["USER"],
            "password": settings["PASSWORD"] or None,
            "dbname": settings["NAME"],
        }
        target = f"import psycopg; c = psycopg.connect(**{options!r}, autocommit=True)"
    else:
        target = f"import sqlite3; c = sqlite3.connect({str(settings['NAME'])!r}, isolation_level=None)"
    subprocess.run([sys.executable, "-c", f"{target}; c.execute({statement!r}); c.close()"], check=True, timeout=60)
