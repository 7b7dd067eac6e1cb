"""The built-in Dutch message texts: seeded as editable templates, and the fallback when a row is missing.

Each text is a Django template rendered with autoescape off (plain text mails, SMS, letters).
Case messages get: ``citizen_name``, ``reference``, ``title``, ``kind_label``, ``status_label``,
``previous_status_label``, ``message`` (the public text of the status change, may be empty),
``service_name`` (may be empty), ``deadline`` (a date or None).
"""

from __future__ import annotations

from typing import NamedTuple


class DefaultText(NamedTuple):
    key: str
    channel: str
    language: str
    subject: str
    body: str


_SIGNATURE = (
    "Met vriendelijke groeten,\nStad Antwerpen\n\n"
    "Dit bericht is automatisch verstuurd; antwoorden op deze e-mail worden niet gelezen."
)

DEFAULT_TEXTS: tuple[DefaultText, ...] = (
    DefaultText(
        "case_status_changed",
        "email",
        "nl",
        "Uw {{ kind_label }} {{ reference }}: {{ status_label }}",
        "Beste {{ citizen_name }},\n\n"
        "Uw {{ kind_label }} {{ reference }} ({{ title }}) heeft een nieuwe status: {{ status_label }}.\n"
        "{% if message %}\nBericht van de stad:\n{{ message }}\n{% endif %}"
        "{% if deadline %}\nWe ronden uw {{ kind_label }} af uiterlijk op {{ deadline|date:'j F Y' }}.\n{% endif %}"
        "\nVermeld bij vragen altijd uw referentie {{ reference }}.\n\n" + _SIGNATURE,
    ),
    DefaultText(
        "case_status_changed",
        "sms",
        "nl",
        "",
        "Stad Antwerpen: uw {{ kind_label }} {{ reference }} heeft een nieuwe status: {{ status_label }}."
        "{% if message %} {{ message|truncatechars:200 }}{% endif %}",
    ),
    DefaultText(
        "case_information_requested",
        "email",
        "nl",
        "Wij hebben meer informatie nodig voor uw {{ kind_label }} {{ reference }}",
        "Beste {{ citizen_name }},\n\n"
        "Om uw {{ kind_label }} {{ reference }} ({{ title }}) verder te behandelen, hebben wij meer informatie "
        "van u nodig.\n"
        "{% if message %}\nWat wij vragen:\n{{ message }}\n{% endif %}"
        "\nZolang wij op uw antwoord wachten, staat de behandeltermijn stil. "
        "Antwoord via Mijn loket, bel 03 22 11 333 of kom langs aan het loket en vermeld uw referentie "
        "{{ reference }}.\n\n" + _SIGNATURE,
    ),
    DefaultText(
        "case_information_requested",
        "sms",
        "nl",
        "",
        "Stad Antwerpen: voor uw {{ kind_label }} {{ reference }} hebben wij meer informatie nodig."
        "{% if message %} {{ message|truncatechars:200 }}{% endif %} Antwoord via Mijn loket of bel 03 22 11 333.",
    ),
    DefaultText(
        "case_closed",
        "email",
        "nl",
        "Uw {{ kind_label }} {{ reference }} is afgerond: {{ status_label }}",
        "Beste {{ citizen_name }},\n\n"
        "Uw {{ kind_label }} {{ reference }} ({{ title }}) is afgerond met als resultaat: {{ status_label }}.\n"
        "{% if message %}\nToelichting:\n{{ message }}\n{% endif %}"
        "\nBedankt om ons te contacteren. Vermeld bij vragen altijd uw referentie {{ reference }}.\n\n" + _SIGNATURE,
    ),
    DefaultText(
        "case_closed",
        "sms",
        "nl",
        "",
        "Stad Antwerpen: uw {{ kind_label }} {{ reference }} is afgerond: {{ status_label }}."
        "{% if message %} {{ message|truncatechars:200 }}{% endif %}",
    ),
)


def default_text(*, key: str, channel: str) -> DefaultText | None:
    for text in DEFAULT_TEXTS:
        if text.key == key and text.channel == channel:
            return text
    return None


# What the admin preview renders a template with.
SAMPLE_CONTEXT: dict[str, object] = {
    "citizen_name": "An Peeters",
    "reference": "REQ-2026-000123",
    "title": "Parkeerkaart voor bewoners",
    "kind_label": "aanvraag",
    "status_label": "in behandeling",
    "previous_status_label": "ontvangen",
    "message": "Wij bekijken uw aanvraag en laten u binnen tien werkdagen iets weten.",
    "service_name": "Bewonerskaart",
    "deadline": None,
}
