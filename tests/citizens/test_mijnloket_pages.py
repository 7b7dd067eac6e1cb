"""Mijn loket's pages: the overview, a case's timeline with the reply form, the citizen's documents."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from loket.cases.attachments import case_add_attachment
from loket.cases.models import Case, CaseEvent
from loket.cases.services import case_add_note, case_transition
from loket.catalogue.models import Service, Topic
from loket.citizens.services import citizen_create
from tests.citizens.mijnloket_support import EXE, QUESTION, case_of, file, waiting_case_of


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def bert(antwerp, agent):
    """A second citizen, whose cases An must never see."""
    return citizen_create(first_name="Bert", last_name="Claes", email="bert@example.org", actor=agent)


def browser_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(case: Case, rest: str = "") -> str:
    return f"/mijn-loket/zaken/{case.reference}/{rest}"


# --- The overview ------------------------------------------------------------------------------


def test_the_overview_has_requests_reports_and_appointments_and_highlights_what_waits(an, agent):
    open_case = case_of(an.user, actor=agent, title="Parkeerkaart")
    waiting = waiting_case_of(an.user, staff=agent, title="Bewonerskaart")
    response = browser_for(an.user).get("/mijn-loket/")
    body = response.content.decode()
    assert response.status_code == 200
    for heading in ("Mijn aanvragen", "Mijn meldingen", "Mijn afspraken", "Wacht op uw antwoord"):
        assert heading in body
    assert "U hebt nog geen meldingen." in body
    assert open_case.reference in body and waiting.reference in body
    assert [row.reference for row in response.context["waiting"]] == [waiting.reference]
    assert f"Beantwoord onze vraag over {waiting.reference}" in body


def test_the_overview_lists_the_citizens_linked_appointments_with_their_manage_link(an):
    from loket.counters.models import Appointment, Desk
    from loket.organisation.models import Location

    topic = Topic.objects.create(slug="t-burgerzaken", name="Burgerzaken", level="city")
    service = Service.objects.create(slug="t-id", name="Identiteitskaart", topic=topic)
    location = Location.objects.filter(district=an.district).first()
    desk = Desk.objects.create(location=location, name="Balie 1")
    start = timezone.now() + dt.timedelta(days=2)
    Appointment.objects.create(
        location=location,
        service=service,
        desk=desk,
        start=start,
        end=start + dt.timedelta(minutes=15),
        channel="online",
        status="booked",
        citizen=an.user,
        reference="APT-2026-000001",
    )
    Appointment.objects.create(  # someone else's, with An's e-mail typed in: never shown
        location=location,
        service=service,
        desk=desk,
        start=start,
        end=start + dt.timedelta(minutes=15),
        channel="online",
        status="booked",
        email=an.user.email,
        reference="APT-2026-000002",
    )
    body = browser_for(an.user).get("/mijn-loket/").content.decode()
    assert "APT-2026-000001" in body and "Identiteitskaart" in body
    assert "APT-2026-000002" not in body
    assert "/afspraak/" in body  # the signed link to change or cancel it


def test_the_overview_never_lists_another_citizens_cases(an, bert, agent):
    theirs = case_of(bert.user, actor=agent, title="Zaal huren voor Bert")
    body = browser_for(an.user).get("/mijn-loket/").content.decode()
    assert theirs.reference not in body and "Zaal huren voor Bert" not in body


def test_staff_get_no_mijn_loket_and_anonymous_visitors_are_sent_to_log_in(an, agent):
    assert browser_for(agent).get("/mijn-loket/").status_code == 403
    response = Client().get("/mijn-loket/")
    assert response.status_code == 302 and "/aanmelden/" in response["Location"]


def test_the_start_page_links_to_mijn_loket_and_counts_what_waits(an, agent):
    waiting_case_of(an.user, staff=agent)
    body = browser_for(an.user).get("/start/").content.decode()
    assert 'href="/mijn-loket/"' in body
    assert "1 zaak wacht op uw antwoord" in body


# --- A case page -------------------------------------------------------------------------------


def test_the_case_page_shows_the_question_the_public_timeline_and_the_reply_form(an, agent):
    case = waiting_case_of(an.user, staff=agent)
    case_add_note(case=case, text="Interne twijfel over het adres", actor=agent)
    case_add_note(case=case, text="We bekijken uw aanvraag.", actor=agent, public=True)
    response = browser_for(an.user).get(_url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wacht op uw antwoord" in body and QUESTION in body
    assert "We bekijken uw aanvraag." in body
    assert "Interne twijfel" not in body
    assert agent.username not in body  # no staff names
    assert 'enctype="multipart/form-data"' in body


def test_another_citizens_case_answers_404_like_an_unknown_reference(an, bert, agent):
    theirs = case_of(bert.user, actor=agent, title="Zaal huren voor Bert")
    client = browser_for(an.user)
    other = client.get(_url(theirs))
    unknown = client.get("/mijn-loket/zaken/REQ-2026-999999/")
    assert other.status_code == unknown.status_code == 404
    assert "Zaal huren voor Bert" not in other.content.decode()
    posted = client.post(_url(theirs), {"text": "Ik antwoord voor Bert"})
    assert posted.status_code == 404
    assert not theirs.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


def test_a_reply_with_a_pdf_resumes_the_case(an, agent):
    case = waiting_case_of(an.user, staff=agent)
    client = browser_for(an.user)
    response = client.post(_url(case), {"text": "Hierbij het contract.", "documents": [file("contract.pdf")]})
    assert response.status_code == 302 and response["Location"] == _url(case)
    case.refresh_from_db()
    assert case.status == "in_progress" and case.paused_since is None
    page = client.get(_url(case)).content.decode()
    assert "Uw antwoord is verstuurd." in page and "de termijn loopt weer" in page
    assert "Hierbij het contract." in page and "contract.pdf" in page


def test_an_empty_reply_shows_the_error_next_to_the_field(an, agent):
    case = waiting_case_of(an.user, staff=agent)
    response = browser_for(an.user).post(_url(case), {"text": "  "})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_text_error"' in body and "Schrijf een bericht of voeg een document toe." in body
    assert 'aria-invalid="true"' in body
    case.refresh_from_db()
    assert case.status == "waiting_for_citizen"


def test_a_refused_file_is_named_next_to_the_field_and_the_text_is_kept(an, agent):
    case = waiting_case_of(an.user, staff=agent)
    response = browser_for(an.user).post(
        _url(case), {"text": "Mijn tekst blijft staan", "documents": [file("contract.pdf"), file("virus.pdf", EXE)]}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_documents_error"' in body and "virus.pdf: Dit soort bestand wordt niet aanvaard" in body
    assert "Mijn tekst blijft staan</textarea>" in body
    assert not case.attachments.exists()


def test_a_closed_case_offers_no_reply_and_refuses_one(an, agent):
    case = case_of(an.user, actor=agent)
    case_transition(case=case, to_status="rejected", actor=agent, text="Geen recht op een kaart.", public=True)
    client = browser_for(an.user)
    page = client.get(_url(case)).content.decode()
    assert "Geen recht op een kaart." in page
    assert "u kunt er niet meer op reageren" in page and "<textarea" not in page
    response = client.post(_url(case), {"text": "Waarom?"})
    assert response.status_code == 400 and "afgesloten" in response.content.decode()
    assert not case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


# --- How the citizen is addressed ----------------------------------------------------------------

INFORMAL = re.compile(r"\b(je|jouw|jij|jou)\b", re.IGNORECASE)


def test_the_citizens_pages_address_them_with_u_never_je(an, agent):
    waiting = waiting_case_of(an.user, staff=agent, title="Bewonerskaart")
    closed = case_of(an.user, actor=agent, title="Parkeerkaart")
    case_transition(case=closed, to_status="rejected", actor=agent, text="Geen recht op een kaart.", public=True)
    client = browser_for(an.user)
    pages = {
        "start": client.get("/start/"),
        "overview": client.get("/mijn-loket/"),
        "waiting case": client.get(_url(waiting)),
        "refused reply": client.post(_url(waiting), {"text": "  ", "documents": [file("virus.pdf", EXE)]}),
        "closed case": client.get(_url(closed)),
    }
    assert "Uw antwoord is niet verstuurd." in pages["refused reply"].content.decode()
    found = {name: INFORMAL.findall(response.content.decode()) for name, response in pages.items()}
    assert found == {name: [] for name in pages}


# --- Documents ---------------------------------------------------------------------------------


def test_the_citizen_downloads_a_document_they_sent(an, agent):
    case = case_of(an.user, actor=agent)
    attachment = case_add_attachment(case=case, upload=file("mijn-contract.pdf"), actor=an.user)
    response = browser_for(an.user).get(_url(case, f"documenten/{attachment.pk}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "mijn-contract.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_another_citizens_document_and_internal_documents_answer_404(an, bert, agent):
    mine = case_of(an.user, actor=agent)
    theirs = case_of(bert.user, actor=agent)
    their_file = case_add_attachment(case=theirs, upload=file("bert.pdf"), actor=bert.user)
    internal = case_add_attachment(case=mine, upload=file("intern-advies.pdf"), actor=agent)
    client = browser_for(an.user)
    assert client.get(_url(theirs, f"documenten/{their_file.pk}/")).status_code == 404
    assert client.get(_url(mine, f"documenten/{their_file.pk}/")).status_code == 404  # id of another case
    assert client.get(_url(mine, f"documenten/{internal.pk}/")).status_code == 404
    assert browser_for(agent).get(_url(mine, f"documenten/{internal.pk}/")).status_code == 403


def test_the_request_confirmation_links_to_the_case_in_mijn_loket(an, agent):
    case = case_of(an.user, actor=an.user)
    body = browser_for(an.user).get(f"/aanvragen/aanvraag/{case.reference}/").content.decode()
    assert f'href="/mijn-loket/zaken/{case.reference}/"' in body
