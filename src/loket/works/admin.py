"""Works in the admin: a list with filters, and a work with its hindrance and diversions inline.

The bounding box and the district are not typed in: saving a work computes them from its
geometry (``services.work_locate``), as the import does; a geometry outside the city is refused.
A new work queues notices for subscribers nearby, as the import does. Notices that could not be
delivered are listed with their error and next try, and staff with the change permission may
put them back in the outbox ("opnieuw proberen"); the send job in ``notices.py`` delivers them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from loket.works.geometry import validate_geometry
from loket.works.models import AreaSubscription, Diversion, Hindrance, Work, WorkNotice
from loket.works.notices import notices_queue_for_works, notices_retry
from loket.works.services import work_locate, work_place


class WorkForm(forms.ModelForm):
    url = forms.URLField(label=gettext_lazy("meer informatie"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Work
        fields = (
            "title",
            "description",
            "kind",
            "status",
            "groundwork_category",
            "start_date",
            "end_date",
            "owner",
            "contractor",
            "contact_name",
            "contact_phone",
            "contact_email",
            "url",
            "address",
            "geometry",
            "source",
            "external_id",
        )
        help_texts = {
            "geometry": gettext_lazy(
                'GeoJSON in WGS84, bv. {"type": "Point", "coordinates": [4.4010, 51.2190]} (lengtegraad eerst). '
                "Het district en de omhullende rechthoek worden berekend."
            )
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        geometry = data.get("geometry")
        if geometry is not None:
            try:
                data["geometry"], self.located_district = work_locate(geometry=geometry)
            except ValueError as exc:
                self.add_error("geometry", str(exc))
            else:
                if self.located_district is None:
                    self.add_error("geometry", _("Het midden van deze geometrie ligt buiten de stad Antwerpen."))
        return data


class HindranceForm(forms.ModelForm):
    class Meta:
        model = Hindrance
        fields = ("severe", "start_date", "end_date", "consequences", "description")
        help_texts = {
            "consequences": gettext_lazy(
                'Bv. {"cars": "closed", "cyclists": "narrowed"}. Vervoerswijzen: %(modes)s. Gevolgen: %(consequences)s.'
            )
            % {"modes": ", ".join(Hindrance.Mode.values), "consequences": ", ".join(Hindrance.Consequence.values)}
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        consequences = data.get("consequences")
        if consequences is not None:
            if not isinstance(consequences, dict):
                self.add_error("consequences", _("Geef een object {vervoerswijze: gevolg}."))
            elif any(mode not in Hindrance.Mode.values for mode in consequences) or any(
                value not in Hindrance.Consequence.values for value in consequences.values()
            ):
                self.add_error("consequences", _("Onbekende vervoerswijze of onbekend gevolg."))
        return data


class DiversionForm(forms.ModelForm):
    class Meta:
        model = Diversion
        fields = ("description", "modes", "geometry")

    def clean_modes(self) -> list[str]:
        modes = self.cleaned_data.get("modes") or []
        if not isinstance(modes, list) or any(mode not in Hindrance.Mode.values for mode in modes):
            raise forms.ValidationError(
                _("Geef een lijst van vervoerswijzen uit: %(modes)s.") % {"modes": ", ".join(Hindrance.Mode.values)}
            )
        return modes

    def clean_geometry(self) -> dict[str, Any] | None:
        geometry = self.cleaned_data.get("geometry")
        if not geometry:
            return None
        try:
            return validate_geometry(geometry)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class HindranceInline(admin.TabularInline):
    model = Hindrance
    form = HindranceForm
    extra = 0


class DiversionInline(admin.TabularInline):
    model = Diversion
    form = DiversionForm
    extra = 0


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    form = WorkForm
    list_display = ("title", "kind", "status", "start_date", "end_date", "district", "owner", "source", "external_id")
    list_filter = ("status", "kind", "district", "source", "start_date")
    search_fields = ("title", "external_id", "address", "owner", "contractor")
    date_hierarchy = "start_date"
    list_select_related = ("district",)
    readonly_fields = ("district", "min_lat", "max_lat", "min_lon", "max_lon", "created_at", "updated_at")
    inlines = [HindranceInline, DiversionInline]
    fieldsets = (
        (None, {"fields": ("title", "description", "kind", "status", "groundwork_category", "start_date", "end_date")}),
        (
            gettext_lazy("Wie"),
            {"fields": ("owner", "contractor", "contact_name", "contact_phone", "contact_email", "url")},
        ),
        (
            gettext_lazy("Waar"),
            {"fields": ("address", "geometry", "district", "min_lat", "max_lat", "min_lon", "max_lon")},
        ),
        (gettext_lazy("Herkomst"), {"fields": ("source", "external_id", "created_at", "updated_at")}),
    )

    def save_model(self, request: HttpRequest, obj: Work, form: Any, change: bool) -> None:
        work_place(work=obj, geometry=form.cleaned_data["geometry"], district=form.located_district)
        super().save_model(request, obj, form, change)
        if not change:  # a new work is news to subscribers nearby (mailed after the commit)
            queued = notices_queue_for_works(work_ids=[obj.pk])
            if queued:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d abonnee in de buurt krijgt bericht over dit werk.",
                        "%(count)d abonnees in de buurt krijgen bericht over dit werk.",
                        queued,
                    )
                    % {"count": queued},
                )


class LookOnlyAdmin(admin.ModelAdmin):
    """Subscriptions are made and confirmed by the subscriber, notices by the import: the admin
    looks, and may delete (a subscriber who asks to be forgotten)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _notices_link(subscription: AreaSubscription, status: str, count: int) -> str:
    """A count of one subscription's notices in one status, linked to that list of notices."""
    if not count:
        return "0"
    url = reverse("admin:works_worknotice_changelist")
    query = urlencode({"subscription__id__exact": subscription.pk, "status__exact": status})
    return format_html('<a href="{}?{}">{}</a>', url, query, count)


@admin.register(AreaSubscription)
class AreaSubscriptionAdmin(LookOnlyAdmin):
    list_display = (
        "email",
        "address",
        "radius_m",
        "confirmed_at",
        "cancelled_at",
        "created_at",
        "notices_queued",
        "notices_sent",
        "notices_failed",
    )
    list_filter = ("confirmed_at", "cancelled_at")
    search_fields = ("email", "address")
    readonly_fields = ("notices_queued", "notices_sent", "notices_failed")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AreaSubscription]:
        def count(status: str) -> Count:
            return Count("notices", filter=Q(notices__status=status))

        return (
            super()
            .get_queryset(request)
            .annotate(
                queued_count=count(WorkNotice.Status.QUEUED),
                sent_count=count(WorkNotice.Status.SENT),
                failed_count=count(WorkNotice.Status.FAILED),
            )
        )

    @admin.display(description=gettext_lazy("berichten in de wachtrij"), ordering="queued_count")
    def notices_queued(self, obj: Any) -> str:
        return _notices_link(obj, WorkNotice.Status.QUEUED, obj.queued_count)

    @admin.display(description=gettext_lazy("berichten verzonden"), ordering="sent_count")
    def notices_sent(self, obj: Any) -> str:
        return _notices_link(obj, WorkNotice.Status.SENT, obj.sent_count)

    @admin.display(description=gettext_lazy("berichten niet bezorgd"), ordering="failed_count")
    def notices_failed(self, obj: Any) -> str:
        return _notices_link(obj, WorkNotice.Status.FAILED, obj.failed_count)


@admin.register(WorkNotice)
class WorkNoticeAdmin(LookOnlyAdmin):
    """Staff see which notices were not delivered, and why, and may have them tried again.

    Re-queueing needs Django's change permission on notices (the action is not offered without
    it); the notices themselves are never edited here.
    """

    list_display = (
        "subscription_email",
        "work_title",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    )
    list_filter = ("status",)
    list_select_related = ("subscription", "work")
    search_fields = ("subscription__email", "work__title")
    readonly_fields = (
        "subscription",
        "work",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    )
    actions = ("retry",)

    @admin.display(description=gettext_lazy("e-mail"), ordering="subscription__email")
    def subscription_email(self, obj: WorkNotice) -> str:
        return obj.subscription.email

    @admin.display(description=gettext_lazy("werk"), ordering="work__title")
    def work_title(self, obj: WorkNotice) -> str:
        return obj.work.title

    def has_retry_permission(self, request: HttpRequest) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")

    @admin.action(description=gettext_lazy("opnieuw proberen"), permissions=["retry"])
    def retry(self, request: HttpRequest, queryset: QuerySet[WorkNotice]) -> None:
        selected = queryset.count()
        retried = notices_retry(notices=queryset)
        if retried:
            self.message_user(
                request,
                ngettext(
                    "%(count)d bericht staat opnieuw in de wachtrij en wordt nu verstuurd.",
                    "%(count)d berichten staan opnieuw in de wachtrij en worden nu verstuurd.",
                    retried,
                )
                % {"count": retried},
                messages.SUCCESS,
            )
        skipped = selected - retried
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d bericht blijft ongewijzigd: het was niet mislukt of het abonnement loopt niet meer.",
                    "%(count)d berichten blijven ongewijzigd: ze waren niet mislukt of hun abonnement loopt niet meer.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
