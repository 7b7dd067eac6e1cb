"""The works API's shapes: the query of the list and the download, a work in a list, one work."""

from __future__ import annotations

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from rest_framework import serializers

from loket.organisation.models import District
from loket.works import selectors
from loket.works.models import Hindrance, Work

RADIUS_DEFAULT_M = 500
RADIUS_MAX_M = 5000
PUBLIC_STATUSES = [status for status in Work.Status.values if status != Work.Status.CANCELLED]


def _number(low: int, high: int, *, whole: bool = False) -> dict[str, Any]:
    return {
        "invalid": _lazy("Geef een geheel getal.")
        if whole
        else _lazy("Geef een getal (met een punt als decimaalteken)."),
        "min_value": format_lazy(_lazy("Geef een waarde van {low} tot {high}."), low=low, high=high),
        "max_value": format_lazy(_lazy("Geef een waarde van {low} tot {high}."), low=low, high=high),
        "max_string_length": _lazy("Dit getal is te lang."),
    }


def _choice(values: list[str]) -> dict[str, Any]:
    # "{input}" stays for DRF to fill in.
    return {
        "invalid_choice": format_lazy("{}{}.", _lazy("'{input}' is geen geldige keuze; kies uit: "), ", ".join(values))
    }


_DATE: dict[str, Any] = {
    "invalid": _lazy("Geef een datum als JJJJ-MM-DD."),
    "datetime": _lazy("Geef een datum zonder tijd."),
}


class WorkQuery(serializers.Serializer):
    """The filters of the list, the GeoJSON endpoint and the public download (all optional)."""

    district = serializers.SlugField(
        required=False,
        help_text="Slug van het district, bv. 'berchem'.",
        error_messages={"invalid": _lazy("Geef de korte naam van een district, bv. 'berchem'.")},
    )
    lat = serializers.FloatField(
        required=False, min_value=-90, max_value=90, help_text="Breedtegraad (WGS84).", error_messages=_number(-90, 90)
    )
    lon = serializers.FloatField(
        required=False,
        min_value=-180,
        max_value=180,
        help_text="Lengtegraad (WGS84).",
        error_messages=_number(-180, 180),
    )
    address = serializers.CharField(
        required=False, max_length=250, help_text="Een adres in Antwerpen, in plaats van lat en lon."
    )
    radius = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=RADIUS_MAX_M,
        help_text=f"Straal rond het punt of adres in meter (standaard {RADIUS_DEFAULT_M}).",
        error_messages=_number(1, RADIUS_MAX_M, whole=True),
    )
    start = serializers.DateField(
        required=False, help_text="Werken die op of na deze dag lopen (JJJJ-MM-DD).", error_messages=_DATE
    )
    end = serializers.DateField(
        required=False, help_text="Werken die op of voor deze dag lopen (JJJJ-MM-DD).", error_messages=_DATE
    )
    kind = serializers.ChoiceField(
        choices=Work.Kind.choices, required=False, help_text="Soort inname.", error_messages=_choice(Work.Kind.values)
    )
    status = serializers.ChoiceField(
        choices=Work.Status.choices,
        required=False,
        help_text="Status (geannuleerde werken zijn nooit publiek).",
        error_messages=_choice(PUBLIC_STATUSES),
    )

    def validate_district(self, value: str) -> District:
        district = District.objects.filter(slug=value).first()
        if district is None:
            raise serializers.ValidationError(_("Onbekend district '%(slug)s'.") % {"slug": value})
        return district

    def validate_status(self, value: str) -> str:
        if value not in PUBLIC_STATUSES:
            raise serializers.ValidationError(_("Geannuleerde werken zijn niet publiek."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors: dict[str, list[str]] = {}
        has_lat, has_lon = "lat" in attrs, "lon" in attrs
        if has_lat != has_lon:
            missing = "lon" if has_lat else "lat"
            errors[missing] = [_("Geef breedte- én lengtegraad samen.")]
        if attrs.get("address") and (has_lat or has_lon):
            errors["address"] = [_("Geef een adres óf een punt (lat en lon), niet allebei.")]
        if "radius" in attrs and not (attrs.get("address") or has_lat or has_lon):
            errors["radius"] = [_("Een straal hoort bij een adres of een punt (lat en lon).")]
        if attrs.get("start") and attrs.get("end") and attrs["end"] < attrs["start"]:
            errors["end"] = [_("De einddatum ligt voor de begindatum.")]
        if errors:
            raise serializers.ValidationError(errors)
        if attrs.get("address"):
            try:
                attrs["lat"], attrs["lon"] = selectors.address_point(address=attrs["address"])
            except ValueError as exc:
                raise serializers.ValidationError({"address": [str(exc)]}) from None
        attrs.setdefault("radius", RADIUS_DEFAULT_M)
        return attrs


def works_for_query(query: dict[str, Any]) -> list[Work] | Any:
    """The works a validated ``WorkQuery`` asks for: nearest first (with ``distance_m``) around
    a point, else by start date."""
    return selectors.work_search(
        district=query.get("district"),
        lat=query.get("lat"),
        lon=query.get("lon"),
        radius_m=query["radius"],
        start=query.get("start"),
        end=query.get("end"),
        kind=query.get("kind"),
        status=query.get("status"),
    )


class WorkSerializer(serializers.Serializer):
    """A work in a list: the public fields, without the geometry (see the GeoJSON endpoint)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Work.Kind.choices)
    kind_label = serializers.CharField()
    status = serializers.ChoiceField(choices=Work.Status.choices)
    status_label = serializers.CharField()
    groundwork_category = serializers.IntegerField(allow_null=True, help_text="1 (> 50 m²), 2 (3-50 m²), 3 (< 3 m²).")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    owner = serializers.CharField()
    contractor = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True, help_text="Meer informatie bij de eigenaar.")
    district = serializers.CharField(allow_null=True, help_text="Slug van het district.")
    district_name = serializers.CharField(allow_null=True)
    severe_hindrance = serializers.BooleanField(help_text="Of er ernstige hinder is in (een deel van) de periode.")
    lat = serializers.FloatField(help_text="Midden van de geometrie.")
    lon = serializers.FloatField(help_text="Midden van de geometrie.")
    distance_m = serializers.IntegerField(
        allow_null=True, help_text="Afstand tot het gevraagde punt in meter (enkel bij een zoekopdracht rond een punt)."
    )
    page = serializers.CharField(allow_blank=True, help_text="Pad van de publieke pagina van het werk.")


class ConsequenceSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=Hindrance.Mode.choices)
    mode_label = serializers.CharField()
    consequence = serializers.ChoiceField(choices=Hindrance.Consequence.choices)
    consequence_label = serializers.CharField()


class HindranceSerializer(serializers.Serializer):
    severe = serializers.BooleanField()
    description = serializers.CharField(allow_blank=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    consequences = ConsequenceSerializer(many=True)


class DiversionSerializer(serializers.Serializer):
    description = serializers.CharField()
    modes = serializers.ListField(child=serializers.ChoiceField(choices=Hindrance.Mode.choices))
    geometry = serializers.JSONField(allow_null=True, help_text="GeoJSON LineString (WGS84) of null.")


class WorkDetailSerializer(WorkSerializer):
    description = serializers.CharField(allow_blank=True)
    contact_name = serializers.CharField(allow_blank=True)
    contact_phone = serializers.CharField(allow_blank=True)
    contact_email = serializers.CharField(allow_blank=True)
    geometry = serializers.JSONField(help_text="GeoJSON-geometrie (WGS84).")
    hindrances = HindranceSerializer(many=True)
    diversions = DiversionSerializer(many=True)


def work_dict(work: Work, *, page_pattern: str | None = None) -> dict[str, Any]:
    """A work for ``WorkSerializer``."""
    lat, lon = (work.min_lat + work.max_lat) / 2, (work.min_lon + work.max_lon) / 2
    distance = getattr(work, "distance_m", None)
    return {
        **selectors.work_public_properties(work, page_pattern=page_pattern),
        "severe_hindrance": bool(getattr(work, "severe_hindrance", False)),
        "lat": round(lat, 6),
        "lon": round(lon, 6),
        "distance_m": round(distance) if distance is not None else None,
    }


def work_detail_dict(work: Work) -> dict[str, Any]:
    """A work from ``selectors.work_get_public`` for ``WorkDetailSerializer``."""
    modes, consequences = dict(Hindrance.Mode.choices), dict(Hindrance.Consequence.choices)
    return {
        **work_dict(work),
        "description": work.description,
        "contact_name": work.contact_name,
        "contact_phone": work.contact_phone,
        "contact_email": work.contact_email,
        "geometry": work.geometry,
        "hindrances": [
            {
                "severe": hindrance.severe,
                "description": hindrance.description,
                "start_date": hindrance.start_date,
                "end_date": hindrance.end_date,
                "consequences": [
                    {
                        "mode": mode,
                        "mode_label": str(label),
                        "consequence": hindrance.consequences[mode],
                        "consequence_label": str(consequences.get(hindrance.consequences[mode], "")),
                    }
                    for mode, label in modes.items()
                    if mode in (hindrance.consequences or {})
                ],
            }
            for hindrance in work.hindrances.all()  # type: ignore[attr-defined]
        ],
        "diversions": [
            {"description": diversion.description, "modes": diversion.modes, "geometry": diversion.geometry}
            for diversion in work.diversions.all()  # type: ignore[attr-defined]
        ],
    }
