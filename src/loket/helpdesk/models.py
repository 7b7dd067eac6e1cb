"""The helpdesk for the districts: targets per topic, the helpdesk's business calendar, and the
clock of each question.

A question is a ``cases.Case`` of kind ``question``: the case stays the record (title, text,
asking district, attachments, the conversation in its history). ``QuestionSla`` sits beside it,
one to one, and holds what the case engine does not know: the helpdesk topic and the business-time
clock (due moments, first response, answer, pauses, warnings and escalations sent).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case


class QuestionTopic(models.TextChoices):
    COMPETENCE = "competence", _("bevoegdheden")
    PROCEDURE = "procedure", _("procedures")
    COUNCIL = "council", _("werking van het districtsbestuur")
    OTHER = "other", _("andere")


class SlaTarget(models.Model):
    """How fast the helpdesk answers a topic, in business hours (the helpdesk's office hours)."""

    topic = models.CharField(_("onderwerp"), max_length=20, choices=QuestionTopic.choices, unique=True)
    first_response_hours = models.PositiveSmallIntegerField(
        _("eerste reactie binnen (werkuren)"), help_text=_("Een werkdag telt zoveel uren als de kantooruren.")
    )
    answer_hours = models.PositiveSmallIntegerField(_("antwoord binnen (werkuren)"))
    warning_hours = models.PositiveSmallIntegerField(
        _("waarschuwing (werkuren vooraf)"), help_text=_("Zoveel werkuren voor het verstrijken van een termijn.")
    )

    class Meta:
        ordering = ["topic"]
        verbose_name = _("termijn per onderwerp")
        verbose_name_plural = _("termijnen per onderwerp")
        constraints = [
            models.CheckConstraint(condition=Q(first_response_hours__gt=0), name="sla_first_response_positive"),
            models.CheckConstraint(
                condition=Q(answer_hours__gte=F("first_response_hours")), name="sla_answer_after_first_response"
            ),
            models.CheckConstraint(
                condition=Q(warning_hours__lt=F("first_response_hours")), name="sla_warning_before_first_response"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.first_response_hours} u / {self.answer_hours} u"


class OfficeHours(models.Model):
    """One period in which the helpdesk works on a weekday; a day may have several."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekday.choices)
    opens = models.TimeField(_("van"))
    closes = models.TimeField(_("tot"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("kantooruren van de helpdesk")
        verbose_name_plural = _("kantooruren van de helpdesk")
        constraints = [models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="office_hours_in_order")]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    """A day the helpdesk is closed besides the Belgian public holidays (a bridge day, a team day)."""

    date = models.DateField(_("datum"), unique=True)
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("sluitingsdag van de helpdesk")
        verbose_name_plural = _("sluitingsdagen van de helpdesk")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()


class QuestionSla(models.Model):
    """The clock of one question, computed in business time when asked and moved on each resume.

    The four moments (two warnings, two due times) are stored, so the periodic deadline check is a
    plain indexed comparison with now. While paused (``paused_since``), the moments after the pause
    began do not fire; on resume they move on by the business time the pause took.
    """

    case = models.OneToOneField(Case, on_delete=models.PROTECT, primary_key=True, related_name="helpdesk_sla")
    topic = models.CharField(_("onderwerp"), max_length=20, choices=QuestionTopic.choices)
    asked_at = models.DateTimeField(_("gesteld op"))
    response_warn_at = models.DateTimeField(_("waarschuwing eerste reactie om"))
    response_due = models.DateTimeField(_("eerste reactie uiterlijk"))
    answer_warn_at = models.DateTimeField(_("waarschuwing antwoord om"))
    answer_due = models.DateTimeField(_("antwoord uiterlijk"))
    first_response_at = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    paused_since = models.DateTimeField(_("klok stil sinds"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # Each alert goes out exactly once: the check stamps these in one conditional UPDATE.
    response_warned_at = models.DateTimeField(null=True, blank=True)
    response_escalated_at = models.DateTimeField(null=True, blank=True)
    answer_warned_at = models.DateTimeField(null=True, blank=True)
    answer_escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("termijnen van een vraag")
        verbose_name_plural = _("termijnen van vragen")
        # One partial index per alert: only the questions that may still need it, by moment.
        indexes = [
            models.Index(
                fields=["response_warn_at"],
                name="sla_response_warn_pending",
                condition=Q(closed_at__isnull=True, first_response_at__isnull=True, response_warned_at__isnull=True),
            ),
            models.Index(
                fields=["response_due"],
                name="sla_response_due_pending",
                condition=Q(closed_at__isnull=True, first_response_at__isnull=True, response_escalated_at__isnull=True),
            ),
            models.Index(
                fields=["answer_warn_at"],
                name="sla_answer_warn_pending",
                condition=Q(closed_at__isnull=True, answered_at__isnull=True, answer_warned_at__isnull=True),
            ),
            models.Index(
                fields=["answer_due"],
                name="sla_answer_due_pending",
                condition=Q(closed_at__isnull=True, answered_at__isnull=True, answer_escalated_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.topic}"

    def response_breached(self, now: dt.datetime) -> bool:
        """Whether the first response came (or is still missing) after its due moment."""
        return _breached(self.first_response_at, self.response_due, self.paused_since, now)

    def answer_breached(self, now: dt.datetime) -> bool:
        return _breached(self.answered_at, self.answer_due, self.paused_since, now)

    def next_due(self) -> dt.datetime | None:
        """The due moment the helpdesk works towards now (None once answered)."""
        if self.answered_at is not None or self.closed_at is not None:
            return None
        return self.response_due if self.first_response_at is None else self.answer_due


def _breached(
    done_at: dt.datetime | None, due: dt.datetime, paused_since: dt.datetime | None, now: dt.datetime
) -> bool:
    if done_at is not None:
        return done_at > due
    return due < (paused_since or now)


class QuestionPause(models.Model):
    """A stretch in which the question's clock stood still (waiting for the asker, or answered)."""

    sla = models.ForeignKey(QuestionSla, on_delete=models.CASCADE, related_name="pauses")
    status = models.CharField(_("status"), max_length=30)
    started_at = models.DateTimeField(_("van"))
    ended_at = models.DateTimeField(_("tot"), null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        verbose_name = _("pauze van de klok")
        verbose_name_plural = _("pauzes van de klok")

    def __str__(self) -> str:
        return f"{self.sla_id} {self.started_at:%Y-%m-%d %H:%M}"
