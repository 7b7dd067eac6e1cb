"""Counters: desks, bookable capacity, appointments, walk-in queues and tickets."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Service
from loket.organisation.models import Location


class CounterSettings(models.Model):
    """How a location's counter takes bookings and runs its queue (one row per location)."""

    location = models.OneToOneField(Location, on_delete=models.CASCADE, related_name="counter_settings")
    slot_minutes = models.PositiveSmallIntegerField(_("slotlengte (minuten)"), default=10)
    online_share = models.PositiveSmallIntegerField(
        _("deel van de capaciteit online boekbaar (%)"),
        default=70,
        help_text=_("De rest blijft voor boekingen via het contactcenter en aan het loket."),
    )
    min_notice_minutes = models.PositiveIntegerField(_("minimale voorafgaande termijn (minuten)"), default=120)
    horizon_days = models.PositiveSmallIntegerField(_("boekingshorizon (dagen)"), default=60)
    release_hour = models.PositiveSmallIntegerField(
        _("uur waarop een nieuwe dag vrijkomt"),
        default=8,
        help_text=_("Elke dag om dit uur komt de laatste dag van de horizon vrij."),
    )
    hold_minutes = models.PositiveSmallIntegerField(_("reservatie tijdens het invullen (minuten)"), default=10)
    reminder_hours = models.PositiveSmallIntegerField(_("herinnering (uren vooraf)"), default=24)
    no_show_grace_minutes = models.PositiveSmallIntegerField(_("wachttijd voor 'niet opgedaagd' (minuten)"), default=15)
    lookahead_minutes = models.PositiveSmallIntegerField(
        _("afspraken voorrang geven vanaf (minuten voor het uur)"), default=10
    )
    one_open_per_service = models.BooleanField(_("één openstaande afspraak per burger per dienst"), default=True)

    class Meta:
        verbose_name = _("loketinstellingen")
        verbose_name_plural = _("loketinstellingen")
        constraints = [
            models.CheckConstraint(condition=Q(online_share__lte=100), name="online_share_is_a_percentage"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="slot_at_least_five_minutes"),
            models.CheckConstraint(condition=Q(release_hour__lte=23), name="release_hour_is_an_hour"),
        ]

    def __str__(self) -> str:
        return str(self.location)


class BookingVersion(models.Model):
    """A location's booking version (owned by counters.booking and counters.occupancy).

    Raised in the transaction of every write that changes which desk time a booked or checked-in
    appointment occupies; availability reuses its per-process occupancy cache only while the
    version is unchanged. A new row starts at a random value, so a rolled-back or restored
    database never repeats a version another process may have cached.
    """

    location = models.OneToOneField(
        Location, on_delete=models.CASCADE, primary_key=True, related_name="booking_version"
    )
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.location_id}: {self.version}"


class Desk(models.Model):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="desks")
    name = models.CharField(_("naam"), max_length=50, help_text=_("Zoals op het scherm: 'Loket 3'."))
    services = models.ManyToManyField(Service, related_name="desks", verbose_name=_("diensten"))
    bookable = models.BooleanField(_("boekbaar voor afspraken"), default=True)
    is_open = models.BooleanField(_("nu open"), default=False)
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bediend door"),
    )

    class Meta:
        ordering = ["location", "name"]
        verbose_name = _("balie")
        verbose_name_plural = _("balies")
        constraints = [models.UniqueConstraint(fields=["location", "name"], name="one_desk_name_per_location")]

    def __str__(self) -> str:
        return f"{self.location} - {self.name}"


class AppointmentChannel(models.TextChoices):
    ONLINE = "online", _("e-loket")
    PHONE = "phone", _("contactcenter")
    COUNTER = "counter", _("loket")


class Appointment(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("voorlopig vastgehouden")
        BOOKED = "booked", _("geboekt")
        CHECKED_IN = "checked_in", _("aangemeld")
        CANCELLED = "cancelled", _("geannuleerd")
        NO_SHOW = "no_show", _("niet opgedaagd")
        SERVED = "served", _("geholpen")

    reference = models.CharField(_("referentie"), max_length=20, unique=True, null=True, blank=True)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="appointments")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="appointments")
    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, related_name="appointments")
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    persons = models.PositiveSmallIntegerField(_("aantal personen of producten"), default=1)
    channel = models.CharField(_("kanaal"), max_length=10, choices=AppointmentChannel.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.HELD)
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="appointments"
    )
    name = models.CharField(_("naam"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    needs_assistance = models.BooleanField(_("heeft hulp nodig"), default=False)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # The last delivery failure of each message, for staff to see; cleared when it goes out.
    confirmation_error = models.CharField(_("fout bij de bevestiging"), max_length=300, blank=True)
    reminder_error = models.CharField(_("fout bij de herinnering"), max_length=300, blank=True)
    rescheduled_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        indexes = [
            models.Index(fields=["location", "start"]),
            models.Index(fields=["desk", "start"]),
            models.Index(fields=["status", "start"]),
            # Covers the availability query: its rows come from the index alone.
            models.Index(
                fields=["location", "start", "end", "desk", "channel", "status", "hold_expires_at"],
                name="appointment_occupation",
            ),
        ]
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="appointment_in_order")]

    def __str__(self) -> str:
        return f"{self.reference or '—'} {self.service} {self.start:%Y-%m-%d %H:%M}"


class Queue(models.Model):
    """A walk-in queue at a location, with its ticket letter ('A' gives A001, A002, …)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="queues")
    letter = models.CharField(_("letter"), max_length=2)
    name = models.CharField(_("naam"), max_length=100)
    services = models.ManyToManyField(Service, related_name="queues", verbose_name=_("diensten"))
    for_appointments = models.BooleanField(_("wachtrij voor afspraken"), default=False)

    class Meta:
        ordering = ["location", "letter"]
        verbose_name = _("wachtrij")
        verbose_name_plural = _("wachtrijen")
        constraints = [models.UniqueConstraint(fields=["location", "letter"], name="one_queue_letter_per_location")]

    def __str__(self) -> str:
        return f"{self.location} {self.letter} - {self.name}"


class TicketCounter(models.Model):
    """The last ticket number per queue and day; numbers restart every day."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["queue", "day"], name="one_ticket_counter_per_queue_day")]

    def __str__(self) -> str:
        return f"{self.queue} {self.day}: {self.last}"


class Ticket(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("wacht")
        CALLED = "called", _("opgeroepen")
        SERVING = "serving", _("wordt geholpen")
        DONE = "done", _("afgehandeld")
        NO_SHOW = "no_show", _("niet opgedaagd")
        TRANSFERRED = "transferred", _("doorverwezen")

    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="tickets")
    queue = models.ForeignKey(Queue, on_delete=models.PROTECT, related_name="tickets")
    day = models.DateField(_("dag"))
    number = models.PositiveIntegerField(_("nummer"))
    code = models.CharField(_("volgnummer"), max_length=8)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets")
    appointment = models.OneToOneField(
        Appointment, on_delete=models.PROTECT, null=True, blank=True, related_name="ticket"
    )
    priority = models.BooleanField(_("voorrang (hulp nodig)"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.WAITING)
    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets")
    created_at = models.DateTimeField(_("getrokken om"))
    called_at = models.DateTimeField(null=True, blank=True)
    last_called_at = models.DateTimeField(
        null=True, blank=True, help_text=_("De laatste oproep (een herhaalde oproep zet het volgnummer weer bovenaan).")
    )
    served_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    recalls = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(_("resultaat"), max_length=200, blank=True)
    transferred_to = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    estimated_wait_minutes = models.PositiveIntegerField(null=True, blank=True)
    public_token = models.CharField(max_length=32, unique=True)

    class Meta:
        ordering = ["day", "created_at", "id"]
        verbose_name = _("volgnummer")
        verbose_name_plural = _("volgnummers")
        indexes = [models.Index(fields=["location", "day", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["queue", "day", "number"], name="one_ticket_number_per_queue_day")
        ]

    def __str__(self) -> str:
        return self.code


class CounterVisit(models.Model):
    """One visitor served at a desk (owned by :mod:`loket.counters.visits`).

    Opened when the clerk starts helping (the citizen identified, the ticket or appointment
    linked) and registered when the visit is over: registering writes the citizen's
    ``ContactMoment`` (channel counter, the desk's location) with the outcome, time and notes,
    while the services handled are kept here because a contact moment names only one. What the
    clerk did for the visitor meanwhile stays linked: requests closed at the desk and
    escalations to the central specialists.
    """

    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, related_name="visits", verbose_name=_("balie"))
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+", verbose_name=_("locatie"))
    ticket = models.OneToOneField(
        Ticket, on_delete=models.PROTECT, null=True, blank=True, related_name="visit", verbose_name=_("volgnummer")
    )
    appointment = models.OneToOneField(
        Appointment, on_delete=models.PROTECT, null=True, blank=True, related_name="visit", verbose_name=_("afspraak")
    )
    citizen = models.ForeignKey(
        "citizens.Citizen",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="counter_visits",
        verbose_name=_("burger"),
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    services = models.ManyToManyField(Service, related_name="+", blank=True, verbose_name=_("behandelde diensten"))
    contact_moment = models.OneToOneField(
        "citizens.ContactMoment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="counter_visit",
        verbose_name=_("contactmoment"),
    )
    closed_cases = models.ManyToManyField(
        "cases.Case", related_name="+", blank=True, verbose_name=_("aan de balie afgehandelde aanvragen")
    )
    escalations = models.ManyToManyField(
        "cases.InternalTask", related_name="+", blank=True, verbose_name=_("escalaties naar de specialisten")
    )
    started_at = models.DateTimeField(_("begonnen om"))
    registered_at = models.DateTimeField(_("geregistreerd om"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("loketbezoek")
        verbose_name_plural = _("loketbezoeken")
        indexes = [
            models.Index(fields=["desk", "started_at"]),
            models.Index(fields=["location", "started_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.desk} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_registered(self) -> bool:
        return self.contact_moment_id is not None
