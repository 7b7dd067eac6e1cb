"""Subscribing to new works near an address: the form, confirming by the mailed link, ending it.

The GET pages of the links only ask; the POST acts, so a mail scanner that opens every link
changes nothing. The form's answer is the same whether or not the address was subscribed
already: it tells nobody who is subscribed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from loket.accounts import rules
from loket.accounts.backends import client_ip
from loket.works import subscriptions
from loket.works.forms import SubscribeForm
from loket.works.maps import map_context
from loket.works.models import AreaSubscription
from loket.works.views_public import citizen_address

# Requests for subscriptions from one network address per hour (on top of the per-e-mail limit).
MAX_REQUESTS_PER_CLIENT_PER_HOUR = 20


def _too_many_from(request: HttpRequest) -> bool:
    key = f"works:subscribe:{client_ip(request) or 'unknown'}"
    if cache.add(key, 1, timeout=3600):
        return False
    try:
        return cache.incr(key) > MAX_REQUESTS_PER_CLIENT_PER_HOUR
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=3600)
        return False


def _subscription(token: str) -> AreaSubscription:
    try:
        return subscriptions.subscription_by_token(token)
    except AreaSubscription.DoesNotExist:
        raise Http404(_("Deze link is niet geldig.")) from None


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if _too_many_from(request):
            form.is_valid()
            form.add_error(None, _("Te veel aanvragen vanaf deze verbinding. Probeer het over een uur opnieuw."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                subscriptions.subscription_request(
                    email=data["email"],
                    address=data["address"],
                    lat=data["place"].lat,
                    lon=data["place"].lon,
                    radius_m=data["radius"],
                    user=request.user,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _(
                        "Bijna klaar: we stuurden een e-mail naar %(email)s. Klik op de link in die e-mail om uw "
                        "abonnement te bevestigen. Zonder bevestiging krijgt u geen berichten."
                    )
                    % {"email": data["email"]},
                )
                return HttpResponseRedirect(reverse("works:subscribe"))
        if form.errors and status == 200:
            status = 400
    else:
        # From "werken in mijn buurt" (address and point in the query), else the citizen's own.
        initial = {"address": request.GET.get("address", "")[:250] or citizen_address(request.user)}
        if request.GET.get("lat") and request.GET.get("lon"):
            initial.update(lat=request.GET["lat"][:20], lon=request.GET["lon"][:20])
        if request.user.is_authenticated and request.user.email:
            initial["email"] = request.user.email
        form = SubscribeForm(initial=initial)
    place = form.cleaned_data.get("place") if form.is_bound and hasattr(form, "cleaned_data") else None
    circle = {"lat": place.lat, "lon": place.lon, "radius": form.cleaned_data.get("radius") or 500} if place else None
    context = {"form": form, "map": map_context(circle=circle, picker=True)}
    return render(request, "works/subscribe.html", context, status=status)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = _subscription(token)
    if request.method == "POST":
        try:
            subscriptions.subscription_confirm(subscription=subscription)
        except subscriptions.SubscriptionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Uw abonnement is bevestigd. U krijgt een e-mail bij nieuwe werken."))
        return HttpResponseRedirect(reverse("works:subscription-confirm", args=[subscription.token]))
    context = {
        "subscription": subscription,
        "expired": subscriptions.confirmation_expired(subscription),
    }
    status = 410 if context["expired"] and subscription.cancelled_at is None else 200
    return render(request, "works/subscription_confirm.html", context, status=status)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def subscription_cancel(request: HttpRequest, token: str) -> HttpResponse:
    subscription = _subscription(token)
    if request.method == "POST":
        subscriptions.subscription_cancel(subscription=subscription)
        messages.success(request, _("Uw abonnement is opgezegd. U krijgt geen berichten meer over werken."))
        return HttpResponseRedirect(reverse("works:subscription-cancel", args=[subscription.token]))
    return render(request, "works/subscription_cancel.html", {"subscription": subscription})
