from __future__ import annotations

import csv
import io

import pytest

from loket.counters.views_manage import CSV_HEADER

pytestmark = pytest.mark.usefixtures("evening")


def download(client, **query):
    return client.get("/loketten-cijfers.csv", {"start": "2026-03-10", "end": "2026-03-10", **query})


def test_the_csv_has_a_header_and_a_row_per_location_service_and_hour(manager_client, counter_day):
    response = download(manager_client)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="loketten-cijfers-alle-20260310-20260310.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffindeling;sleutel;naam;bezoekers;")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == CSV_HEADER
    assert rows[1] == ["totaal", "total", "Alle loketten", "8", "1", "7", "8", "11,0", "33,0", "6", "10,0", "17,5",
                       "2", "4", "50,0"]  # fmt: skip
    assert [row[:4] for row in rows[2:4]] == [
        ["locatie", "districtshuis-berchem", "Districtshuis Berchem", "7"],
        ["locatie", "districtshuis-deurne", "Districtshuis Deurne", "1"],
    ]
    assert ["dienst", "eid", "Identiteitskaart", "5"] in [row[:4] for row in rows]
    hours = [row for row in rows if row[0] == "uur"]
    assert [row[1] for row in hours] == ["09", "10", "11", "12", "14", "15"]
    assert hours[3][3:6] == ["0", "0", "0"] and hours[3][-3:] == ["0", "1", "0,0"]  # 12:00: one booked, came


def test_the_csv_follows_the_location_filter(manager_client, counter_day):
    response = download(manager_client, location="districtshuis-deurne")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][2:4] == ["Districtshuis Deurne", "1"]
    assert "districtshuis-deurne" in response["Content-Disposition"]


def test_the_csv_refuses_a_bad_period(manager_client, counter_day):
    response = download(manager_client, end="gisteren")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
