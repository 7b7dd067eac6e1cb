"""The letters in the admin: the register's PDF is shown and can never be replaced or cleared."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.correspondence.conftest import PDF

pytestmark = pytest.mark.django_db


def test_the_admin_shows_a_letter_s_pdf_but_offers_no_way_to_replace_or_clear_it(client, make_user, register):
    letter = register(pdf=SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf"))
    stored = letter.pdf.name
    assert stored
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    page = client.get(f"/beheer/correspondence/letter/{letter.pk}/change/").content.decode()
    assert 'name="pdf"' not in page and 'name="pdf-clear"' not in page
    assert stored.rsplit("/", 1)[-1] in page  # still shown
