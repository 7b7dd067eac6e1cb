from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "loket.organisation"
    label = "organisation"
