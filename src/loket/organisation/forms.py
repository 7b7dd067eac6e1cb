from __future__ import annotations

import math
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class WhichDistrictForm(forms.Form):
    """An address, or a postcode, or a point clicked on the map (lat/lon filled by the page's script)."""

    address = forms.CharField(label=_("Adres (straat en huisnummer)"), max_length=200, required=False)
    postcode = forms.RegexField(
        label=_("of enkel uw postcode"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Een postcode heeft vier cijfers.")},
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lat, lon = data.get("lat"), data.get("lon")
        has_point = lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)
        data["has_point"] = has_point
        if not has_point and not data.get("address") and not data.get("postcode"):
            raise forms.ValidationError(_("Vul een adres of een postcode in, of klik op de kaart."))
        return data
