"""Load the Antwerp demo: every app's ``demo.py`` in its ORDER. Safe to run again."""

from __future__ import annotations

import importlib
import time
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


def demo_modules() -> list[Any]:
    """Each installed Loket app may ship ``demo.py`` with ``ORDER: int`` and ``load(log)``."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("loket."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        found.append(module)
    return sorted(found, key=lambda m: m.ORDER)


class Command(BaseCommand):
    help = "Laadt de Antwerpse demodata (districten, loketten, teams, bevoegdheden, diensten, demogebruikers)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Demodata laden kan enkel in demomodus (LOKET_DEMO=1), nooit in productie.")
        modules = demo_modules()
        for index, module in enumerate(modules, start=1):
            label = module.__name__.split(".")[1]
            started = time.monotonic()
            self.stdout.write(f"[{index}/{len(modules)}] {label} …")
            with transaction.atomic():
                module.load(log=lambda line: self.stdout.write(f"    {line}"))
            self.stdout.write(f"    klaar in {time.monotonic() - started:.1f} s")
        self.stdout.write(self.style.SUCCESS("Demodata geladen."))
        self.print_logins()

    def print_logins(self) -> None:
        from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

        from loket.accounts.models import User

        # Demo people without a login (the citizens an agent finds) have an unusable password ("!…").
        users = list(
            User.objects.filter(is_demo=True)
            .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
            .order_by("role", "username")
            .values_list("username", "role")
        )
        if not users:
            return
        self.stdout.write("Demo-aanmeldingen (wachtwoord voor iedereen: demo):")
        by_role: dict[str, list[str]] = {}
        for username, role in users:
            by_role.setdefault(role, []).append(username)
        for role, names in by_role.items():
            self.stdout.write(f"  {role:<15} {', '.join(names)}")
