from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError

from loket.cases.attachments import case_add_attachment
from loket.cases.models import Attachment, CaseEvent
from loket.cases.services import case_create
from tests.cases.conftest import EXE, PDF, PNG


@pytest.fixture
def case(agent):
    return case_create(kind="question", title="Vraag", channel="internal", actor=agent)


def stored_files() -> list[str]:
    if not default_storage.exists("attachments"):
        return []
    found = []
    for year in default_storage.listdir("attachments")[0]:
        for month in default_storage.listdir(f"attachments/{year}")[0]:
            found += default_storage.listdir(f"attachments/{year}/{month}")[1]
    return found


def test_a_pdf_is_stored_with_its_hash_and_an_event(case, agent, upload):
    attachment = case_add_attachment(case=case, upload=upload("brief.pdf", PDF), actor=agent)
    assert (attachment.content_type, attachment.size, attachment.original_name) == (
        "application/pdf",
        len(PDF),
        "brief.pdf",
    )
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert default_storage.open(attachment.file.name).read() == PDF
    assert case.events.get(kind=CaseEvent.Kind.ATTACHMENT).attachment == attachment


def test_a_png_named_pdf_is_accepted_as_what_it_is_a_png(case, agent, upload):
    """Our rule: the content decides the type, the name is only a label."""
    attachment = case_add_attachment(case=case, upload=upload("scan.pdf", PNG), actor=agent)
    assert attachment.content_type == "image/png"
    assert attachment.file.name.endswith(".png")


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_stored(case, agent, upload):
    with pytest.raises(ValidationError) as caught:
        case_add_attachment(case=case, upload=upload("factuur.pdf", EXE), actor=agent)
    assert caught.value.code == "unsupported_media_type"
    assert "niet aanvaard" in caught.value.messages[0]
    assert stored_files() == [] and not Attachment.objects.exists()


def test_an_oversized_file_is_refused_and_nothing_is_stored(case, agent, upload, settings):
    settings.ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(ValidationError) as caught:
        case_add_attachment(case=case, upload=upload("brief.pdf", PDF), actor=agent)
    assert caught.value.code == "too_large"
    assert stored_files() == [] and not Attachment.objects.exists()


def test_a_failing_database_write_leaves_no_file_behind(case, agent, upload, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("simulated")

    monkeypatch.setattr(CaseEvent.objects, "create", fail)
    with pytest.raises(IntegrityError):
        case_add_attachment(case=case, upload=upload("brief.pdf", PDF), actor=agent)
    assert stored_files() == [] and not Attachment.objects.exists()
