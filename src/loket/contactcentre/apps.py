from __future__ import annotations

from django.apps import AppConfig


class ContactcentreConfig(AppConfig):
    name = "loket.contactcentre"
    label = "contactcentre"
