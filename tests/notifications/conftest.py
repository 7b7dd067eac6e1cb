from __future__ import annotations

import smtplib
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from loket.accounts.models import Role, User
from loket.cases.services import case_create
from loket.organisation.models import District


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPException("mail server unavailable")


BROKEN_EMAIL_BACKEND = "tests.notifications.conftest.BrokenEmailBackend"


@pytest.fixture(autouse=True)
def _sms_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def agent(make_user) -> User:
    return make_user(Role.AGENT, username="agent")


@pytest.fixture
def citizen(make_user) -> User:
    return make_user(Role.CITIZEN, username="an", first_name="An", last_name="Peeters", email="an@example.be")


@pytest.fixture
def make_case(antwerp, agent):
    def make(*, citizen: User | None, kind: str = "request", district: str = "deurne", title: str = "Bewonerskaart"):
        return case_create(
            kind=kind,
            title=title,
            channel="online",
            actor=agent,
            citizen=citizen,
            district=District.objects.get(slug=district),
        )

    return make
