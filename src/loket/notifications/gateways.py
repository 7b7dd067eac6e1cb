"""SMS gateways, pluggable through ``settings.SMS_GATEWAY`` (a dotted path to a class).

- ``FileSmsGateway`` (the default, embedded profile): writes each message as a JSON file under
  ``VAR_DIR / "sms"``, like Django's file mail backend.
- ``HttpSmsGateway``: POSTs ``{"to", "text", "sender"}`` as JSON to ``settings.SMS_GATEWAY_URL``
  (optional bearer token ``SMS_GATEWAY_TOKEN``, timeout ``SMS_GATEWAY_TIMEOUT`` seconds); any
  answer other than 2xx, or no answer, raises ``SmsGatewayError`` so the job retries.

The settings are read with ``getattr(settings, name, default)``; none is required.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string

DEFAULT_SMS_GATEWAY = "loket.notifications.gateways.FileSmsGateway"
SMS_SENDER = "Antwerpen"


class SmsGatewayError(Exception):
    """The gateway did not accept the message."""


class SmsGateway(Protocol):
    def send(self, *, to: str, text: str) -> str:
        """Hand one message to the gateway; returns the gateway's message id (may be empty)."""
        ...


class FileSmsGateway:
    """Writes each message to a JSON file: the embedded profile has no real SMS provider."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory or Path(settings.VAR_DIR) / "sms")

    def send(self, *, to: str, text: str) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        message_id = uuid.uuid4().hex
        now = timezone.now()
        path = self.directory / f"{now:%Y%m%d-%H%M%S}-{message_id}.json"
        payload = {"id": message_id, "to": to, "text": text, "sender": SMS_SENDER, "at": now.isoformat()}
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        return message_id


class HttpSmsGateway:
    """Posts each message as JSON to an SMS provider's (or an adapter's) HTTP endpoint."""

    def __init__(self, url: str | None = None, *, token: str | None = None, timeout: float | None = None) -> None:
        self.url = url if url is not None else str(getattr(settings, "SMS_GATEWAY_URL", ""))
        self.token = token if token is not None else str(getattr(settings, "SMS_GATEWAY_TOKEN", ""))
        self.timeout = timeout if timeout is not None else float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 10))
        if not self.url:
            raise ImproperlyConfigured("HttpSmsGateway needs settings.SMS_GATEWAY_URL")
        if not self.url.startswith(("http://", "https://")):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) URL")

    def send(self, *, to: str, text: str) -> str:
        data = json.dumps({"to": to, "text": text, "sender": SMS_SENDER}).encode()
        request = urllib.request.Request(self.url, data=data, method="POST")  # noqa: S310 (http(s) only)
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
                body = response.read(4096)
        except urllib.error.HTTPError as exc:
            raise SmsGatewayError(f"gateway answered HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SmsGatewayError(f"gateway unreachable: {exc}") from exc
        try:
            answer = json.loads(body or b"{}")
        except ValueError:
            return ""
        return str(answer.get("id", "")) if isinstance(answer, dict) else ""


def sms_gateway() -> SmsGateway:
    """The configured gateway, built anew for each message (settings may change in tests)."""
    path = getattr(settings, "SMS_GATEWAY", "") or DEFAULT_SMS_GATEWAY
    gateway: SmsGateway = import_string(path)()
    return gateway
