"""Word lists the rules read: titles, head words of bodies' names, ordinary words."""

from __future__ import annotations

from ingest import russian


def word_set(text: str) -> frozenset[str]:
    """The words of a list written out as text, one or more to a line."""
    return frozenset(text.split())


TITLES = word_set("""
    president president-elect presidents vice-president premier minister ministers prime
    deputy chairman chairwoman chairperson chair co-chair director director-general secretary
    secretary-general undersecretary under-secretary ambassador envoy consul king queen prince
    princess crown emir sheikh sultan governor mayor senator congressman congresswoman
    spokesman spokeswoman spokesperson spox head chief leader commander commander-in-chief
    general lieutenant lt colonel col major captain brigadier admiral marshal sergeant sgt gen
    ayatollah hojatoleslam imam patriarch pope cardinal archbishop bishop metropolitan rabbi
    mufti mullah mr mrs ms miss dr prof professor academician sir dame lord lady mp fm pm
    speaker counsellor counselor adviser advisor aide assistant rapporteur commissioner
    ombudsman coordinator chancellor vice-chancellor rector dean ceo cfo coo cto founder
    co-founder executive manager officer judge prosecutor prosecutor-general attorney
    attorney-general coach author writer poet composer artist singer actor actress journalist
    correspondent reporter photographer analyst expert economist historian scientist
    researcher nominee caretaker acting former late incumbent outgoing publisher columnist
    presenter anchor host excellency majesty highness honorable honourable mister comrade
    lawmaker councillor delegate laureate superintendent inspector vice representative
    plenipotentiary madam madame monsieur datuk dato datin tun seri lawyer barrister
    solicitor activist businessman businesswoman entrepreneur theologian scholar cleric
    priest pastor monk engineer surgeon physician
""") | word_set("""
    bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin bundespräsident
    bundespräsidentin ministerin sprecher sprecherin chefin vorsitzende vorsitzender
    botschafter botschafterin staatssekretär staatssekretärin generalsekretär bürgermeister
    bürgermeisterin landrat landrätin
    président présidente ministre porte-parole secrétaire ambassadeur ambassadrice
    député députée sénateur sénatrice chancelière chancelier
    presidente presidenta vicepresidente vicepresidenta ministro ministra canciller portavoz
    secretario secretaria embajador embajadora alcalde alcaldesa diputado diputada
    gobernador gobernadora portavoce segretario ambasciatore sindaco vicepremier senatore
    deputato porta-voz secretário embaixador embaixadora prefeito governador
    prezydent prezydenta premiera wicepremier rzecznik rzeczniczka szef szefowa ambasador
    marszałek poseł posłanka wojewoda burmistrz prezes
    predsjednik predsjednica predsjednika predsednik predsednica predsednika premijer
    premijerka premijera ministar ministrica glasnogovornik glasnogovornica gradonačelnik
    gradonačelnica veleposlanik veleposlanica zastupnik poslanec sekretar
    președintele președinte preşedintele preşedinte premierul ministrul ministru primarul
    ambasadorul secretarul deputatul senatorul șeful şeful
    cumhurbaşkanı cumhurbaşkanımız başbakan bakan bakanı yardımcısı valisi sözcüsü
    başkan başkanı başkanımız milletvekili büyükelçi büyükelçisi sekreteri sözcü genel
    belediye müdür müdürü muhabir muhabiri danışmanı komutanı başkanvekili
    presiden menteri menlu gubernur bupati walikota ketua kepala direktur sekjen ratu
    burgemeester staatssecretaris woordvoerder minister-president
    thống tướng trưởng tịch
""")  # the last five of English: Malaysian honours ("Datuk Seri Najib Abdul Razak"); then
# German, French, Spanish, Italian, Portuguese, Polish, Croatian, Serbian and Slovenian,
# Romanian, Turkish, Indonesian, Dutch and Vietnamese titles ("Bundeskanzlerin Angela
# Merkel", "Cumhurbaşkanı Yardımcısı Cevdet Yılmaz", "Tổng thống Donald Trump")
# German and Dutch titles end compounds: "Außenministerin", "Regierungssprecher".
TITLE_ENDINGS = (
    "minister", "ministerin", "präsident", "präsidentin", "sprecher", "sprecherin",
    "kanzler", "kanzlerin", "sekretär", "sekretärin", "botschafter", "botschafterin",
    "bürgermeister", "bürgermeisterin", "vorsitzende", "vorsitzender", "woordvoerder",
)  # fmt: skip
# A German ministry's name is one compound ("Verteidigungsministerium"): a whole name.
ORGANIZATION_ENDINGS = {
    "ministerium": "government",
    "ministerie": "government",
    "polizei": "government",  # 'Schutzpolizei', 'Bundespolizei'
}
# (not "…regierung", "…partei", "…gericht", "…kommission": "Übergangsregierung",
# "Oppositionspartei", "Berufungsgericht" name kinds of bodies far more often than one)
# Articles opening a sentence before a body's name: "Das Verteidigungsministerium".
ARTICLE_OPENERS = word_set("der die das dem")  # not "Los Angeles …", "Den Haag", "Des Moines"
# Words of other languages that open sentences and are never names' first words (German
# "Nach Angaben der Polizei …", Indonesian "Menurut Menlu …"). Left out: particles inside
# names ("de", "la", "von", "der", "di"), and words that are names or begin them in
# English copy too: Ali, Dan, Les, Con, Yang, Su, Son, Im, Lo, Na, Ta, An, Ke, Te, Ou, Uma,
# Una, Elle, Pero, Nas, Dar (es Salaam), Para. An acronym is never one of them ("UN", "AU").
FOREIGN_OPENERS = word_set("""
    am auf aus bei mit nach seit vor zum zur die dem ein eine einer eines einem einen
    und oder aber auch laut wie als wenn dass nun doch
    un une au aux dans sur pour par avec selon depuis après avant et mais il
    ils elles ce cette ces
    por según tras este esta estos estas
    gli nel nella nei secondo dopo ieri oggi
    os um nos em após ontem hoje
    bu şu ve ile için
    we ze przez dla oraz
    dari untuk dengan pada dalam ini itu menurut
    je
    potrivit conform după pentru iar
""")
# Words before a name that say who wrote or shot it, not what the person is.
BYLINE_MARKERS = word_set("""
    by from editing reporting photo photos images image source courtesy автор фото источник
""")
ABBREVIATED_TITLES = word_set("mr mrs ms dr prof gen col lt sgt st jr sr")
# Title words that also begin the names of bodies ('General Assembly', 'Executive Office').
BODY_TITLES = word_set("general executive chief supreme presidential high vice genel")
ORGANIZATION_HEADS = {
    **dict.fromkeys(word_set("""
        ministry ministries parliament government embassy consulate cabinet administration
        presidency senate duma rada majlis mejlis majlisi kurultai kurultay qurultay kenesh
        congress assembly directorate inspectorate inspection service services committee
        commission court tribunal office police army forces navy guard guards corps customs
        treasury secretariat municipality akimat khokimiyat prosecutor's mission house chamber
        department bureau authority authorities agency agencies board staff diwan
    """), "government"),
    **dict.fromkeys(word_set("""
        newspaper magazine journal times post herald gazette daily weekly tribune review
        telegraph chronicle courier observer express tv television radio broadcaster pravda
        izvestia izvestiya gazeta vedomosti vesti novosti
    """), "publication"),
    **dict.fromkeys(word_set("""
        company companies corporation corp inc ltd llc plc jsc ojsc cjsc gmbh ag holding
        holdings group bank airlines airways railways concern enterprise enterprises factory
        plant motors technologies systems partners associates consulting exchange energy
        petroleum industries sdn bhd berhad
    """), "company"),
    **dict.fromkeys(word_set("""
        foundation fund association society watch initiative alliance league movement
        network federation confederation union coalition
    """), "ngo"),
    **dict.fromkeys(word_set("""
        organization organisation council institute institution university academy school
        college lyceum center centre club team party museum theatre theater gallery library
        hospital clinic forum centers centres councils committees institutes universities
    """), "other"),
    "nations": "intergovernmental",
    # Heads of bodies' names in other languages agencies file in: German, French, Spanish,
    # Italian, Portuguese, Polish, Croatian and Serbian, Slovene, Romanian, Turkish,
    # Indonesian, Hungarian, Dutch ("Auswärtiges Amt", "Consiliul European", "AK Parti",
    # "Ministerstwo Obrony Narodowej", "Kementerian Luar Negeri").
    **dict.fromkeys(word_set("""
        regierung ministerium amt kanzleramt landtag polizei gouvernement ministère assemblée
        gobierno ministerio congreso senado governo ministero ministério rząd ministerstwo
        kancelaria ministarstvo skupština ministrstvo sodišče guvernul ministerul
        parlamentul ambasada consiliul primăria primăriei primaria bakanlığı meclisi kurulu
        başkanlığı valiliği belediyesi kongresi kurumu konseyi müdürlüğü kementerian kormány
        minisztérium regering ministerie
    """), "government"),
    **dict.fromkeys(
        word_set("partei parti partido partito partij partisi stiftung lega movimento"), "other"
    ),
}  # fmt: skip
INTERGOVERNMENTAL_HEADS = word_set(
    "organization organisation council union commonwealth community nations assembly"
)
INTERGOVERNMENTAL_SCOPES = word_set("""
    cooperation security states nations countries treaty europe economic eurasian european
    united turkic turkic-speaking islamic arab african independent atlantic collective un osce
    cis sco csto eaeu nato eu oic ots
""")
# Single words that name one body ('the Senate', 'the Kremlin', 'Kommersant reports').
INSTITUTIONS = {
    **dict.fromkeys(word_set("""
        senate parliament duma majlis mejlis knesset bundestag kremlin akorda pentagon élysée
        congress
        elysee bundesregierung bundesrat kanzleramt quirinale farnesina moncloa sejm sabor
        országgyűlés guvernul kemlu"""), "government"),
    **dict.fromkeys(word_set("""
        facebook twitter instagram telegram youtube tiktok whatsapp vkontakte linkedin
        shutterstock pixabay unsplash depositphotos istock"""),
        "company"),
    **dict.fromkeys(word_set("kommersant vedomosti izvestia pravda"), "publication"),
}  # fmt: skip
# Words after which a name is the name of a body ('broadcaster NHK', 'радиостанции РБК').
ORGANIZATION_CONTEXT = {
    **dict.fromkeys(word_set("""
        broadcaster channel newspaper daily weekly magazine website portal outlet station
        network broadcasting телеканал радиостанци газет журнал издани сайт портал"""),
        "publication"),
    **dict.fromkeys(word_set("""
        company firm bank carrier airline operator компани банк холдинг концерн"""),
        "company"),
    **dict.fromkeys(word_set("""
        agency party movement club team group opposition ruling агентств парти движени клуб
        команд"""), "other"),
    "фонд": "ngo",
}  # fmt: skip
AGENCY_WORDS = word_set("agency news press service media tv radio agentliyi")
# Words never part of a name: function words, portfolios, kinds of places, headline verbs.
FUNCTION_WORDS = (
    word_set("""
    the a an this that these those it its he she they we i you his her their our my your
    there here in on at by for from to with without after before during under over about
    according as but and or nor so yet if when while where whereas since because although
    though however meanwhile also moreover furthermore besides then thus therefore hence
    still now today yesterday tomorrow earlier later last next first second third one two
""")
    | russian.STOP_WORDS
)
COMMON_WORDS = (
    FUNCTION_WORDS
    | word_set("""
    three four five six seven eight nine ten all both each every some many most more several
    other others another such no not only even just what which who whom whose why how
    despite amid among between against along within through throughout toward towards upon
    via per unlike like please read see update updated breaking exclusive analysis opinion
    writing editing reporting
    comment interview news report reports latest live world business politics economy
    society sport sports culture region home search menu share tags related published posted
    editorial staff press release statement video tuesday wednesday thursday friday saturday
    sunday monday affairs defense defence finance health healthcare education energy justice
    agriculture emergency emergencies situations labor labour trade industry transport ecology
    environment tourism youth digital interior internal foreign security intelligence science
    information communications media resources natural social protection population diaspora
    religious family women children veterans construction housing urban rural roads water
    property taxes tax revenue budget investment investments export exports import imports
    innovation innovations technology technological high economic economics development
    cooperation integration reintegration relations policy planning reform reforms regional
    national international public human rights civil military nuclear oil gas chemical
    mining fisheries state states republic republic's federal central supreme grand united
    new old great upper lower north south east west northern southern eastern western sea
    lake river mountain mountains island islands valley gulf bay ocean strait peninsula oblast
    province district city town village street avenue square park airport station port
    bridge palace palacio hall tower stadium arena highway road corridor pipeline field basin
    desert coast border canal dam shrine mosque church cathedral temple monastery mausoleum
    monument memorial tournament championship cup cups games arts martial judo wrestling
    football olympic olympics meeting session memory victory defenders fatherland safety food
    anniversary holiday ceremony summit conference forum's agreement treaty declaration law
    code constitution act day week week's month year years century war peace crisis
    operation project programme program plan strategy prize award medal order festival
    exhibition expo photo source getty images reuters ap afp copyright rights reserved modern
    ancient holy saint english arabic persian farsi latin hebrew hindi urdu spanish german
    italian french portuguese dutch eurasian european asian african american islamic muslim
    christian orthodox catholic soviet global says say said tells told wants wins win calls
    urges meets meet holds hold visits visit signs vows warns denies slams hails receives
    congratulates discusses discuss eyes plans seeks backs rejects condemns denounces
    announces arrives leaves expects asks agrees launches opens have has will be is are was
    were set sets named appointed tapped steps down up out off back elected reelected resigns
    quits dies died kills killed crash attack blast fire flood quake earthquake storm vote
    poll polls talks deal ban trip tour
""")
    | word_set("luar negeri biasa")
)  # Indonesian: "Menteri Luar Negeri", "KTT Luar Biasa"
COMMON_SUFFIXES = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence",
    "ship", "ism", "ics", "ogy", "ies", "ical", "ative", "itive", "ous", "ful", "less", "able",
    "ible", "ized", "ised", "ional", "ary", "ory",
)  # fmt: skip
NAMES_WITH_COMMON_SUFFIXES = word_set("""
    lawrence florence terence clarence laurence constance clement prudence hillary zachary
    rosemary gregory valery
""")
COMPOUND_ENDINGS = word_set("""
    based born led backed owned style made funded run controlled held bound related friendly
    era type like language speaking wide level old linked affiliated oriented
""")
CONNECTORS = word_set("of the for and on to in at &")
PARTICLES = word_set("""
    de du des del della di da dos das von van der den al el bin ibn bint ben y la le uulu
    kyzy ogly oglu zu ter ten st
""")
JOINING_WORDS = CONNECTORS | PARTICLES
PARTICLE_PREFIXES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ud-", "ul-", "ur-")
# Capitals that are not bodies: countries, currencies, units, page furniture.
NOT_ORGANIZATIONS = word_set("""
    US USA UK UAE USSR RF DPRK PRC FRG ROK KSA GDP VAT CEO CFO PM AM GMT UTC IST MSK EST CET TV
    PR IT AI HIV AIDS COVID SARS LNG LPG CNG II III IV VI VII VIII IX XI XII XX XXI OK NB PS
    KM MW GW KWH BCM TCM SMS VIP FAQ ID PDF URL HTML RSS MP FM AZN USD EUR RUB KZT UZS KGS TJS
    TMT GEL AMD IRR TRY CNY JPY GBP CHF INR BC AD AG PHOTO UPD ICT QR TTS IPO POOL LEAD VIDEO
    TEXT MARKET EXPO NEWS UPDATE BREAKING LIVE TITLE SOURCE DATE NK HPP NPP SSR TAPI РФ США
    СССР КНР ФРГ ОАЭ КНДР РУз РК КР ВВП НДС СВО АЭС ГЭС
""")
TWO_LETTER_BODIES = word_set("EU UN AP AA EC ЕС")
WEB_ENDINGS = word_set("az ru kz kg uz tj tm ge am ir by ua tr cn uk com net org info")
