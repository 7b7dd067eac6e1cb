from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from loket.organisation.hooks import PageSection
    from loket.organisation.models import District, Location


def district_competences_section(district: District) -> PageSection:
    """The district page's section: the matters the district handles itself, and the district house's services."""
    from loket.catalogue.models import Level
    from loket.catalogue.selectors import competence_list_for_district, service_list_for_location
    from loket.organisation.hooks import PageSection

    answers = competence_list_for_district(district=district)
    house = district.district_house
    return PageSection(
        title=str(_("Bevoegdheden van het district")),
        template="catalogue/_district_competences.html",
        context={
            "own": [answer for answer in answers if answer.level == Level.DISTRICT],
            "city_count": sum(1 for answer in answers if answer.level == Level.CITY),
            "house": house,
            "house_services": service_list_for_location(location=house) if house else [],
        },
    )


def location_services_section(location: Location) -> PageSection:
    """The location page's section: the active services offered there, with appointment marks."""
    from loket.catalogue.selectors import service_list_for_location
    from loket.organisation.hooks import PageSection

    return PageSection(
        title=str(_("Diensten aan dit loket")),
        template="catalogue/_location_services_section.html",
        context={"services": service_list_for_location(location=location)},
    )


class CatalogueConfig(AppConfig):
    name = "loket.catalogue"
    label = "catalogue"

    def ready(self) -> None:
        # The only signals in the app: they keep this process's search index fresh at once;
        # other processes notice through the version check in search.py.
        from loket.catalogue.models import Service, Topic
        from loket.catalogue.search import search_index_invalidate
        from loket.organisation.hooks import register_district_section, register_location_section

        for model in (Service, Topic):
            post_save.connect(search_index_invalidate, sender=model, dispatch_uid=f"search-{model.__name__}-save")
            post_delete.connect(search_index_invalidate, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
        # Pages of the organisation show what the catalogue knows about a district.
        register_district_section(district_competences_section)
        register_location_section(location_services_section)
