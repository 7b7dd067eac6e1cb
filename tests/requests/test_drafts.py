"""Drafts: saved, resumed, discarded; documents kept checked; a failed submit keeps everything."""

from __future__ import annotations

from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.cases.models import Attachment, Case
from loket.requests.models import DraftFile, RequestDraft
from tests.requests.conftest import EXE, PDF, TERRACE_ANSWERS

URL = "/aanvragen/terrasvergunning/"


def test_a_saved_draft_is_resumed_with_its_answers_and_document(client, terrace, citizen):
    client.force_login(citizen)
    plan = SimpleUploadedFile("plan.pdf", PDF)
    response = client.post(URL, {"zaak": "Café De Hoek", "action": "save", "doc_plan": plan})
    assert response.status_code == 302
    draft = RequestDraft.objects.get(citizen=citizen)
    assert draft.data == {"zaak": "Café De Hoek"}
    stored = DraftFile.objects.get(draft=draft)
    assert (stored.document, stored.content_type, stored.original_name) == ("plan", "application/pdf", "plan.pdf")
    assert default_storage.exists(stored.file.name)
    page = client.get(URL).content.decode()
    assert 'value="Café De Hoek"' in page
    assert "Bewaard: plan.pdf" in page
    start = client.get("/start/").content.decode()
    assert "Terrasvergunning (concept)" in start


def test_an_upload_that_is_not_a_document_is_refused_next_to_its_field(client, terrace, citizen):
    client.force_login(citizen)
    fake = SimpleUploadedFile("plan.pdf", EXE)
    response = client.post(URL, {"zaak": "Café De Hoek", "action": "save", "doc_plan": fake})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_doc_plan_error"' in page
    assert "wordt niet aanvaard" in page
    assert not DraftFile.objects.exists()


def test_a_discarded_draft_is_gone_with_its_files(client, terrace, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    client.post(URL, {"zaak": "X", "action": "save", "doc_plan": SimpleUploadedFile("plan.pdf", PDF)})
    name = DraftFile.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanvragen/terrasvergunning/concept-verwijderen/")
    assert response.status_code == 302
    assert not RequestDraft.objects.exists()
    assert not default_storage.exists(name)


def test_a_failed_submit_leaves_the_draft_and_its_files_intact(client, terrace, citizen):
    client.force_login(citizen)
    client.post(URL, {**TERRACE_ANSWERS, "action": "save", "doc_plan": SimpleUploadedFile("plan.pdf", PDF)})
    name = DraftFile.objects.get().file.name
    with mock.patch("loket.requests.services.case_add_attachment", side_effect=ValidationError("opslag kapot")):
        response = client.post(URL, {**TERRACE_ANSWERS, "consent": "on", "action": "submit"})
    assert response.status_code == 400
    assert "opslag kapot" in response.content.decode()
    assert not Case.objects.exists() and not Attachment.objects.exists()
    assert DraftFile.objects.get().file.name == name
    assert default_storage.exists(name)
    response = client.post(URL, {**TERRACE_ANSWERS, "consent": "on", "action": "submit"})
    assert response.status_code == 302
    assert Case.objects.get().attachments.count() == 1
    assert not RequestDraft.objects.exists()


def test_the_start_page_lists_submitted_requests_with_their_status(client, terrace, citizen):
    client.force_login(citizen)
    client.post(
        URL, {**TERRACE_ANSWERS, "action": "submit", "consent": "on", "doc_plan": SimpleUploadedFile("p.pdf", PDF)}
    )
    reference = Case.objects.get().reference
    start = client.get("/start/").content.decode()
    assert "Mijn aanvragen" in start
    assert reference in start
    assert "ontvangen" in start
