"""Links about a report: the public follow page, and the signed links in mails.

The public token names a report on the public map, so it is no secret: answering "is it fixed?"
(which may reopen the report), confirming that one wants to follow it and unfollowing need a
signature of the project's secret that only the mails (and the reporter's own pages) carry. The
confirmation link also carries its time and expires after ``FOLLOW_CONFIRM_DAYS``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from loket.reports.models import Report

FEEDBACK_SALT = "loket.reports.feedback"
UNFOLLOW_SALT = "loket.reports.unfollow"
FOLLOW_CONFIRM_SALT = "loket.reports.follow-confirm"
FOLLOW_CONFIRM_DAYS = 7


def absolute(path: str) -> str:
    return f"{settings.LOKET_BASE_URL}{path}"


def public_path(report: Report) -> str:
    return reverse("reports:public-detail", kwargs={"token": report.public_token})


def feedback_signature(report: Report) -> str:
    return signing.Signer(salt=FEEDBACK_SALT).signature(report.public_token)


def feedback_signature_valid(report: Report, signature: str) -> bool:
    return constant_time_compare(feedback_signature(report), signature or "")


def feedback_path(report: Report, answer: str = "") -> str:
    path = reverse("reports:feedback", kwargs={"token": report.public_token, "signature": feedback_signature(report)})
    return f"{path}?antwoord={answer}" if answer else path


def unfollow_code(report: Report, email: str) -> str:
    return signing.dumps({"t": report.public_token, "e": email.lower()}, salt=UNFOLLOW_SALT, compress=True)


def unfollow_email(report: Report, code: str) -> str | None:
    """The e-mail address a signed unfollow code names for this report, or None."""
    try:
        data = signing.loads(code, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("t") != report.public_token:
        return None
    email = data.get("e")
    return email if isinstance(email, str) else None


def unfollow_path(report: Report, email: str) -> str:
    return reverse("reports:unfollow", kwargs={"token": report.public_token, "code": unfollow_code(report, email)})


def follow_confirm_path(report: Report, email: str) -> str:
    """The link that proves ``email`` is its owner's and wants to follow ``report``."""
    code = signing.dumps({"t": report.public_token, "e": email.lower()}, salt=FOLLOW_CONFIRM_SALT, compress=True)
    return reverse("reports:follow-confirm", kwargs={"token": report.public_token, "code": code})


def follow_confirm_email(report: Report, code: str) -> str:
    """The address a confirmation code names for this report. Raises ``signing.SignatureExpired``
    for a code older than ``FOLLOW_CONFIRM_DAYS`` and ``signing.BadSignature`` for any other bad one."""
    data = signing.loads(code, salt=FOLLOW_CONFIRM_SALT, max_age=dt.timedelta(days=FOLLOW_CONFIRM_DAYS))
    if not isinstance(data, dict) or data.get("t") != report.public_token or not isinstance(data.get("e"), str):
        raise signing.BadSignature("the code names another report")
    return str(data["e"])
