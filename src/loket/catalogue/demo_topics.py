"""The competences register of Antwerp as demo data: topics, their level and handling team.

Facts from the city's delegation of competences to its districts: what districts decide, what
is never delegated, and what stays with the city. District topics get one competence row per
district (the team ``<district>-<suffix>``); city topics one row with a city team.
"""

from __future__ import annotations

DELEGATED = (
    "Gedelegeerde districtsbevoegdheid: de gemeenteraad van Antwerpen heeft deze materie toevertrouwd aan de "
    "districten (binnengemeentelijke decentralisatie volgens het Decreet over het Lokaal Bestuur). De districtsraad "
    "en het districtscollege beslissen erover binnen het districtsbudget."
)
CITY = (
    "Niet gedelegeerd: alles wat niet uitdrukkelijk aan de districten is toevertrouwd, blijft een bevoegdheid van de "
    "stad (gemeenteraad en college van burgemeester en schepenen). De districtsraad kan wel advies geven."
)
NEVER = (
    "Wordt nooit aan de districten gedelegeerd (personeelsregeling, begroting en rekeningen, belastingen, politie); "
    "blijft altijd bij de stad. Vragen van districten hierover beantwoordt de helpdesk binnengemeentelijke "
    "decentralisatie."
)

# (slug, name, team suffix, description, extra legal note)
DISTRICT_TOPICS: list[tuple[str, str, str, str, str]] = [
    (
        "burgerlijke-stand",
        "Burgerlijke stand",
        "burgerzaken",
        "Aangiften van geboorte en overlijden, huwelijk, wettelijke samenwoning, echtscheiding en uittreksels uit de "
        "akten van de burgerlijke stand.",
        " In Antwerpen treedt de districtsburgemeester op als ambtenaar van de burgerlijke stand.",
    ),
    (
        "lokale-straten-en-pleinen",
        "Lokale straten en pleinen",
        "publiek-domein",
        "Heraanleg en inrichting van districtswegen, pleinen en het lokale openbaar domein, terrassen.",
        "",
    ),
    (
        "lokale-parken-en-groen",
        "Lokale parken en groenvoorzieningen",
        "groen",
        "Aanleg en onderhoud van buurtparken, plantsoenen, bomen op districtswegen en speelpleinen.",
        "",
    ),
    (
        "lokale-feestelijkheden",
        "Lokale feestelijkheden",
        "evenementen",
        "Buurtfeesten, straatfeesten, districtsevenementen en de toelating om ze te organiseren.",
        "",
    ),
    (
        "lokale-markten-en-foren",
        "Lokale markten en foren",
        "evenementen",
        "Wekelijkse markten, rommelmarkten en kermissen op het grondgebied van het district.",
        "",
    ),
    ("cultuur", "Cultuur", "cultuur-jeugd-sport", "Cultureel aanbod, bibliotheekfilialen, districtszalen.", ""),
    (
        "jeugd",
        "Jeugd",
        "cultuur-jeugd-sport",
        "Jeugdwerk, speelstraten, speelpleinwerking en ondersteuning van jeugdverenigingen.",
        "",
    ),
    (
        "sport",
        "Sport",
        "cultuur-jeugd-sport",
        "Sportaanbod, sportinfrastructuur en sportverenigingen in het district.",
        "",
    ),
    (
        "senioren",
        "Senioren",
        "cultuur-jeugd-sport",
        "Activiteiten en ontmoeting voor senioren, seniorenadviesraad.",
        "",
    ),
    (
        "lokale-communicatie-en-promotie",
        "Lokale communicatie en promotie",
        "participatie",
        "Districtsmagazine, website en promotie van het district.",
        "",
    ),
    (
        "participatie",
        "Participatie",
        "participatie",
        "Inspraak van bewoners, adviesraden, wijkoverleg en bewonersbudgetten.",
        "",
    ),
    (
        "sociaal-culturele-verenigingen",
        "Sociaal-culturele verenigingen",
        "cultuur-jeugd-sport",
        "Erkenning en subsidies van sociaal-culturele verenigingen en hun werking in het district.",
        "",
    ),
]

# (slug, name, city team slug, description, legal note)
CITY_TOPICS: list[tuple[str, str, str, str, str]] = [
    (
        "mobiliteit",
        "Mobiliteit",
        "stad-mobiliteit",
        "Verkeer, parkeren, bewonerskaarten, fiets- en voetgangersbeleid.",
        CITY,
    ),
    (
        "afval-en-netheid",
        "Afval en netheid",
        "stad-netheid",
        "Afvalophaling, grofvuil, recyclageparken, sluikstort en straatvegen.",
        CITY,
    ),
    (
        "straatverlichting",
        "Straatverlichting",
        "stad-openbare-verlichting",
        "Openbare verlichting op straten en pleinen.",
        CITY,
    ),
    ("riolering", "Riolering", "stad-water", "Riolen, straatkolken en wateroverlast op het openbaar domein.", CITY),
    (
        "bevolkingsregister",
        "Bevolkingsregister",
        "stad-burgerzaken",
        "Inschrijving, adreswijziging, uittreksels uit het bevolkingsregister en het strafregister.",
        CITY,
    ),
    (
        "identiteitsdocumenten",
        "Identiteitsdocumenten",
        "stad-burgerzaken",
        "Identiteitskaarten, Kids-ID, reispassen en rijbewijzen.",
        CITY,
    ),
    (
        "ruimtelijke-ordening",
        "Ruimtelijke ordening",
        "stad-stedenbouw",
        "Omgevingsvergunningen, stedenbouwkundige voorschriften en ruimtelijke plannen.",
        CITY,
    ),
    (
        "inname-openbaar-domein",
        "Inname openbaar domein en signalisatie",
        "stad-mobiliteit",
        "Tijdelijke inname van de openbare weg (container, lift, werf) en de signalisatie die daarbij hoort.",
        CITY,
    ),
    (
        "ongedierte",
        "Ongediertebestrijding",
        "stad-ongedierte",
        "Ratten en ander ongedierte op het openbaar domein.",
        CITY,
    ),
    ("overlast", "Overlast", "stad-overlast", "Geluidsoverlast, zwerfvuil, hinder en GAS-vaststellingen.", CITY),
    ("haven", "Haven", "stad-contactcenter", "De haven van Antwerpen (via het havenbedrijf).", CITY),
    ("personeel", "Personeel", "stad-helpdesk", "Personeelsregeling van stad en districten.", NEVER),
    (
        "begroting-en-rekeningen",
        "Begroting en rekeningen",
        "stad-helpdesk",
        "Meerjarenplan, budget en jaarrekening.",
        NEVER,
    ),
    ("belastingen", "Belastingen", "stad-helpdesk", "Gemeentelijke belastingen en retributies.", NEVER),
    ("politie", "Politie", "stad-contactcenter", "Politiezone Antwerpen: veiligheid en handhaving.", NEVER),
]
