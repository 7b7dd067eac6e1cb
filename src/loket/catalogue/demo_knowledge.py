# ruff: noqa: E501  (long Dutch texts in data)
"""Demo articles for the knowledge base: what callers and districts ask most. Loaded by catalogue/demo.py.

Each article is found again by its title: a second run changes nothing, and an edited demo article
is set back as a new version (the history stays). Facts follow the demo catalogue (prices are
indicative demo values); references marked "demo" are illustrations, not the city's real regulations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from loket.catalogue.knowledge import article_publish, article_update
from loket.catalogue.models import Audience, Competence, KnowledgeArticle, Service, Topic
from loket.organisation.models import District, Team

PUBLIC = Audience.PUBLIC
INTERNAL = Audience.INTERNAL
DLB = "Decreet over het Lokaal Bestuur van 22 december 2017, bepalingen over de districten (binnengemeentelijke decentralisatie)"
DELEGATION = "Gemeenteraadsbesluit over de delegatie van bevoegdheden aan de districten (demoverwijzing)"
CIVIL = "Wet van 19 juli 1991 betreffende de bevolkingsregisters, de identiteitskaarten, de vreemdelingenkaarten en de verblijfsdocumenten"
REGISTERS = "Koninklijk besluit van 16 juli 1992 betreffende de bevolkingsregisters en het vreemdelingenregister"

# Keys: title, question, answer, audience, topic and service (slugs), district (the article is about that
# district's competence row), legal (references), owner (team slug; the contact centre by default), valid.
ARTICLES: list[dict[str, Any]] = [
    # --- identity documents -------------------------------------------------------------------------
    {
        "title": "Identiteitskaart kwijt of gestolen: wat eerst?",
        "question": "Een burger belt: zijn identiteitskaart is verloren of gestolen. Wat moet hij doen?",
        "answer": "Laat de kaart eerst blokkeren via DOC STOP (00800 2123 2123, dag en nacht). Bij diefstal doet de burger aangifte bij de politie en brengt hij het attest mee. Daarna maakt hij een afspraak aan het loket voor een nieuwe kaart: een recente pasfoto, betalen met de bankkaart. Na ongeveer drie weken komt de brief met PIN- en PUK-code; met die brief haalt hij de kaart af.",
        "audience": PUBLIC,
        "topic": "identiteitsdocumenten",
        "service": "identiteitskaart",
        "legal": [CIVIL],
    },
    {
        "title": "Wat kost een identiteitskaart en hoe snel is ze klaar?",
        "question": "Hoeveel betaal ik voor een nieuwe eID en hoe lang moet ik wachten?",
        "answer": "In de normale procedure betaalt u € 25 en is de kaart na ongeveer drie weken klaar. Hebt u ze dringend nodig, dan kan de spoedprocedure (vanaf € 120): de kaart is dan binnen enkele werkdagen klaar. U betaalt aan het loket met de bankkaart.",
        "audience": PUBLIC,
        "topic": "identiteitsdocumenten",
        "service": "identiteitskaart",
        "valid": ("2026-01-01", "2026-12-31"),
    },
    {
        "title": "PIN-code van de identiteitskaart vergeten",
        "question": "Een burger is de PIN-code van zijn eID vergeten of heeft de kaart geblokkeerd door drie keer een foute code.",
        "answer": "Met de PUK-code uit de brief kan het loket een nieuwe PIN-code instellen; de burger komt zelf langs met zijn kaart. Is de PUK-brief kwijt, dan vraagt het loket een nieuwe PUK-code aan bij het Rijksregister (ongeveer een week, betalend). Aan de telefoon kunnen we geen PIN-code opnieuw instellen.",
        "audience": INTERNAL,
        "topic": "identiteitsdocumenten",
        "service": "identiteitskaart",
        "owner": "stad-burgerzaken",
    },
    {
        "title": "Kids-ID: moet het kind mee naar het loket?",
        "question": "Moet mijn kind mee als ik een Kids-ID aanvraag?",
        "answer": "Ja. Het kind komt mee naar de afspraak, samen met een ouder. Breng een recente pasfoto van het kind en uw eigen identiteitskaart mee. De Kids-ID kost € 9 en is na ongeveer drie weken klaar.",
        "audience": PUBLIC,
        "topic": "identiteitsdocumenten",
        "service": "kids-id",
    },
    {
        "title": "Reispas met spoed voor een reis volgende week",
        "question": "Een beller vertrekt binnen een week buiten Europa en heeft nog geen reispas.",
        "answer": "Met de spoedprocedure is de reispas binnen 2 werkdagen klaar (duurder dan de normale € 75). Plan een afspraak aan het loket en vraag uitdrukkelijk de spoedprocedure. Controleer ook of het land een visum vraagt: dat regelt de burger zelf bij de ambassade.",
        "audience": INTERNAL,
        "topic": "identiteitsdocumenten",
        "service": "reispas",
        "legal": ["Consulair Wetboek van 21 december 2013"],
    },
    {
        "title": "Voorlopig rijbewijs: wat meebrengen?",
        "question": "Wat moet ik meebrengen om een voorlopig rijbewijs aan te vragen?",
        "answer": "Uw identiteitskaart, een recente pasfoto en het attest dat u geslaagd bent voor het theoretisch examen. Het rijbewijs in bankkaartmodel is na ongeveer een week klaar.",
        "audience": PUBLIC,
        "topic": "identiteitsdocumenten",
        "service": "rijbewijs",
        "legal": ["Koninklijk besluit van 23 maart 1998 betreffende het rijbewijs"],
    },
    # --- population register ----------------------------------------------------------------------
    {
        "title": "Verhuizen: binnen welke termijn uw adres doorgeven?",
        "question": "Ik ben verhuisd. Tegen wanneer moet ik mijn nieuw adres doorgeven?",
        "answer": "Binnen 8 werkdagen na uw verhuis. Dat kan online via het e-loket of telefonisch via het contactcenter. Binnen 3 tot 4 weken komt de wijkagent langs om te controleren of u er echt woont. Daarna maakt u een afspraak om de chip van uw identiteitskaart aan te passen.",
        "audience": PUBLIC,
        "topic": "bevolkingsregister",
        "service": "adreswijziging",
        "legal": [REGISTERS],
    },
    {
        "title": "Wijkagent is niet langsgekomen na een adreswijziging",
        "question": "Een burger meldde zijn verhuis vijf weken geleden, maar de wijkagent is nog niet geweest.",
        "answer": "Kijk in de werkbak of de adreswijziging geregistreerd is. De woonstcontrole doet de politie; de termijn is 3 tot 4 weken, soms langer in drukke periodes. Geef de burger het nummer van het wijkteam (via de politiezone) en noteer het contact. Een onderzoek blijft open tot de controle gebeurd is; de inschrijving geldt vanaf de dag van de aangifte.",
        "audience": INTERNAL,
        "topic": "bevolkingsregister",
        "service": "adreswijziging",
        "owner": "stad-burgerzaken",
        "legal": [REGISTERS],
    },
    {
        "title": "Bewijs van woonst meteen downloaden",
        "question": "Hoe krijg ik snel een bewijs van woonst of gezinssamenstelling?",
        "answer": "Via het e-loket downloadt u het meteen met uw eID of itsme. Zonder computer drukt u het af aan een zelfbedieningspunt. Het is gratis.",
        "audience": PUBLIC,
        "topic": "bevolkingsregister",
        "service": "bewijs-van-woonst",
    },
    {
        "title": "Bewijs van nationaliteit voor een buitenlandse instantie",
        "question": "Een burger heeft een bewijs van nationaliteit nodig voor een buitenlandse administratie. Kan het met een apostille?",
        "answer": "Het bewijs van nationaliteit downloadt de burger zelf via het e-loket of drukt het af aan een zelfbedieningspunt. Een apostille of legalisatie vraagt hij daarna aan bij de FOD Buitenlandse Zaken; dat doet de stad niet.",
        "audience": INTERNAL,
        "topic": "bevolkingsregister",
        "service": "bewijs-van-nationaliteit",
    },
    {
        "title": "Uittreksel uit het strafregister model 2 voor werken met kinderen",
        "question": "Welk uittreksel uit het strafregister heb ik nodig om als monitor met kinderen te werken?",
        "answer": "Voor werk met minderjarigen vraagt u een model 2 aan (artikel 596, tweede lid van het Wetboek van strafvordering). U vraagt het online aan via het e-loket of Just-on-web; het is binnen enkele werkdagen klaar en gratis.",
        "audience": PUBLIC,
        "topic": "bevolkingsregister",
        "service": "uittreksel-strafregister",
        "legal": ["Wetboek van strafvordering, artikelen 595 en 596"],
    },
    # --- civil status (district competence) --------------------------------------------------------
    {
        "title": "Geboorte aangeven: binnen 15 dagen",
        "question": "Tegen wanneer moet ik de geboorte van mijn kind aangeven, en waar?",
        "answer": "Binnen 15 kalenderdagen na de geboorte. Vaak kan dat al in het ziekenhuis. Anders gaat een ouder op afspraak naar de burgerlijke stand van het district waar het kind geboren is, met het geboorteattest van het ziekenhuis en de identiteitskaarten van de ouders.",
        "audience": PUBLIC,
        "topic": "burgerlijke-stand",
        "service": "aangifte-geboorte",
        "legal": ["Oud Burgerlijk Wetboek, artikel 55"],
    },
    {
        "title": "Trouwen: wanneer doet u aangifte van het huwelijk?",
        "question": "Wij willen trouwen. Wanneer moeten we naar het district?",
        "answer": "Doe de aangifte van het huwelijk ten vroegste zes maanden en ten laatste 14 dagen voor de trouwdatum, bij de burgerlijke stand van het district waar een van u beiden woont. Maak daarvoor een afspraak en breng de identiteitskaarten van beiden mee. Daarna legt u de datum en het uur van de plechtigheid vast.",
        "audience": PUBLIC,
        "topic": "burgerlijke-stand",
        "service": "huwelijk",
        "legal": ["Oud Burgerlijk Wetboek, artikelen 63 en 64"],
    },
    {
        "title": "Trouwen op zaterdag in het districtshuis",
        "question": "Een koppel vraagt of trouwen op zaterdag kan en wat het kost.",
        "answer": "Op weekdagen is een huwelijk gratis. Of trouwen op zaterdag kan en wat het kost, staat in het reglement van het district waar de plechtigheid plaatsvindt: verwijs naar de burgerlijke stand van dat district. De districtsburgemeester of een districtsschepen treedt op als ambtenaar van de burgerlijke stand.",
        "audience": INTERNAL,
        "topic": "burgerlijke-stand",
        "service": "huwelijk",
        "legal": [DELEGATION],
    },
    {
        "title": "Wettelijke samenwoning beëindigen",
        "question": "Kan ik de wettelijke samenwoning alleen stopzetten?",
        "answer": "Ja. Een beëindiging kan door één partner of door beiden samen, op afspraak bij de burgerlijke stand van het district. De andere partner krijgt bericht via een gerechtsdeurwaarder als u alleen komt. De verklaring kost € 20.",
        "audience": PUBLIC,
        "topic": "burgerlijke-stand",
        "service": "wettelijke-samenwoning",
        "legal": ["Oud Burgerlijk Wetboek, artikelen 1475 tot 1479"],
    },
    {
        "title": "Overlijden aangeven: wat doet de begrafenisondernemer?",
        "question": "Een familielid belt na een overlijden: moet de familie zelf naar het district?",
        "answer": "Meestal niet. De begrafenisondernemer doet de aangifte voor de familie en bezorgt het overlijdensattest van de arts aan de burgerlijke stand van het district; de akte is binnen een werkdag opgemaakt. Wie geen begrafenisondernemer heeft, maakt een afspraak bij de burgerlijke stand.",
        "audience": PUBLIC,
        "topic": "burgerlijke-stand",
        "service": "aangifte-overlijden",
    },
    {
        "title": "Uittreksel uit een akte van de burgerlijke stand: welk district?",
        "question": "Een beller woont in Deurne maar is in Berchem getrouwd. Waar vraagt hij het uittreksel uit de huwelijksakte?",
        "answer": "Online via het e-loket: sinds de databank akten burgerlijke stand (DABS) maakt het niet meer uit in welk district de akte is opgemaakt. Aan het loket kan hij het in elk districtshuis vragen.",
        "audience": INTERNAL,
        "topic": "burgerlijke-stand",
        "service": "uittreksel-huwelijksakte",
    },
    {
        "title": "Geboorteakte online aanvragen",
        "question": "Hoe vraag ik een uittreksel uit mijn geboorteakte aan?",
        "answer": "Online via het e-loket; u krijgt het meestal meteen digitaal, of per post. Het is gratis. Aan het loket in een districtshuis kan het ook, met uw identiteitskaart.",
        "audience": PUBLIC,
        "topic": "burgerlijke-stand",
        "service": "uittreksel-geboorteakte",
    },
    # --- city services ------------------------------------------------------------------------------
    {
        "title": "Bewonerskaart voor een tweede wagen",
        "question": "Kan ik een tweede bewonerskaart krijgen voor de auto van mijn partner?",
        "answer": "Per gezin zijn er een beperkt aantal bewonerskaarten. Een tweede kaart kan, maar is duurder dan de eerste (€ 30 per jaar). De kaart is digitaal gekoppeld aan de nummerplaat; u vraagt ze online aan of via het contactcenter.",
        "audience": PUBLIC,
        "topic": "mobiliteit",
        "service": "bewonerskaart",
    },
    {
        "title": "Bewonerskaart met een bedrijfswagen",
        "question": "Een beller rijdt met een wagen van zijn werkgever. Krijgt hij een bewonerskaart?",
        "answer": "Ja, met een attest van de werkgever dat hij de wagen ook privé gebruikt, samen met het inschrijvingsbewijs. Registreer de aanvraag telefonisch namens de burger; de kaart is meteen actief.",
        "audience": INTERNAL,
        "topic": "mobiliteit",
        "service": "bewonerskaart",
        "owner": "stad-mobiliteit",
    },
    {
        "title": "Grofvuil: wat wordt opgehaald en wat niet?",
        "question": "Wat mag ik buitenzetten voor de grofvuilophaling?",
        "answer": "Grote stukken huisraad die niet in de huisvuilzak passen: meubels, matrassen, tapijt. Geen bouwpuin, asbest, elektrische toestellen of gevaarlijk afval: die brengt u naar het recyclagepark. Zet het grofvuil de ochtend van de ophaling buiten, tot 3 m³ voor € 30.",
        "audience": PUBLIC,
        "topic": "afval-en-netheid",
        "service": "grofvuil",
    },
    {
        "title": "Grofvuil niet opgehaald op de afgesproken dag",
        "question": "Een burger meldt dat het grofvuil niet is opgehaald.",
        "answer": "Kijk of de afspraak bestaat en voor welke dag. Was de ophaling gepland, maak dan een interne taak voor Stad: Netheid met de afspraak en het adres, en zeg de burger dat hij het grofvuil binnen mag halen tot een nieuwe datum is bevestigd. Niet opnieuw laten betalen.",
        "audience": INTERNAL,
        "topic": "afval-en-netheid",
        "service": "grofvuil",
        "owner": "stad-netheid",
    },
    {
        "title": "Container op straat voor een verbouwing",
        "question": "Ik wil een container voor mijn deur zetten tijdens een verbouwing. Wat moet ik doen?",
        "answer": "U hebt een signalisatievergunning nodig. Vraag ze online aan, minstens 10 werkdagen op voorhand, met een plan van de plaats en de afmetingen. U plaatst zelf de parkeerverbodsborden of laat dat doen door een signalisatiefirma. U betaalt € 50 administratieve kost en een retributie per dag en per m².",
        "audience": PUBLIC,
        "topic": "inname-openbaar-domein",
        "service": "signalisatievergunning",
    },
    {
        "title": "Verhuislift: parkeerplaatsen voorbehouden",
        "question": "Een beller verhuist over drie dagen en wil nog parkeerplaatsen laten voorbehouden voor de verhuislift.",
        "answer": "De signalisatievergunning moet minstens 10 werkdagen op voorhand aangevraagd worden: drie dagen is te laat voor een gewone aanvraag. Verwijs naar een signalisatiefirma (die soms sneller kan via een noodprocedure) en zeg duidelijk dat zonder vergunning geen borden geplaatst mogen worden.",
        "audience": INTERNAL,
        "topic": "inname-openbaar-domein",
        "service": "signalisatievergunning",
        "owner": "stad-mobiliteit",
    },
    # --- district services ------------------------------------------------------------------------------
    {
        "title": "Straatfeest organiseren: wie geeft de toelating?",
        "question": "Wij willen een straatfeest houden. Bij wie vragen we toelating?",
        "answer": "Lokale feestelijkheden zijn een bevoegdheid van het district. Vraag de toelating minstens 8 weken op voorhand aan bij het district waar het feest plaatsvindt, online of via het contactcenter. Het district kan tafels en nadarhekken uitlenen. Voor een buurtfeest betaalt u niets.",
        "audience": PUBLIC,
        "topic": "lokale-feestelijkheden",
        "service": "evenementenvergunning",
        "legal": [DLB, DELEGATION],
    },
    {
        "title": "Straatfeest met muziek: geluid en sluitingsuur",
        "question": "Mag er muziek zijn op ons buurtfeest en tot hoe laat?",
        "answer": "Vermeld de muziek in uw aanvraag. Het district legt in de toelating het sluitingsuur en het toegelaten geluidsniveau vast, volgens het politiereglement. Wie zich niet aan de toelating houdt, riskeert een GAS-boete.",
        "audience": PUBLIC,
        "topic": "lokale-feestelijkheden",
        "service": "evenementenvergunning",
        "legal": [
            "Wet van 24 juni 2013 betreffende de gemeentelijke administratieve sancties",
            "Politiereglement van de stad Antwerpen (demoverwijzing)",
        ],
    },
    {
        "title": "Buurtfeest in Deurne: materiaal uitlenen",
        "question": "Welk materiaal leent district Deurne uit voor een buurtfeest en hoe haal ik het af?",
        "answer": "District Deurne leent tafels, banken en nadarhekken uit aan bewoners met een toelating voor een buurtfeest. Vraag het materiaal samen met de toelating aan; het team Evenementen van Deurne spreekt een afhaalmoment af aan het districtshuis.",
        "audience": PUBLIC,
        "topic": "lokale-feestelijkheden",
        "service": "evenementenvergunning",
        "district": "deurne",
    },
    {
        "title": "Speelstraat: hoeveel buren moeten akkoord gaan?",
        "question": "Wat is nodig om van onze straat een speelstraat te maken?",
        "answer": "Een meerderheid van de bewoners moet akkoord gaan (een lijst met handtekeningen) en er zijn minstens twee meters of peters die de hekken plaatsen en weghalen. Vraag de speelstraat minstens 6 weken voor de vakantie aan bij het district. Het is gratis.",
        "audience": PUBLIC,
        "topic": "jeugd",
        "service": "speelstraat",
    },
    {
        "title": "Speelstraten zomer 2026: aanvragen tot 15 mei",
        "question": "Tot wanneer kunnen bewoners een speelstraat voor de zomervakantie 2026 aanvragen?",
        "answer": "Aanvragen voor de zomervakantie 2026 kunnen tot en met 15 mei 2026.",
        "audience": PUBLIC,
        "topic": "jeugd",
        "service": "speelstraat",
        "valid": ("2026-03-01", "2026-05-15"),
    },
    {
        "title": "Zaal huren: korting voor erkende verenigingen",
        "question": "Krijgt onze vereniging korting als we een zaal van het district huren?",
        "answer": "Erkende verenigingen betalen een verminderd tarief volgens het tarievenreglement van het district. U reserveert online en krijgt binnen 5 werkdagen een bevestiging.",
        "audience": PUBLIC,
        "topic": "cultuur",
        "service": "zaalverhuur",
    },
    {
        "title": "Subsidie voor een vereniging: wie beslist?",
        "question": "Een vereniging vraagt wie over haar projectsubsidie beslist en hoe lang dat duurt.",
        "answer": "Het districtscollege van het district waar de vereniging actief is, beslist binnen ongeveer 2 maanden. Erkenning door het district is vaak een voorwaarde. De aanvraag gebeurt online met de statuten, een begroting van het project en het rekeningnummer.",
        "audience": PUBLIC,
        "topic": "sociaal-culturele-verenigingen",
        "service": "subsidie-vereniging",
        "legal": [DELEGATION],
    },
    {
        "title": "Terras op het trottoir: wat kijkt het district na?",
        "question": "Wat moet ik weten voor ik een terrasvergunning aanvraag?",
        "answer": "Het district kijkt of er genoeg vrije doorgang blijft voor voetgangers (ook met een kinderwagen of rolstoel) en of het terras past in het terrasreglement. Voeg een plan met afmetingen en foto's van het meubilair toe. Reken op ongeveer 6 weken.",
        "audience": PUBLIC,
        "topic": "lokale-straten-en-pleinen",
        "service": "terrasvergunning",
    },
    # --- district competences and procedures (helpdesk) --------------------------------------------------
    {
        "title": "Wie is bevoegd voor een boom op een districtsweg?",
        "question": "Een bewoner vraagt om een boom in zijn straat te snoeien. District of stad?",
        "answer": "Bomen op districtswegen en in buurtparken zijn een districtsbevoegdheid (lokale parken en groenvoorzieningen): het team Groen van het district handelt ze af. Bomen langs gewestwegen en grote stedelijke parken zijn niet voor het district. Bij twijfel: het bevoegdhedenregister per thema en adres.",
        "audience": INTERNAL,
        "topic": "lokale-parken-en-groen",
        "legal": [DLB, DELEGATION],
        "owner": "stad-helpdesk",
    },
    {
        "title": "Mag een district een eigen belasting heffen?",
        "question": "Een districtsraadslid vraagt of het district een belasting op terrassen mag invoeren.",
        "answer": "Nee. Belastingen, personeel, begroting en rekeningen en politie worden nooit aan de districten gedelegeerd. Het district kan wel retributies voorstellen binnen een tarievenreglement voor zijn eigen bevoegdheden; de gemeenteraad stelt belastingen vast. Leg de vraag eventueel voor op het overleg tussen stad en districten.",
        "audience": INTERNAL,
        "topic": "belastingen",
        "legal": [DLB],
        "owner": "stad-helpdesk",
    },
    {
        "title": "Hoe komt een punt op de agenda van de districtsraad?",
        "question": "Een districtsraadslid wil een punt op de agenda van de volgende districtsraad. Hoe en tegen wanneer?",
        "answer": "Een raadslid kan punten aan de agenda laten toevoegen door ze uiterlijk vijf dagen voor de vergadering aan de voorzitter van de districtsraad te bezorgen, met een toelichting en een voorstel van beslissing (dezelfde regels als voor de gemeenteraad). De bestuurscoördinator helpt bij de vorm; het huishoudelijk reglement van de districtsraad kan strengere termijnen bevatten.",
        "audience": INTERNAL,
        "topic": None,
        "legal": [DLB, "Huishoudelijk reglement van de districtsraad (demoverwijzing)"],
        "owner": "stad-helpdesk",
    },
    {
        "title": "Vergaderingen van de districtsraad zijn openbaar",
        "question": "Mag ik als bewoner naar de districtsraad gaan kijken of er een vraag stellen?",
        "answer": "Ja. De vergaderingen van de districtsraad zijn openbaar, behalve voor punten over personen. De agenda staat vooraf op de website van het district. Veel districten geven bewoners ook spreekrecht over een punt op de agenda of laten hen vooraf een vraag indienen: vraag het na bij uw district.",
        "audience": PUBLIC,
        "topic": "participatie",
        "legal": [DLB],
    },
    {
        "title": "Wijkbudget: bewoners beslissen mee",
        "question": "Hoe kan onze buurt een idee laten betalen uit het bewonersbudget van het district?",
        "answer": "Districten die met een bewonersbudget werken, roepen een of twee keer per jaar op om ideeën in te dienen. Bewoners stemmen daarna mee over welke projecten geld krijgen. Volg de oproepen op de website en in het districtsmagazine.",
        "audience": PUBLIC,
        "topic": "participatie",
    },
    {
        "title": "Wie beslist over een nieuwe wekelijkse markt?",
        "question": "Een district wil een wekelijkse markt op een plein starten. Wie beslist en wat moet de stad nog doen?",
        "answer": "Lokale markten en foren zijn gedelegeerd aan de districten: het districtscollege beslist over de markt en de standplaatsen. Raakt de markt aan mobiliteit (een omleiding, een bushalte), dan adviseert de stad (Stad: Mobiliteit) en is een signalisatievergunning nodig.",
        "audience": INTERNAL,
        "topic": "lokale-markten-en-foren",
        "legal": [DLB, DELEGATION],
        "owner": "stad-helpdesk",
    },
    {
        "title": "Rommelmarkt in Borgerhout: wanneer aanvragen?",
        "question": "Wij willen een rommelmarkt houden in onze straat in Borgerhout. Wanneer moeten we dat aanvragen?",
        "answer": "Vraag de toelating minstens 8 weken op voorhand aan bij district Borgerhout, zoals voor een straatfeest. Het team Evenementen van Borgerhout bekijkt de plaats, de uren en of de straat afgesloten moet worden.",
        "audience": PUBLIC,
        "topic": "lokale-markten-en-foren",
        "district": "borgerhout",
    },
    {
        "title": "Advies van de districtsraad over een stedelijk project",
        "question": "Een district vraagt of het verplicht advies moet geven over een stedelijk bouwproject op zijn grondgebied.",
        "answer": "Ruimtelijke ordening is een stedelijke bevoegdheid. De districtsraad kan advies geven over stedelijke materies die het district aanbelangen, op eigen initiatief of op vraag van de stad; dat advies bindt de stad niet. Een formeel advies verloopt via de briefwisseling tussen district en stad, zodat termijn en antwoord opgevolgd worden.",
        "audience": INTERNAL,
        "topic": "ruimtelijke-ordening",
        "legal": [DLB],
        "owner": "stad-helpdesk",
    },
    {
        "title": "Ratten in het buurtpark: district of stad?",
        "question": "Een bewoner ziet ratten in een buurtpark. Wie komt tussen?",
        "answer": "Ongediertebestrijding op het openbaar domein blijft een stedelijke bevoegdheid, ook in een buurtpark dat het district onderhoudt. Registreer een melding voor Stad: Ongediertebestrijding; het district kan wel het park netter maken (vuilbakken, voederplaatsen).",
        "audience": PUBLIC,
        "topic": "ongedierte",
    },
]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _values(data: dict[str, Any]) -> dict[str, Any]:
    valid_from, valid_until = data.get("valid", (None, None))
    topic = Topic.objects.get(slug=data["topic"]) if data.get("topic") else None
    competence = None
    if data.get("district"):
        competence = Competence.objects.get(topic=topic, district=District.objects.get(slug=data["district"]))
    return {
        "title": data["title"],
        "question": data["question"],
        "answer": data["answer"],
        "audience": data["audience"],
        "topic": topic,
        "competence": competence,
        "service": Service.objects.get(slug=data["service"]) if data.get("service") else None,
        "legal_references": "\n".join(data.get("legal", [])),
        "valid_from": _date(valid_from),
        "valid_until": _date(valid_until),
        "owner_team": Team.objects.get(slug=data.get("owner", "stad-contactcenter")),
    }


def load(*, log: Callable[[str], None]) -> None:
    created = updated = 0
    for data in ARTICLES:
        values = _values(data)
        article = KnowledgeArticle.objects.filter(title=values["title"]).order_by("id").first()
        if article is None:
            article_publish(actor=None, **values)
            created += 1
            continue
        before = article.version
        values["published"] = True
        article = article_update(article=article, actor=None, change_note="Demogegevens opnieuw geladen.", **values)
        updated += article.version != before
    log(f"{len(ARTICLES)} kennisartikels ({created} nieuw, {updated} teruggezet)")
