"""Forms of the public works pages. They parse input and find the place asked about; the
selectors and ``subscriptions`` do the rest.

A place is a point on the map (``lat``/``lon``, filled in by the map with JavaScript) or an
address. An address becomes a point only when the geocoder knows its coordinates; the embedded
street table knows the street's district but not always where it lies, and then the form asks
for the place on the map rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.organisation.selectors import InvalidCoordinates, address_locate, district_list_valid, district_locate_point
from loket.works.models import Work
from loket.works.subscriptions import RADIUS_MAX_M, RADIUS_MIN_M

DEFAULT_RADIUS_M = 500
DEFAULT_WEEKS = 4
# The longest period one search may cover: enough for a year of planning, not a full scan.
MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    label: str


def _outside_city() -> ValidationError:
    return ValidationError(_("Dit adres ligt buiten de stad Antwerpen."), code="outside_city")


def place_locate(*, address: str, lat: float | None, lon: float | None) -> Place | None:
    """The point asked about: the map's point wins, else the geocoded address; None when neither
    was given. Raises ``ValidationError`` (for the address field) when it cannot be found or
    lies outside the city."""
    address = " ".join(address.split())
    if lat is not None and lon is not None:
        try:
            district = district_locate_point(lat=lat, lon=lon)
        except InvalidCoordinates as exc:
            raise ValidationError(str(exc), code="invalid_point") from None
        if district is None:
            raise ValidationError(_("Deze plaats ligt buiten de stad Antwerpen."), code="outside_city")
        return Place(lat=lat, lon=lon, label=address or f"{lat:.5f}, {lon:.5f}")
    if not address:
        return None
    located = address_locate(address=address)
    if located.district is not None and located.lat is not None and located.lon is not None:
        return Place(lat=located.lat, lon=located.lon, label=address)
    if not located.found:
        raise ValidationError(
            _("Dit adres vinden we niet. Controleer de straat, het huisnummer en de postcode."), code="not_found"
        )
    if located.district is None:
        raise _outside_city()
    raise ValidationError(
        _(
            "We kennen dit adres (district %(district)s), maar niet de precieze plaats ervan. "
            "Klik op de kaart op de plaats, of geef een ander adres in de buurt."
        )
        % {"district": located.district.name},
        code="no_point",
    )


class PlaceFormMixin(forms.Form):
    """An address field with the map's point as hidden fields; ``cleaned_data["place"]``."""

    address = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=250,
        help_text=_("Straat, huisnummer en postcode, bv. Aalmoezenierstraat 12, 2000 Antwerpen."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)

    place_required = False

    def full_clean(self) -> None:
        """After validation, point each field with an error to its message (``<id>_fout``) as
        well as to its help text, for screen readers."""
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_fout"]
            if bound.help_text:
                ids.insert(0, f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_error("address"):
            return data
        if self.has_error("lat") or self.has_error("lon"):
            self.add_error("address", _("De plaats op de kaart is ongeldig. Klik opnieuw op de kaart."))
            return data
        try:
            place = place_locate(address=data.get("address") or "", lat=data.get("lat"), lon=data.get("lon"))
        except ValidationError as exc:
            self.add_error("address", exc)
            return data
        if place is None and self.place_required:
            self.add_error("address", ValidationError(_("Geef een adres of klik op de kaart."), code="required"))
        data["place"] = place
        return data


def _radius_field(**kwargs: Any) -> forms.IntegerField:
    message = _("Kies een straal tussen %(min)s en %(max)s meter.") % {"min": RADIUS_MIN_M, "max": RADIUS_MAX_M}
    return forms.IntegerField(
        label=_("Straal (meter)"),
        min_value=RADIUS_MIN_M,
        max_value=RADIUS_MAX_M,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
        widget=forms.NumberInput(attrs={"step": 50}),
        **kwargs,
    )


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"invalid": _("Geef een geldige datum, bv. 31-12-2026.")},
    )


class WorkFilterForm(PlaceFormMixin):
    """The filters of the works list; empty dates mean today and the coming four weeks."""

    district = forms.ChoiceField(
        label=_("District"), required=False, error_messages={"invalid_choice": _("Dit district kennen we niet.")}
    )
    radius = _radius_field(required=False, help_text=_("Alleen bij een adres of een plaats op de kaart."))
    start = _date_field(_("Van"))
    end = _date_field(_("Tot en met"))
    kind = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[("", _("alle soorten")), *Work.Kind.choices],
        error_messages={"invalid_choice": _("Kies een soort uit de lijst.")},
    )

    field_order = ["address", "radius", "district", "kind", "start", "end", "lat", "lon"]

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if data is not None:
            data = self._with_default_period(data)
        super().__init__(data, *args, **kwargs)
        self.districts = {district.slug: district for district in district_list_valid()}
        field: Any = self.fields["district"]
        field.choices = [("", _("alle districten")), *((slug, d.name) for slug, d in self.districts.items())]
        self.fields["address"].help_text = _("Toont de werken in een straal rond dit adres, de dichtste eerst.")

    @staticmethod
    def _with_default_period(data: Any) -> Any:
        """The query with the period filled in (today and four weeks on), so the form shows the
        dates the list uses."""
        data = data.copy()
        start = data.get("start") or ""
        if not start:
            data["start"] = start = timezone.localdate().isoformat()
        if not data.get("end"):
            try:
                first = _date_field("").clean(start)
            except ValidationError:
                return data
            data["end"] = (first + timedelta(weeks=DEFAULT_WEEKS)).isoformat()
        return data

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        today = timezone.localdate()
        start: date = data.get("start") or today
        end: date = data.get("end") or start + timedelta(weeks=DEFAULT_WEEKS)
        if not self.has_error("start") and not self.has_error("end"):
            if end < start:
                self.add_error("end", _("De einddatum ligt voor de begindatum."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("end", _("Kies een periode van hoogstens drie jaar."))
        data["start"], data["end"] = start, end
        data["radius"] = data.get("radius") or DEFAULT_RADIUS_M
        slug = data.get("district")
        data["district"] = self.districts.get(slug) if slug else None
        return data


class NearbyForm(PlaceFormMixin):
    place_required = True


class SubscribeForm(PlaceFormMixin):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("U krijgt eerst een e-mail met een link om te bevestigen."),
    )
    radius = _radius_field(
        initial=DEFAULT_RADIUS_M,
        help_text=_("Tussen %(min)s en %(max)s meter rond het adres.") % {"min": RADIUS_MIN_M, "max": RADIUS_MAX_M},
    )

    place_required = True
    field_order = ["email", "address", "radius", "lat", "lon"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The address names the subscription in every mail, even when the map gave the point.
        self.fields["address"].required = True
