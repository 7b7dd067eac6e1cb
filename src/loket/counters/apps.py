from django.apps import AppConfig


class CountersConfig(AppConfig):
    name = "loket.counters"
    label = "counters"
