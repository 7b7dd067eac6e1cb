from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from loket.consultations import services
from loket.consultations.models import AgendaItem, Meeting

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 64


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_agenda_and_minutes_pdfs_carry_items_decisions_and_actions(client, plan, helpdesk, berchem):
    meeting = plan(title="Overleg januari")
    item = services.item_accept(
        item=services.item_propose(meeting=meeting, title="Parkeerbeleid", actor=berchem), actor=helpdesk
    )
    services.item_record(item=item, actor=helpdesk, minutes="Besproken.", decision="De stad maakt een nota.")
    services.action_add(
        meeting=meeting,
        item=item,
        title="Nota parkeerbeleid",
        owner_name="Mobiliteit",
        due_date=dt.date(2027, 2, 1),
        actor=helpdesk,
    )
    client.force_login(berchem)
    agenda = pdf_text(client.get(f"/overleg/{meeting.pk}/agenda.pdf").content)
    assert "Agenda: Overleg januari" in agenda and "1. Parkeerbeleid" in agenda
    minutes = pdf_text(client.get(f"/overleg/{meeting.pk}/verslag.pdf").content)
    assert "Beslissing: De stad maakt een nota." in minutes
    assert "Nota parkeerbeleid (Mobiliteit, 1 februari 2027): open" in minutes


def test_the_ics_download_is_a_calendar(client, plan, berchem):
    meeting = plan()
    client.force_login(berchem)
    response = client.get(f"/overleg/{meeting.pk}/uitnodiging.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert client.get(f"/overleg/{meeting.pk}/iets.txt").status_code == 404


def test_a_district_proposes_an_item_with_a_document_on_the_page(client, plan, berchem):
    meeting = plan()
    client.force_login(berchem)
    assert client.get(f"/overleg/{meeting.pk}/").status_code == 200
    response = client.post(
        f"/overleg/{meeting.pk}/voorstellen/",
        {"title": "Speelstraten", "description": "Graag afstemming.", "documents": SimpleUploadedFile("nota.pdf", PDF)},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.district.slug == "berchem" and item.documents.count() == 1


def test_a_bad_proposal_shows_errors_and_keeps_the_text(client, plan, berchem):
    meeting = plan()
    client.force_login(berchem)
    response = client.post(
        f"/overleg/{meeting.pk}/voorstellen/",
        {"title": "Speelstraten", "description": "Mijn toelichting", "documents": SimpleUploadedFile("nota.pdf", EXE)},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mijn toelichting" in page and "nota.pdf" in page
    assert not AgendaItem.objects.exists()


def test_the_helpdesk_accepts_and_records_from_the_page(client, plan, berchem, helpdesk):
    meeting = plan()
    item = services.item_propose(meeting=meeting, title="Speelstraten", actor=berchem)
    client.force_login(helpdesk)
    client.post(f"/overleg/agendapunt/{item.pk}/aanvaarden/")
    client.post(f"/overleg/agendapunt/{item.pk}/verslag/", {"minutes": "Besproken", "decision": "Akkoord"})
    item.refresh_from_db()
    assert (item.status, item.position, item.decision) == ("accepted", 1, "Akkoord")
    assert client.post(f"/overleg/agendapunt/{item.pk}/iets/").status_code == 404


def test_a_district_cannot_accept_items_or_open_other_meetings(client, plan, berchem, deurne):
    meeting = plan()
    item = services.item_propose(meeting=meeting, title="Speelstraten", actor=berchem)
    client.force_login(berchem)
    assert client.post(f"/overleg/agendapunt/{item.pk}/aanvaarden/").status_code == 403
    item.refresh_from_db()
    assert item.status == "proposed"
    client.force_login(deurne)
    assert client.get(f"/overleg/{meeting.pk}/").status_code == 404
    assert client.get(f"/overleg/{meeting.pk}/agenda.pdf").status_code == 404


def test_planning_on_the_page_and_bad_times_are_refused(client, series, helpdesk):
    client.force_login(helpdesk)
    form = {
        "series": series.pk,
        "title": "Extra overleg",
        "starts_at": "2030-05-06T14:00",
        "ends_at": "2030-05-06T13:00",
    }
    response = client.post("/overleg/nieuw/", form)
    assert "Het overleg moet eindigen na het begin." in response.content.decode()
    response = client.post("/overleg/nieuw/", {**form, "ends_at": "2030-05-06T16:00"})
    assert response.status_code == 302
    assert Meeting.objects.get().place == "Stadhuis"


def test_the_api_plans_proposes_decides_and_tracks_actions(client, series, helpdesk, berchem):
    client.force_login(helpdesk)
    body = {
        "series": "chairs",
        "title": "API-overleg",
        "starts_at": "2030-05-06T14:00:00+02:00",
        "ends_at": "2030-05-06T16:00:00+02:00",
    }
    meeting = client.post("/api/v1/meetings/", body, content_type="application/json").json()
    client.force_login(berchem)
    item = client.post(
        f"/api/v1/meetings/{meeting['id']}/items/", {"title": "Graffiti"}, content_type="application/json"
    )
    assert item.status_code == 201
    assert (
        client.post(
            f"/api/v1/agenda-items/{item.json()['id']}/decision/",
            {"decision": "accept"},
            content_type="application/json",
        ).status_code
        == 403
    )
    client.force_login(helpdesk)
    decided = client.post(
        f"/api/v1/agenda-items/{item.json()['id']}/decision/", {"decision": "accept"}, content_type="application/json"
    )
    assert decided.json()["position"] == 1
    action = client.post(
        f"/api/v1/meetings/{meeting['id']}/actions/",
        {"title": "Nota", "owner_district": "berchem", "due_date": "2030-06-01"},
        content_type="application/json",
    )
    assert action.status_code == 201 and action.json()["owner_name"] == "Berchem"
    detail = client.get(f"/api/v1/meetings/{meeting['id']}/").json()
    assert [i["title"] for i in detail["agenda"]] == ["Graffiti"]
    refused = client.post(
        f"/api/v1/agenda-items/{item.json()['id']}/decision/", {"decision": "refuse"}, content_type="application/json"
    )
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid"


def test_the_api_refuses_bad_meetings_and_hides_others(client, series, helpdesk, plan, deurne):
    client.force_login(helpdesk)
    bad = client.post(
        "/api/v1/meetings/",
        {"series": "chairs", "title": "x", "starts_at": "2030-05-06T16:00:00Z", "ends_at": "2030-05-06T14:00:00Z"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "ends_at" in bad.json()["error"]["details"]
    meeting = plan()
    client.force_login(deurne)
    assert client.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404
    assert client.get("/api/v1/meetings/").json()["results"] == []
