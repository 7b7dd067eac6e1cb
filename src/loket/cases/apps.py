from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "loket.cases"
    label = "cases"
