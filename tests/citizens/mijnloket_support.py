"""Helpers for the Mijn loket tests: cases of a citizen, the city's question, uploads."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from loket.cases.backoffice import case_request_information
from loket.cases.models import Case
from loket.cases.services import case_create, case_transition

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 64
QUESTION = "Stuur een kopie van uw huurcontract."


def file(name: str, content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def case_of(citizen_user: Any, *, actor: Any, title: str = "Bewonerskaart", kind: str = "request") -> Case:
    return case_create(
        kind=kind,
        title=title,
        channel="online",
        actor=actor,
        citizen=citizen_user,
        district=getattr(citizen_user, "district", None) or _berchem(),
    )


def waiting_case_of(citizen_user: Any, *, staff: Any, title: str = "Bewonerskaart") -> Case:
    case = case_of(citizen_user, actor=staff, title=title)
    case_transition(case=case, to_status="in_progress", actor=staff)
    return case_request_information(case=case, message=QUESTION, actor=staff)


def _berchem() -> Any:
    from loket.organisation.models import District

    return District.objects.get(slug="berchem")
