from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loket.accounts.models import Role
from loket.notifications.gateways import HttpSmsGateway, SmsGatewayError
from loket.notifications.models import Notification
from loket.notifications.services import notification_send


class FakeGateway(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[dict] = []
        self.headers_seen: list[dict] = []
        self.answer_status = 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sms"


class _Handler(BaseHTTPRequestHandler):
    server: FakeGateway

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.server.received.append(json.loads(self.rfile.read(length)))
        self.server.headers_seen.append(dict(self.headers))
        body = json.dumps({"id": f"msg-{len(self.server.received)}"}).encode()
        self.send_response(self.server.answer_status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fake_gateway() -> Iterator[FakeGateway]:
    server = FakeGateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def sms_citizen(make_user):
    return make_user(
        Role.CITIZEN, first_name="Jan", last_name="Janssens", phone="+32470000001", preferred_channel="sms"
    )


def test_an_sms_is_posted_as_json_to_the_configured_gateway(
    settings, fake_gateway, sms_citizen, django_capture_on_commit_callbacks
):
    settings.SMS_GATEWAY = "loket.notifications.gateways.HttpSmsGateway"
    settings.SMS_GATEWAY_URL = fake_gateway.url
    settings.SMS_GATEWAY_TOKEN = "geheim"
    context = {"reference": "MLD-2026-000007", "kind_label": "melding", "status_label": "ingepland"}
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(recipient=sms_citizen, template_key="case_status_changed", context=context)
    notification.refresh_from_db()
    assert (notification.channel, notification.status) == ("sms", Notification.Status.SENT)
    [message] = fake_gateway.received
    assert message["to"] == "+32470000001"
    assert "MLD-2026-000007" in message["text"] and "ingepland" in message["text"]
    assert fake_gateway.headers_seen[0]["Authorization"] == "Bearer geheim"


def test_a_gateway_error_is_recorded_for_a_retry(
    settings, fake_gateway, sms_citizen, django_capture_on_commit_callbacks
):
    settings.SMS_GATEWAY = "loket.notifications.gateways.HttpSmsGateway"
    settings.SMS_GATEWAY_URL = fake_gateway.url
    fake_gateway.answer_status = 503
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(recipient=sms_citizen, template_key="case_closed", context={})
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Notification.Status.QUEUED, 1)
    assert "HTTP 503" in notification.last_error


def test_an_unreachable_gateway_raises_a_gateway_error(fake_gateway):
    url = fake_gateway.url
    fake_gateway.shutdown()
    fake_gateway.server_close()
    with pytest.raises(SmsGatewayError, match="unreachable"):
        HttpSmsGateway(url, timeout=2).send(to="+32470000001", text="test")


def test_a_gateway_url_that_is_not_http_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        HttpSmsGateway("file:///etc/passwd")
