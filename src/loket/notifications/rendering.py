"""Rendering message templates: the stored text through Django's template engine, autoescape off.

Messages are plain text (mail body, SMS, letter), so HTML escaping would only garble names
like "O'Brien" or "Bakkerij & Zoon".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from django.template import Context, Engine, Template, TemplateDoesNotExist, TemplateSyntaxError

from loket.notifications.defaults import SAMPLE_CONTEXT, default_text
from loket.notifications.models import MessageTemplate, TemplateChannel

# No template directories: a stored text cannot include or extend files from the server.
_ENGINE = Engine(autoescape=False, loaders=[("django.template.loaders.locmem.Loader", {})])
_BLANK_LINES = re.compile(r"\n{3,}")
DEFAULT_LANGUAGE = "nl"


class TemplateMissing(LookupError):
    """No stored template and no built-in text for this key and channel."""


class RenderedMessage(NamedTuple):
    subject: str
    body: str


def template_text(*, key: str, channel: str, language: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """(subject, body) of the template for ``key``: the stored one in the language, else Dutch,
    else the built-in text. A letter (post) uses the e-mail text."""
    channel = TemplateChannel.SMS if channel == "sms" else TemplateChannel.EMAIL
    rows = {
        row.language: row
        for row in MessageTemplate.objects.filter(key=key, channel=channel, language__in={language, DEFAULT_LANGUAGE})
    }
    row = rows.get(language) or rows.get(DEFAULT_LANGUAGE)
    if row is not None:
        return row.subject, row.body
    builtin = default_text(key=key, channel=channel)
    if builtin is None:
        raise TemplateMissing(f"no message template {key!r} for channel {channel!r}")
    return builtin.subject, builtin.body


def text_render(text: str, context: Mapping[str, Any]) -> str:
    """Render one stored text; raises ``TemplateSyntaxError`` for a broken template."""
    return _compiled(text).render(Context(dict(context), autoescape=False))


@functools.lru_cache(maxsize=512)
def _compiled(text: str) -> Template:
    """A text compiled once per process: every report and status mail renders one of a few."""
    return _ENGINE.from_string(text)


def message_render(*, subject: str, body: str, context: Mapping[str, Any]) -> RenderedMessage:
    rendered_subject = " ".join(text_render(subject, context).split())
    rendered_body = _BLANK_LINES.sub("\n\n", text_render(body, context)).strip() + "\n"
    return RenderedMessage(subject=rendered_subject[:200], body=rendered_body)


def template_render(
    *, key: str, channel: str, context: Mapping[str, Any], language: str = DEFAULT_LANGUAGE
) -> RenderedMessage:
    subject, body = template_text(key=key, channel=channel, language=language)
    return message_render(subject=subject, body=body, context=context)


def template_check(*, subject: str, body: str, context: Mapping[str, Any] | None = None) -> str | None:
    """The error when the texts do not compile or render (with ``context``, default the admin's
    sample), else None. Used by the admin before a template is saved."""
    for text in (subject, body):
        try:
            text_render(text, SAMPLE_CONTEXT if context is None else context)
        except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
            return f"{type(exc).__name__}: {exc}"
    return None
