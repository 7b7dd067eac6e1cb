# ruff: noqa: E501  (long Dutch texts in data)
"""The service catalogue of the demo: what a citizen can ask the city or a district.

Prices are indicative demo values. ``where`` says which locations offer the service:
``counters`` (the city counters), ``counters+self`` (also the self-service points) or
``district_houses`` (each district's own district house).
"""

from __future__ import annotations

from typing import Any

COUNTERS = "counters"
COUNTERS_SELF = "counters+self"
DISTRICT_HOUSES = "district_houses"

SERVICES: list[dict[str, Any]] = [
    {
        "slug": "identiteitskaart",
        "name": "Identiteitskaart (eID)",
        "summary": "Een nieuwe elektronische identiteitskaart aanvragen, ook als uw kaart verloren, gestolen of "
        "vervallen is.",
        "description": "Vanaf 12 jaar hebt u een elektronische identiteitskaart (eID). U vraagt ze aan aan het loket, "
        "altijd op afspraak: we nemen uw vingerafdrukken en u betaalt met de bankkaart. Na ongeveer drie weken krijgt "
        "u een brief met uw PIN- en PUK-code; daarmee haalt u uw kaart op bij een tweede bezoek. Is uw kaart verloren "
        "of gestolen? Laat ze dan eerst blokkeren via DOC STOP (00800 2123 2123) en doe bij diefstal aangifte bij de "
        "politie. Wie om medische redenen niet naar het loket kan, vraagt een huisbezoek aan.",
        "topic": "identiteitsdocumenten",
        "counter": "appointment",
        "fee": "€ 25 (normale procedure); spoedprocedure vanaf € 120",
        "documents": "Een recente pasfoto volgens de ICAO-normen\nUw oude identiteitskaart (als u die nog hebt)\n"
        "Bij verlies of diefstal: het attest van de politie\nDe brief met uw PIN- en PUK-code bij het afhalen",
        "lead_time": "ongeveer 3 weken",
        "appointment_minutes": 20,
        "synonyms": "eID\nidentiteitskaart\nID-kaart\nidentiteitskaart kwijt\nverloren\ngestolen\nnieuwe kaart\n"
        "vervallen identiteitskaart\nkaart verlopen\npincode\npuk-code\nelektronische identiteitskaart",
        "handling_days": 15,
        "where": COUNTERS,
        "popular": True,
        "home_visit": True,
    },
    {
        "slug": "kids-id",
        "name": "Kids-ID",
        "summary": "Een elektronische identiteitskaart voor kinderen jonger dan 12 jaar, nodig op reis.",
        "description": "De Kids-ID is het identiteitsbewijs voor kinderen onder de 12 jaar en geldt als reisdocument "
        "in de meeste Europese landen. Een ouder vraagt ze op afspraak aan aan het loket, samen met het kind. U betaalt "
        "met de bankkaart. Na ongeveer drie weken ontvangt u de PIN- en PUK-code en haalt u de Kids-ID op.",
        "topic": "identiteitsdocumenten",
        "counter": "appointment",
        "fee": "€ 9; spoedprocedure vanaf € 110",
        "documents": "Een recente pasfoto van het kind\nDe identiteitskaart van de ouder\nHet kind komt mee",
        "lead_time": "ongeveer 3 weken",
        "appointment_minutes": 15,
        "on_behalf_allowed": True,
        "synonyms": "kids id\nkidsid\nkinder-ID\nidentiteitskaart kind\nkaart voor mijn kind\nreizen met kinderen\n"
        "kind op reis",
        "handling_days": 15,
        "where": COUNTERS,
        "popular": True,
    },
    {
        "slug": "reispas",
        "name": "Reispas",
        "summary": "Een paspoort aanvragen om te reizen buiten Europa.",
        "description": "Voor reizen buiten de Europese Unie hebt u vaak een reispas nodig. U vraagt hem op afspraak "
        "aan aan het loket; we nemen uw vingerafdrukken en een foto. Een reispas voor volwassenen is 7 jaar geldig, voor "
        "minderjarigen 5 jaar. Tegen betaling kan de reispas ook aan huis geleverd worden.",
        "topic": "identiteitsdocumenten",
        "counter": "appointment",
        "fee": "€ 75 (volwassene, normale procedure); € 41 (minderjarige)",
        "documents": "Uw identiteitskaart\nEen recente pasfoto volgens de ICAO-normen\nUw oude reispas",
        "lead_time": "ongeveer 1 week; spoedprocedure binnen 2 werkdagen",
        "appointment_minutes": 20,
        "synonyms": "paspoort\npaspoort aanvragen\npas\nreisdocument\nreizen\nvisum\npaspoort verlopen\npaspoort kwijt",
        "handling_days": 7,
        "where": COUNTERS,
        "popular": True,
        "home_visit": True,
    },
    {
        "slug": "rijbewijs",
        "name": "Rijbewijs",
        "summary": "Uw bankkaartmodel-rijbewijs, voorlopig rijbewijs of internationaal rijbewijs aanvragen.",
        "description": "Na uw geslaagd praktisch examen, bij verlies of diefstal, of om uw oud papieren rijbewijs om te "
        "ruilen, vraagt u aan het loket een rijbewijs in bankkaartmodel aan. Voor een voorlopig rijbewijs brengt u het "
        "attest van het theoretisch examen mee. Tegen betaling kan het rijbewijs aan huis geleverd worden.",
        "topic": "identiteitsdocumenten",
        "counter": "appointment",
        "fee": "€ 30 (bankkaartmodel); € 25 (internationaal rijbewijs)",
        "documents": "Uw identiteitskaart\nEen recente pasfoto\nHet examenattest of uw oude rijbewijs",
        "lead_time": "ongeveer 1 week",
        "appointment_minutes": 15,
        "synonyms": "rijbewijs\nrijbewijs kwijt\nvoorlopig rijbewijs\ninternationaal rijbewijs\nleervergunning\nauto rijden\n"
        "rijbewijs verlopen\nrijexamen geslaagd",
        "handling_days": 5,
        "where": COUNTERS,
    },
    {
        "slug": "adreswijziging",
        "name": "Adreswijziging (verhuizen)",
        "summary": "Uw nieuw adres doorgeven als u verhuist binnen Antwerpen of naar Antwerpen komt wonen.",
        "description": "Verhuist u? Geef uw nieuw adres door binnen 8 werkdagen nadat u bent verhuisd; dat kan online "
        "via het e-loket of telefonisch. Binnen 3 tot 4 weken komt de wijkagent langs om te controleren of u echt op "
        "het nieuwe adres woont. Daarna maakt u een afspraak om de chip van uw identiteitskaart aan te passen.",
        "topic": "bevolkingsregister",
        "online": True,
        "by_phone": True,
        "counter": "appointment",
        "fee": "gratis",
        "documents": "De identiteitskaarten van alle verhuizende gezinsleden\nUw huurcontract of eigendomsakte (handig)",
        "lead_time": "politiecontrole binnen 3 tot 4 weken",
        "appointment_minutes": 10,
        "on_behalf_allowed": True,
        "synonyms": "verhuizen\nverhuis\nverhuizing\nadreswijziging\nnieuw adres\nadres wijzigen\ndomicilie\n"
        "inschrijven\nwijkagent\nnieuwe woning",
        "handling_days": 20,
        "where": COUNTERS,
        "popular": True,
    },
    {
        "slug": "bewonerskaart",
        "name": "Bewonerskaart (parkeren)",
        "summary": "Als bewoner parkeren in de betalende zone van uw straat.",
        "description": "Met een bewonerskaart parkeert u in de betalende parkeerzone waar u woont zonder te betalen "
        "aan de parkeerautomaat. De kaart is digitaal gekoppeld aan uw nummerplaat; u vraagt ze online aan of via het "
        "contactcenter. Per gezin zijn er een beperkt aantal bewonerskaarten.",
        "topic": "mobiliteit",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "€ 30 per jaar voor de eerste kaart; duurder voor een tweede kaart",
        "documents": "Het inschrijvingsbewijs van uw voertuig\nBij een bedrijfswagen: een attest van de werkgever",
        "lead_time": "onmiddellijk (digitale kaart)",
        "appointment_minutes": 10,
        "on_behalf_allowed": True,
        "synonyms": "parkeerkaart\nparkeervergunning\nbewonersvergunning\nparkeren in mijn straat\nblauwe zone\n"
        "parkeerzone\nnummerplaat",
        "handling_days": 2,
        "where": COUNTERS,
        "popular": True,
    },
    {
        "slug": "uittreksel-geboorteakte",
        "name": "Uittreksel uit de geboorteakte",
        "summary": "Een afschrift of uittreksel van uw geboorteakte.",
        "description": "Een uittreksel uit de geboorteakte vraagt u online aan; u krijgt het digitaal of per post. "
        "Sinds de databank akten burgerlijke stand (DABS) is het document meestal meteen beschikbaar.",
        "topic": "burgerlijke-stand",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "gratis",
        "documents": "Uw identiteitskaart (aan het loket)",
        "lead_time": "meestal onmiddellijk",
        "appointment_minutes": 10,
        "on_behalf_allowed": True,
        "synonyms": "geboorteakte\nafschrift geboorteakte\nbewijs van geboorte\nuittreksel geboorte",
        "handling_days": 3,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "uittreksel-huwelijksakte",
        "name": "Uittreksel uit de huwelijksakte",
        "summary": "Een afschrift of uittreksel van uw huwelijksakte.",
        "description": "Een uittreksel uit de huwelijksakte vraagt u online aan, of aan het loket van het district "
        "waar u getrouwd bent.",
        "topic": "burgerlijke-stand",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "gratis",
        "documents": "Uw identiteitskaart (aan het loket)",
        "lead_time": "meestal onmiddellijk",
        "appointment_minutes": 10,
        "on_behalf_allowed": True,
        "synonyms": "huwelijksakte\nbewijs van huwelijk\ntrouwakte\nuittreksel huwelijk",
        "handling_days": 3,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "bewijs-van-woonst",
        "name": "Bewijs van woonst (uittreksel uit het bevolkingsregister)",
        "summary": "Een attest dat bewijst waar u woont, eventueel met de samenstelling van uw gezin.",
        "description": "Een bewijs van woonst of van gezinssamenstelling downloadt u meteen via het e-loket met uw "
        "eID of itsme. Aan een zelfbedieningspunt kunt u het ook afdrukken.",
        "topic": "bevolkingsregister",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "gratis",
        "documents": "Uw identiteitskaart",
        "lead_time": "onmiddellijk",
        "appointment_minutes": 5,
        "on_behalf_allowed": True,
        "synonyms": "woonst\nattest van woonst\nbewijs van adres\ngezinssamenstelling\nuittreksel bevolkingsregister\n"
        "domicilieattest",
        "handling_days": 1,
        "where": COUNTERS_SELF,
        "popular": True,
    },
    {
        "slug": "bewijs-van-nationaliteit",
        "name": "Bewijs van nationaliteit",
        "summary": "Een attest dat uw nationaliteit bewijst.",
        "description": "Het bewijs van nationaliteit downloadt u via het e-loket of drukt u af aan een "
        "zelfbedieningspunt.",
        "topic": "bevolkingsregister",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "gratis",
        "documents": "Uw identiteitskaart",
        "lead_time": "onmiddellijk",
        "appointment_minutes": 5,
        "on_behalf_allowed": True,
        "synonyms": "nationaliteit\nattest nationaliteit\nBelg\nBelgische nationaliteit bewijzen",
        "handling_days": 1,
        "where": COUNTERS_SELF,
    },
    {
        "slug": "aangifte-geboorte",
        "name": "Aangifte van een geboorte",
        "summary": "De geboorte van uw kind aangeven bij de burgerlijke stand.",
        "description": "De geboorte van uw kind geeft u aan binnen 15 kalenderdagen. Vaak kan dat al in het "
        "ziekenhuis; anders gaat een ouder op afspraak naar de burgerlijke stand van het district. De geboorteakte "
        "wordt meteen opgemaakt.",
        "topic": "burgerlijke-stand",
        "counter": "appointment",
        "fee": "gratis",
        "documents": "Het geboorteattest van het ziekenhuis\nDe identiteitskaarten van de ouders\nEventueel de "
        "erkenningsakte",
        "lead_time": "de akte wordt meteen opgemaakt",
        "appointment_minutes": 30,
        "synonyms": "geboorte\nbaby\nkind geboren\npasgeboren\ngeboorte aangeven\nnaam kind",
        "handling_days": 1,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "huwelijk",
        "name": "Huwelijk",
        "summary": "Uw huwelijk aangeven en een datum voor de trouwplechtigheid vastleggen.",
        "description": "Wie wil trouwen, doet eerst aangifte van het huwelijk bij de burgerlijke stand van het "
        "district waar een van beiden woont, ten vroegste zes maanden en ten laatste 14 dagen voor de trouwdatum. "
        "Daarna legt u de datum en het uur van de plechtigheid in het districtshuis vast.",
        "topic": "burgerlijke-stand",
        "counter": "appointment",
        "fee": "gratis op weekdagen; zaterdag volgens het districtsreglement",
        "documents": "De identiteitskaarten van beide partners\nDe gegevens van de getuigen (niet verplicht)",
        "lead_time": "aangifte tussen 6 maanden en 14 dagen voor het huwelijk",
        "appointment_minutes": 45,
        "synonyms": "trouwen\ntrouw\nhuwen\nhuwelijksaangifte\ngetuigen\ntrouwzaal\nburgerlijk huwelijk",
        "handling_days": 14,
        "where": DISTRICT_HOUSES,
        "popular": True,
    },
    {
        "slug": "wettelijke-samenwoning",
        "name": "Wettelijke samenwoning",
        "summary": "Een verklaring van wettelijke samenwoning afleggen of beëindigen.",
        "description": "Twee personen die samenwonen, leggen samen op afspraak een verklaring van wettelijke "
        "samenwoning af bij de burgerlijke stand van het district. Een beëindiging kan ook door één partner.",
        "topic": "burgerlijke-stand",
        "counter": "appointment",
        "fee": "€ 20",
        "documents": "De identiteitskaarten van beide partners\nEventueel een samenlevingscontract van de notaris",
        "lead_time": "de verklaring wordt meteen geregistreerd",
        "appointment_minutes": 30,
        "synonyms": "samenwonen\nwettelijk samenwonen\nsamenlevingscontract\npartner\ncohabitatie",
        "handling_days": 1,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "aangifte-overlijden",
        "name": "Aangifte van een overlijden",
        "summary": "Een overlijden aangeven bij de burgerlijke stand.",
        "description": "Meestal doet de begrafenisondernemer de aangifte van het overlijden voor de familie. Hij bezorgt "
        "het attest van de arts aan de burgerlijke stand van het district, die de overlijdensakte opmaakt.",
        "topic": "burgerlijke-stand",
        "by_phone": True,
        "counter": "appointment",
        "fee": "gratis",
        "documents": "Het overlijdensattest van de arts\nDe identiteitskaart van de overledene",
        "lead_time": "de akte wordt binnen 1 werkdag opgemaakt",
        "appointment_minutes": 30,
        "on_behalf_allowed": True,
        "synonyms": "overlijden\noverleden\nsterfgeval\nbegrafenis\ncrematie\noverlijdensakte\nrouw",
        "handling_days": 1,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "uittreksel-strafregister",
        "name": "Uittreksel uit het strafregister",
        "summary": "Het vroegere bewijs van goed gedrag en zeden, bijvoorbeeld voor een nieuwe job.",
        "description": "Een uittreksel uit het strafregister (vroeger 'bewijs van goed gedrag en zeden') downloadt u "
        "via het e-loket of Just-on-web. Voor werk met minderjarigen is een model 2 nodig.",
        "topic": "bevolkingsregister",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "gratis",
        "documents": "Uw identiteitskaart",
        "lead_time": "meestal onmiddellijk; model 2 binnen enkele werkdagen",
        "appointment_minutes": 10,
        "on_behalf_allowed": True,
        "synonyms": "strafregister\nbewijs van goed gedrag\ngoed gedrag en zeden\nmodel 2\nsollicitatie\njob",
        "handling_days": 5,
        "where": COUNTERS_SELF,
    },
    {
        "slug": "grofvuil",
        "name": "Grofvuil laten ophalen",
        "summary": "Een afspraak maken om grof huisvuil aan huis te laten ophalen.",
        "description": "Grote stukken huisraad die niet in de huisvuilzak passen, zoals meubels en matrassen, laat u "
        "op afspraak aan huis ophalen. U maakt de afspraak online of via het contactcenter en zet het grofvuil de "
        "ochtend van de ophaling buiten. U kunt het ook zelf naar het recyclagepark brengen.",
        "topic": "afval-en-netheid",
        "online": True,
        "by_phone": True,
        "fee": "€ 30 per ophaling (tot 3 m³)",
        "lead_time": "ophaling binnen 2 tot 3 weken",
        "on_behalf_allowed": True,
        "synonyms": "grof huisvuil\nmeubels\nmatras\nzetel\nkast weg\nophaling\nafval ophalen\nrecyclagepark\n"
        "oude meubelen",
        "handling_days": 15,
        "where": "",
        "popular": True,
    },
    {
        "slug": "signalisatievergunning",
        "name": "Signalisatievergunning (inname openbaar domein)",
        "summary": "Toelating om de openbare weg tijdelijk in te nemen, bijvoorbeeld voor een container of verhuislift.",
        "description": "Plaatst u een container, stelling, werfkeet of verhuislift op straat, of wilt u parkeerplaatsen "
        "voorbehouden voor een verbouwing of verhuis? Dan hebt u een signalisatievergunning nodig. Vraag ze online aan, "
        "minstens 10 werkdagen op voorhand. U plaatst zelf de borden of laat dat doen door een signalisatiefirma.",
        "topic": "inname-openbaar-domein",
        "online": True,
        "fee": "€ 50 administratieve kost, plus een retributie per dag en per m²",
        "documents": "Een plan met de plaats en de afmetingen van de inname",
        "lead_time": "minstens 10 werkdagen",
        "on_behalf_allowed": True,
        "synonyms": "container\nafvalcontainer\nverbouwing\nverbouwen\nwerf\nstelling\nverhuislift\nstraat innemen\n"
        "parkeerverbod\nborden\nsignalisatie\ninname openbaar domein",
        "handling_days": 10,
        "where": "",
    },
    {
        "slug": "evenementenvergunning",
        "name": "Straatfeest of evenement organiseren",
        "summary": "Toelating vragen voor een straatfeest, buurtfeest of evenement op het openbaar domein.",
        "description": "Organiseert u een buurtfeest, straatfeest, barbecue of ander evenement op straat of op een "
        "plein? Vraag dan minstens 8 weken op voorhand een toelating aan bij het district. Het district kan ook "
        "materiaal uitlenen (tafels, nadarhekken) en een kleine ondersteuning geven.",
        "topic": "lokale-feestelijkheden",
        "online": True,
        "by_phone": True,
        "fee": "gratis voor buurtfeesten",
        "documents": "Een korte beschrijving en een plan van het feest",
        "lead_time": "minstens 8 weken op voorhand aanvragen",
        "on_behalf_allowed": True,
        "synonyms": "straatfeest\nbuurtfeest\nevenement\nfeest op straat\nbarbecue\nfuif\nmuziek op straat\n"
        "nadarhekken",
        "handling_days": 30,
        "where": "",
    },
    {
        "slug": "speelstraat",
        "name": "Speelstraat aanvragen",
        "summary": "Uw straat tijdens de schoolvakanties afsluiten voor verkeer zodat kinderen veilig kunnen spelen.",
        "description": "Een speelstraat is een straat die in de zomer- of paasvakantie enkele uren per dag afgesloten "
        "wordt voor doorgaand verkeer. Bewoners vragen ze samen aan bij het district; een meerderheid van de buren "
        "moet akkoord gaan en er zijn twee meters of peters die de hekken plaatsen.",
        "topic": "jeugd",
        "online": True,
        "by_phone": True,
        "fee": "gratis",
        "documents": "Een lijst met handtekeningen van de buren",
        "lead_time": "aanvragen minstens 6 weken voor de vakantie",
        "on_behalf_allowed": True,
        "synonyms": "spelen op straat\nkinderen spelen\nstraat afsluiten\nzomervakantie\nspeelstraten",
        "handling_days": 30,
        "where": "",
    },
    {
        "slug": "zaalverhuur",
        "name": "Zaal huren in het district",
        "summary": "Een zaal of vergaderlokaal van het district huren voor een vereniging of activiteit.",
        "description": "Districten verhuren zalen en vergaderlokalen aan verenigingen, scholen en bewoners. U reserveert "
        "online; erkende verenigingen betalen een verminderd tarief.",
        "topic": "cultuur",
        "online": True,
        "by_phone": True,
        "counter": "walk_in",
        "fee": "volgens het tarievenreglement van het district",
        "lead_time": "bevestiging binnen 5 werkdagen",
        "on_behalf_allowed": True,
        "synonyms": "zaal huren\nzaalverhuur\nfeestzaal\nvergaderzaal\nlokaal reserveren\nzaal reserveren",
        "handling_days": 5,
        "where": DISTRICT_HOUSES,
    },
    {
        "slug": "subsidie-vereniging",
        "name": "Subsidie voor een jeugd- of sociaal-culturele vereniging",
        "summary": "Werkingssubsidie of projectsubsidie van het district voor uw vereniging.",
        "description": "Jeugdverenigingen en sociaal-culturele verenigingen die in het district actief zijn, kunnen "
        "een werkingssubsidie of een projectsubsidie aanvragen. Erkenning door het district is vaak een voorwaarde.",
        "topic": "sociaal-culturele-verenigingen",
        "online": True,
        "fee": "gratis",
        "documents": "De statuten of werking van de vereniging\nEen begroting van het project\nHet rekeningnummer",
        "lead_time": "beslissing door het districtscollege binnen 2 maanden",
        "on_behalf_allowed": True,
        "synonyms": "subsidie\nsubsidies\njeugdbeweging\njeugdvereniging\nvereniging\nvzw\nwerkingssubsidie\n"
        "projectsubsidie\nerkenning vereniging",
        "handling_days": 40,
        "where": "",
    },
    {
        "slug": "terrasvergunning",
        "name": "Terrasvergunning",
        "summary": "Toelating voor een terras van een horecazaak op het openbaar domein.",
        "description": "Een horecazaak die een terras op het trottoir of een plein wil plaatsen, vraagt een "
        "terrasvergunning aan bij het district. Het district kijkt naar de vrije doorgang voor voetgangers en het "
        "terrasreglement.",
        "topic": "lokale-straten-en-pleinen",
        "online": True,
        "fee": "retributie per m² en per seizoen",
        "documents": "Een plan van het terras met afmetingen\nFoto's van het terrasmeubilair",
        "lead_time": "ongeveer 6 weken",
        "on_behalf_allowed": True,
        "synonyms": "terras\nhoreca\ncafe terras\nterrasje\nstoelen op de stoep",
        "handling_days": 30,
        "where": "",
    },
]
