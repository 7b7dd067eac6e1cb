from __future__ import annotations

import io
import smtplib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from PIL import Image

from loket.accounts.models import Role, User

# A point inside each district (the district houses), checked against the locate index in the tests.
DISTRICT_POINTS = {
    "antwerpen": (51.2002, 4.4098),
    "berchem": (51.1929, 4.4233),
    "berendrecht-zandvliet-lillo": (51.3430, 4.3150),
    "borgerhout": (51.2137, 4.4393),
    "borsbeek": (51.1910, 4.4860),
    "deurne": (51.2194, 4.4646),
    "ekeren": (51.2812, 4.4339),
    "hoboken": (51.1758, 4.3480),
    "merksem": (51.2455, 4.4460),
    "wilrijk": (51.1685, 4.3946),
}
OUTSIDE = (51.0543, 3.7174)  # Ghent
GROENPLAATS = (51.2190, 4.4010)


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPException("mail server unavailable")


BROKEN_EMAIL_BACKEND = "tests.reports.conftest.BrokenEmailBackend"


@pytest.fixture(autouse=True)
def _mail_in_memory(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LOKET_BASE_URL = "https://loket.example"


@pytest.fixture
def categories(db):
    """The 33 categories (the migration loads them; a flushed database needs them again)."""
    from loket.reports.categories import categories_load

    categories_load()
    _seed_fixed_question_template()


@pytest.fixture
def city(antwerp, categories):
    return antwerp


@pytest.fixture
def citizen(make_user) -> User:
    return make_user(Role.CITIZEN, username="an", first_name="An", last_name="Peeters", email="an@example.be")


@pytest.fixture
def backoffice(make_user) -> User:
    return make_user(Role.BACKOFFICE, username="handler", email="handler@antwerpen.be")


def jpeg_bytes(*, size: tuple[int, int] = (64, 48), exif: Any = None, color: str = "red") -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is not None:
        image.save(buffer, format="JPEG", exif=exif)
    else:
        image.save(buffer, format="JPEG")
    return buffer.getvalue()


def photo(name: str = "foto.jpg", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else jpeg_bytes(), content_type="image/jpeg")


@pytest.fixture
def submit(city):
    from loket.reports.services import report_submit

    def make(code: str | None = "afval.sluikstort", point: tuple[float, float] | None = GROENPLAATS, **extra: Any):
        if code == "afval.sluikstort":
            extra.setdefault("attributes", {"afvalsoort": ["grofvuil"]})
        lat, lon = point if point else (None, None)
        extra.setdefault("description", "Een matras en zakken afval naast de glasbol.")
        return report_submit(category_code=code, lat=lat, lon=lon, **extra)

    return make


def _seed_fixed_question_template() -> None:
    """The "is het opgelost?" template, as the reports migration seeds it: a transactional test
    earlier in the same process may have flushed the migration's rows."""
    from loket.notifications.models import MessageTemplate
    from loket.reports import texts

    for channel, subject, body in (
        ("email", texts.FIXED_QUESTION_SUBJECT, texts.FIXED_QUESTION_BODY),
        ("sms", "", texts.FIXED_QUESTION_SMS),
    ):
        MessageTemplate.objects.get_or_create(
            key=texts.FIXED_QUESTION_KEY, channel=channel, language="nl", defaults={"subject": subject, "body": body}
        )
