"""The e-loket form: a citizen fills in, sees errors next to the field, and submits a request."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from loket.cases.models import Case
from loket.requests.models import RequestDraft
from tests.requests.conftest import EXTRACT_ANSWERS, PDF, TERRACE_ANSWERS


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, extract):
    response = client.get("/aanvragen/bewijs-van-woonst/")
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/")


def test_a_service_without_a_form_answers_404_with_a_helpful_page(client, eloket, citizen):
    client.force_login(citizen)
    response = client.get("/aanvragen/identiteitskaart/")
    assert response.status_code == 404
    assert "niet online aanvragen" in response.content.decode()
    assert "/diensten/identiteitskaart/" in response.content.decode()


def test_a_citizen_submits_and_sees_the_reference_and_the_deadline(client, extract, citizen):
    client.force_login(citizen)
    assert client.get("/aanvragen/bewijs-van-woonst/").status_code == 200
    response = client.post("/aanvragen/bewijs-van-woonst/", {**EXTRACT_ANSWERS, "consent": "on", "action": "submit"})
    assert response.status_code == 302
    case = Case.objects.get(citizen=citizen)
    assert response["Location"] == f"/aanvragen/aanvraag/{case.reference}/"
    assert (case.kind, case.channel, case.service.slug) == ("request", "online", "bewijs-van-woonst")
    assert case.data["answers"]["rijksregisternummer"] == "85073003328"
    assert case.data["form_version"] == extract.version
    page = client.get(response["Location"]).content.decode()
    assert case.reference in page
    assert "Wat gebeurt er nu?" in page


def test_bad_input_shows_errors_next_to_the_field_and_keeps_what_was_typed(client, extract, citizen):
    client.force_login(citizen)
    bad = {**EXTRACT_ANSWERS, "rijksregisternummer": "85.07.30-033.29", "action": "submit"}
    response = client.post("/aanvragen/bewijs-van-woonst/", bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_rijksregisternummer_error"' in page
    assert "Geef uw toestemming" in page
    assert 'value="Grote Markt 1, 2000 Antwerpen"' in page
    assert not Case.objects.exists()


def test_another_citizens_confirmation_is_not_found(client, extract, citizen, make_user):
    client.force_login(citizen)
    client.post("/aanvragen/bewijs-van-woonst/", {**EXTRACT_ANSWERS, "consent": "on", "action": "submit"})
    reference = Case.objects.get().reference
    client.force_login(make_user())
    assert client.get(f"/aanvragen/aanvraag/{reference}/").status_code == 404


def test_a_required_document_is_asked_for_and_an_upload_is_attached(client, terrace, citizen):
    client.force_login(citizen)
    url = "/aanvragen/terrasvergunning/"
    response = client.post(url, {**TERRACE_ANSWERS, "consent": "on", "action": "submit"})
    assert response.status_code == 400
    assert 'id="id_doc_plan_error"' in response.content.decode()
    plan = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {**TERRACE_ANSWERS, "consent": "on", "action": "submit", "doc_plan": plan})
    assert response.status_code == 302
    case = Case.objects.get()
    assert [(a.original_name, a.content_type) for a in case.attachments.all()] == [("plan.pdf", "application/pdf")]
    assert not RequestDraft.objects.exists()
