"""The WSGI entry point (gunicorn ``loket.wsgi:application``).

Once the application is loaded, the URL configuration imported and the collector run, everything
alive is moved out of the garbage collector's reach (``gc.freeze``): the tens of thousands of
long-lived objects of Django and the project are then no longer walked by every full collection,
which otherwise pauses a request now and then (the p99 of a busy endpoint). ``LOKET_GC_FREEZE=0``
turns it off.
"""

from __future__ import annotations

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
application = get_wsgi_application()


def _freeze_what_is_loaded() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not on the first request
    gc.collect()
    gc.freeze()


if os.environ.get("LOKET_GC_FREEZE", "1") != "0":
    _freeze_what_is_loaded()
