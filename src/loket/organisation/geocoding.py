"""Addresses → coordinates or district, behind one small protocol so the source can change."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

from loket.organisation.generations import GenerationCache


def normalize(text: str) -> str:
    """Lowercase, accents stripped, whitespace collapsed: how street names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", stripped).strip().lower()


logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GeocodeResult:
    street: str | None = None
    number: str | None = None
    postcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    district_slug: str | None = None


class Geocoder(Protocol):
    def geocode(self, address: str) -> GeocodeResult | None: ...


STREET_AND_NUMBER = re.compile(r"^(?P<street>.*?)\s*(?P<number>\d+\s*[a-z]?(?:\s*(?:bus|/)\s*\w+)?)$")
POSTCODE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
ABBREVIATIONS = (
    (re.compile(r"str\.?$"), "straat"),
    (re.compile(r"stwg\.?$"), "steenweg"),
    (re.compile(r"ln\.?$"), "laan"),
)


def parse_address(address: str) -> GeocodeResult:
    """Split "Aalmoezenierstraat 12, 2000 Antwerpen" into street, number and postcode."""
    text = normalize(address)
    if "," in text:
        head, tail = text.split(",", 1)
        postcode_match = POSTCODE.search(tail)
    else:
        matches = list(POSTCODE.finditer(text))  # the last group of four digits
        postcode_match = matches[-1] if matches else None
        head = text[: postcode_match.start()] if postcode_match else text
    postcode = postcode_match.group(1) if postcode_match else None
    head = head.strip(" .")
    match = STREET_AND_NUMBER.match(head)
    street, number = (match.group("street").strip(" ,."), match.group("number")) if match else (head, None)
    if not re.search(r"[a-z]{2}", street):
        street = ""
    for pattern, replacement in ABBREVIATIONS:
        street = pattern.sub(replacement, street)
    return GeocodeResult(street=street or None, number=number, postcode=postcode)


@dataclass(frozen=True)
class _Street:
    name: str
    postcode: str
    lat: float | None
    lon: float | None
    district_id: int
    district_slug: str


# normalized street name → its rows (one per postcode); also the names that are not in the table.
_streets: GenerationCache[str, tuple[_Street, ...]] = GenerationCache()


def _streets_named(normalized: str) -> tuple[_Street, ...]:
    """The street table's rows with this normalized name, kept per process while the routing
    generation (streets, districts, …) is unchanged."""
    from loket.organisation.models import Street

    def load() -> tuple[_Street, ...]:
        rows = Street.objects.filter(normalized=normalized).values_list(
            "name", "postcode", "lat", "lon", "district_id", "district__slug"
        )
        return tuple(_Street(*row) for row in rows)

    return _streets.get(normalized, load)


class EmbeddedGeocoder:
    """The city's street table in our own database: knows street → district and postcode."""

    def geocode(self, address: str) -> GeocodeResult | None:
        parsed = parse_address(address)
        if parsed.street:
            streets = _streets_named(parsed.street)
            chosen = [street for street in streets if street.postcode == parsed.postcode] or streets
            if len(chosen) == 1 or len({street.district_id for street in chosen}) == 1:
                street = chosen[0]
                return GeocodeResult(
                    street=street.name,
                    number=parsed.number,
                    postcode=street.postcode,
                    lat=street.lat,
                    lon=street.lon,
                    district_slug=street.district_slug,
                )
        if parsed.postcode:
            return GeocodeResult(street=parsed.street, number=parsed.number, postcode=parsed.postcode)
        return None


class HttpGeocoder:
    """An external geocoding service: ``GET <url>?q=<address>`` answering JSON with lat/lon."""

    def __init__(self, url: str, *, timeout: float = 3.0) -> None:
        self.url = url
        self.timeout = timeout

    def geocode(self, address: str) -> GeocodeResult | None:
        separator = "&" if "?" in self.url else "?"
        url = f"{self.url}{separator}{urllib.parse.urlencode({'q': address})}"
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:  # noqa: S310 (URL from settings)
                data = json.loads(response.read(1_000_000))
            if isinstance(data, list):
                data = data[0] if data else None
            if not isinstance(data, dict):
                return None
            lat = data.get("lat", data.get("latitude"))
            lon = data.get("lon", data.get("longitude"))
            return GeocodeResult(
                street=data.get("street"),
                number=str(data["number"]) if data.get("number") is not None else None,
                postcode=str(data["postcode"]) if data.get("postcode") is not None else None,
                lat=float(lat) if lat is not None else None,
                lon=float(lon) if lon is not None else None,
                district_slug=data.get("district"),
            )
        except (OSError, ValueError, TypeError, KeyError) as exc:
            logger.warning("geocoder %s failed for %r: %s", self.url, address, exc)
            return None


def get_geocoder() -> Geocoder:
    """The configured geocoder: the external service when ``GEOCODER_URL`` is set."""
    url = getattr(settings, "GEOCODER_URL", "")
    if url and url != "embedded":
        return HttpGeocoder(url, timeout=settings.GEOCODER_TIMEOUT)
    return EmbeddedGeocoder()
