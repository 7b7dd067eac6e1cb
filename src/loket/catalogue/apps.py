from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from loket.accounts.hooks import StartSection
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


def district_knowledge_section(district: District) -> PageSection | None:
    """The district page's section: public knowledge articles about what the district handles itself."""
    from loket.catalogue.knowledge import articles_for_district
    from loket.organisation.hooks import PageSection

    articles = articles_for_district(district=district)
    if not articles:
        return None
    return PageSection(
        title=str(_("Veelgestelde vragen over het district")),
        template="catalogue/_district_knowledge.html",
        context={"articles": articles},
    )


def knowledge_start_section(user: Any) -> StartSection | None:
    """Staff reach the knowledge base from their start page; case workers may also write in it."""
    from django.urls import reverse

    from loket.accounts import rules
    from loket.accounts.hooks import StartLink, StartSection

    if not rules.STAFF.allows(user):
        return None
    links = [StartLink(str(_("Zoek in de kennisbank")), reverse("catalogue:knowledge-search"))]
    if rules.CASE_WORKERS.allows(user):
        links.append(StartLink(str(_("Nieuw kennisartikel")), reverse("catalogue:knowledge-create")))
    return StartSection(title=str(_("Kennisbank")), links=links)


class CatalogueConfig(AppConfig):
    name = "loket.catalogue"
    label = "catalogue"

    def ready(self) -> None:
        # The only signals in the app: they keep this process's search indexes fresh at once;
        # other processes notice through the version check in search.py (services) and the
        # knowledge generation in knowledge_index.py (articles; a service's words reach them here).
        from loket.accounts.hooks import register_start_section
        from loket.catalogue.knowledge_index import knowledge_index_invalidate
        from loket.catalogue.models import Service, Topic
        from loket.catalogue.search import search_index_invalidate
        from loket.organisation.hooks import register_district_section, register_location_section

        for model in (Service, Topic):
            for receiver, name in ((search_index_invalidate, "search"), (knowledge_index_invalidate, "knowledge")):
                uid = f"{name}-{model.__name__}"
                post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
        # Pages of the organisation show what the catalogue knows about a district.
        register_district_section(district_competences_section)
        register_district_section(district_knowledge_section)
        register_location_section(location_services_section)
        register_start_section(knowledge_start_section)
