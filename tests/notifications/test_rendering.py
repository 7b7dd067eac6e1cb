from __future__ import annotations

import pytest
from django.template import TemplateDoesNotExist, TemplateSyntaxError

from loket.notifications.defaults import DEFAULT_TEXTS, SAMPLE_CONTEXT
from loket.notifications.models import MessageTemplate
from loket.notifications.rendering import message_render, template_check, template_render


@pytest.mark.parametrize("text", DEFAULT_TEXTS, ids=lambda t: f"{t.key}-{t.channel}")
def test_every_builtin_text_renders_the_reference_and_status_label(db, text):
    rendered = message_render(subject=text.subject, body=text.body, context=SAMPLE_CONTEXT)
    assert "REQ-2026-000123" in rendered.subject + rendered.body
    if text.key != "case_information_requested":
        assert "in behandeling" in rendered.subject + rendered.body


def test_the_dutch_template_serves_a_language_without_its_own(db):
    MessageTemplate.objects.create(key="case_closed", channel="email", language="nl", subject="NL", body="nl {{ x }}")
    rendered = template_render(key="case_closed", channel="email", language="fr", context={"x": 1})
    assert rendered == ("NL", "nl 1\n")


def test_a_letter_uses_the_email_text(db):
    assert template_render(key="case_closed", channel="post", context=SAMPLE_CONTEXT).subject.startswith("Uw aanvraag")


def test_a_broken_template_is_reported_not_rendered(db):
    assert template_check(subject="ok", body="{% if %}") is not None
    assert template_check(subject="{{ reference }}", body="{{ message }}") is None
    MessageTemplate.objects.create(key="case_closed", channel="email", subject="x", body="{% for %}")
    with pytest.raises(TemplateSyntaxError):
        template_render(key="case_closed", channel="email", context={})


def test_a_template_cannot_include_files_from_the_server(db):
    with pytest.raises(TemplateDoesNotExist):
        message_render(subject="", body='{% include "base.html" %}', context={})
    assert "TemplateDoesNotExist" in (template_check(subject="", body='{% include "base.html" %}') or "")
