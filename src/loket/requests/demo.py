"""Demo form definitions: one for every demo service that can be done online (after catalogue)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loket.catalogue.models import Service
from loket.requests.models import FormDefinition

ORDER = 60

CONSENT = (
    "Ik verklaar dat deze gegevens juist zijn en geef de stad Antwerpen de toestemming om ze te gebruiken "
    "voor de behandeling van deze aanvraag."
)
PDF_IMG = ["application/pdf", "image/jpeg", "image/png"]


def _f(
    name: str, label: str, type_: str = "text", required: bool = True, help: str = "", choices: list[Any] | None = None
) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "type": type_, "required": required}
    if help:
        field["help"] = help
    if choices is not None:
        field["choices"] = choices
    return field


def _d(name: str, label: str, required: bool = True, help: str = "") -> dict[str, Any]:
    doc: dict[str, Any] = {"name": name, "label": label, "required": required, "types": PDF_IMG}
    if help:
        doc["help"] = help
    return doc


ADDRESS = _f("adres", "Uw adres", "address")
PHONE = _f(
    "telefoon", "Telefoonnummer", "phone", required=False, help="Zodat we u kunnen bellen als er iets onduidelijk is."
)
PURPOSE = _f(
    "doel",
    "Waarvoor hebt u het document nodig?",
    "choice",
    choices=["werk", "studie", "vereniging", "buitenland", "andere"],
)
EXTRACT = [
    _f("rijksregisternummer", "Uw rijksregisternummer", "national_number"),
    ADDRESS,
    _f("aantal", "Aantal exemplaren", "number", help="Meestal volstaat 1."),
    _f(
        "levering", "Hoe wilt u het ontvangen?", "choice", choices=[["email", "Per e-mail (pdf)"], ["post", "Per post"]]
    ),
]

DEFINITIONS: dict[str, dict[str, Any]] = {
    "adreswijziging": {
        "fields": [
            _f("rijksregisternummer", "Uw rijksregisternummer", "national_number"),
            _f("nieuw_adres", "Uw nieuwe adres", "address"),
            _f("verhuisdatum", "Datum van de verhuis", "date"),
            _f("aantal_personen", "Aantal personen dat mee verhuist", "number"),
            PHONE,
        ],
        "documents": [_d("huurcontract", "Huurcontract of eigendomsakte", required=False)],
    },
    "bewonerskaart": {
        "fields": [
            ADDRESS,
            _f("nummerplaat", "Nummerplaat", help="Bijvoorbeeld 1-ABC-123."),
            _f("bedrijfswagen", "Het is een bedrijfswagen", "checkbox", required=False),
        ],
        "documents": [_d("inschrijvingsbewijs", "Inschrijvingsbewijs van het voertuig")],
    },
    "uittreksel-geboorteakte": {"fields": [*EXTRACT, _f("geboorteplaats", "Geboorteplaats")], "documents": []},
    "uittreksel-huwelijksakte": {
        "fields": [*EXTRACT, _f("huwelijksdatum", "Datum van het huwelijk", "date")],
        "documents": [],
    },
    "bewijs-van-woonst": {"fields": [*EXTRACT, PURPOSE], "documents": []},
    "bewijs-van-nationaliteit": {"fields": [*EXTRACT, PURPOSE], "documents": []},
    "uittreksel-strafregister": {"fields": [*EXTRACT, PURPOSE], "documents": []},
    "grofvuil": {
        "fields": [
            ADDRESS,
            _f("voorwerpen", "Wat wilt u laten ophalen?", "textarea", help="Bijvoorbeeld: 1 zetel, 2 matrassen."),
            _f("volume", "Geschat volume in m³", "number"),
            PHONE,
        ],
        "documents": [],
    },
    "signalisatievergunning": {
        "fields": [
            _f("adres", "Adres van de inname", "address"),
            _f("van", "Vanaf", "date"),
            _f("tot", "Tot en met", "date"),
            _f("reden", "Reden", "choice", choices=["verhuis", "werken", "container", "andere"]),
            _f("email", "E-mailadres", "email"),
        ],
        "documents": [_d("plan", "Plan met plaats en afmetingen van de inname")],
    },
    "evenementenvergunning": {
        "fields": [
            _f("naam", "Naam van het evenement"),
            _f("adres", "Adres of plaats", "address"),
            _f("datum", "Datum", "date"),
            _f("bezoekers", "Verwacht aantal bezoekers", "number"),
            _f("beschrijving", "Korte beschrijving", "textarea"),
        ],
        "documents": [_d("plan", "Plan van het feest")],
    },
    "speelstraat": {
        "fields": [
            _f("adres", "Straat (met een huisnummer en postcode)", "address"),
            _f("van", "Eerste dag", "date"),
            _f("tot", "Laatste dag", "date"),
            _f("peter", "Naam van de speelstraatpeter of -meter"),
        ],
        "documents": [_d("handtekeningen", "Lijst met handtekeningen van de buren")],
    },
    "zaalverhuur": {
        "fields": [
            ADDRESS,
            _f("datum", "Gewenste datum", "date"),
            _f("personen", "Aantal personen", "number"),
            _f("activiteit", "Wat organiseert u?", "textarea"),
        ],
        "documents": [],
    },
    "subsidie-vereniging": {
        "fields": [
            _f("vereniging", "Naam van de vereniging"),
            _f("adres", "Adres van de vereniging", "address"),
            _f("bedrag", "Gevraagd bedrag in euro", "number"),
            _f("project", "Het project", "textarea"),
        ],
        "documents": [
            _d("statuten", "Statuten of werking van de vereniging"),
            _d("begroting", "Begroting van het project"),
        ],
    },
    "terrasvergunning": {
        "fields": [
            _f("zaak", "Naam van de zaak"),
            _f("adres", "Adres van de zaak", "address"),
            _f("oppervlakte", "Oppervlakte van het terras in m²", "number"),
        ],
        "documents": [
            _d("plan", "Plan van het terras met afmetingen"),
            _d("fotos", "Foto van het terrasmeubilair", required=False),
        ],
    },
}


def load(*, log: Callable[[str], None]) -> None:
    count = 0
    for service in Service.objects.filter(online=True):
        spec = DEFINITIONS.get(service.slug)
        if spec is None:
            spec = {"fields": [ADDRESS, _f("vraag", "Uw aanvraag", "textarea"), PHONE], "documents": []}
        FormDefinition.objects.update_or_create(
            service=service,
            defaults={
                "fields": spec["fields"],
                "documents": spec["documents"],
                "consent_text": CONSENT,
                "active": True,
            },
        )
        count += 1
    log(f"requests: {count} formulierdefinities")
