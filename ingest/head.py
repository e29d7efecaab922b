"""Read the head of pasted agency copy: everything that stands before the report proper.

Copy reaches editors as page archives, aggregators and agency sites store it: a page
archive's ` date 2023-09-19 ` prefix, breadcrumbs and section names, a headline and a
subheadline, timestamp lines in every form (`5 March 2021 14:12 (UTC+04:00)`,
`14.03.2024, 09:41`, `Updated: June 2, 2022`), photo captions, bylines and distributor
prefixes (`(MENAFN- Azernews)`). This module tells those lines apart and finds the dates
they carry; `ingest.parsers.text` decides where the dateline and the body begin.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import cast

from ingest.dates import (
    ARABIC_DIGITS,
    CJK_CHARACTER,
    LETTER,
    SOLAR_HIJRI_DATE,
    WEEKDAYS,
    common_era,
    infer_date,
    month_number,
    solar_hijri,
)

_MONTH_WORD = rf"{LETTER}{{2,13}}\.?"  # "października", "मई", "दिसंबर"
_YEAR = r"(?:1[89]|2\d)\d\d"
# Dates printed anywhere in a line; each pattern has groups year, month, day.
_DATES_IN_LINE = [
    re.compile(rf"(?<!\d)(?P<year>{_YEAR})年(?P<month>[01]?\d)月(?P<day>[0-3]?\d)日"),
    re.compile(rf"(?<!\d)(?P<year>{_YEAR})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?<![\d/])(?P<year>{_YEAR})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"),
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})(?!\d)"),
    re.compile(rf"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>{_YEAR})(?!\d)"),
    # … and the American order where no other reading is a date ("03/30/2009").
    re.compile(rf"(?<![\d/])(?P<month>[01]?\d)/(?P<day>1[3-9]|2\d|3[01])/(?P<year>{_YEAR})(?!\d)"),
    re.compile(rf"(?<![\d-])(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>{_YEAR})(?!\d)"),
    # … and with the month's name between, no space: German pages' `29.Jan.2017`, `5-Mar-2019`
    re.compile(
        rf"(?<![\d.\w-])(?P<day>[0-3]?\d)(?P<gap>[.-])(?P<month>{LETTER}{{3,9}})\.?(?P=gap)"
        rf"(?P<year>{_YEAR})(?!\d)"
    ),
    # The year first, as Korea, Japan, China and Hungary print it: `2024.10.30`,
    # `2024. 10. 30.`, `2024년 10월 30일`, `2025. november 26.`, and Lithuanian
    # `2025 m. gruodžio 15 d.`, Latvian `2025. gada 7. decembrī`; Vietnamese `ngày 7
    # tháng 12 năm 2025`.
    re.compile(
        rf"(?<![\d.])(?P<year>{_YEAR})\.[ \t]?(?P<month>[01]?\d)\.[ \t]?(?P<day>[0-3]?\d)(?![\d])"
    ),
    re.compile(rf"(?<!\d)(?P<year>{_YEAR})년\s*(?P<month>[01]?\d)월\s*(?P<day>[0-3]?\d)일"),
    re.compile(
        rf"(?<![\d.])(?P<year>{_YEAR})\.?\s+(?:m\.\s+)?(?P<month>{_MONTH_WORD})\s+"
        rf"(?P<day>[0-3]?\d)(?!\d|[:.]\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\d.])(?P<year>{_YEAR})\.\s+gada\s+(?P<day>[0-3]?\d)\.\s+(?P<month>{_MONTH_WORD})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"ngày\s+(?P<day>[0-3]?\d)\s+tháng\s+(?P<month>[01]?\d)\s+năm\s+(?P<year>{_YEAR})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<month>{_MONTH_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>{_YEAR})\b"
    ),
    re.compile(
        rf"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го)?[.,]?\s+(?:de\s+)?(?P<month>{_MONTH_WORD}),?"
        rf"\s+(?:de\s+)?(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    ),
]
_TIME = re.compile(
    r"\b[0-2]?\d(?:[:.][0-5]\d(?:[:.][0-5]\d)?|h[0-5]\d\b)\s*(?:[ap]\.?m\.?)?", re.IGNORECASE
)  # 08h35: French
# Dates printed without a year ("Nov. 25", "15 сентября"), read against the import date.
_YEARLESS_IN_LINE = [
    re.compile(
        rf"\b(?P<month>{_MONTH_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"(?![:.]\d|,?\s*(?![0-2]?\d[:.][0-5]\d)\d)"  # a year follows, not a clock time
    ),
    re.compile(
        rf"(?<![\d.])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?P<month>{_MONTH_WORD})(?!\s*,?\s*\d)"
    ),
]
_STAMP_PATTERNS = [*_DATES_IN_LINE, *_YEARLESS_IN_LINE]
_LEADING_STAMP = re.compile(r"^\s*(?P<stamp>[^|–—]{6,40}?)\s+(?:\||–|—|-)\s+(?P<rest>\S.*)$")
_LEADING_CLOCK = re.compile(r"^[0-2]?\d[:.][0-5]\d\s*(?:\||–|—)\s*(?P<rest>\S.*)$")
_DATE_LABEL = re.compile(r"\bDATE\s*:\s*")
_LEADING_NUMERIC_DATE = re.compile(
    r"^\s*(?:[0-3]?\d\.[01]?\d\.(?:19|20)\d\d|(?:19|20)\d\d-[01]?\d-[0-3]?\d)"
    r"(?:,?\s+[0-2]?\d:[0-5]\d)?\s+(?P<rest>[^\W\d_].*)$"
)
# A feed item's date as feeds print it (RFC 822, seconds and zone included), after at
# most a few words of the feed's title and before an optional refresh time in minutes
# (`ttl`), then the item's title.
_FEED_ITEM_STAMP = re.compile(
    r"^(?:[^\W\d_]+\s+){0,3}(?:[A-Z][a-z]{2},\s+)?[0-3]?\d\s+[A-Z][a-z]{2}\s+(?:1[89]|2\d)\d\d\s+"
    r"[0-2]?\d:[0-5]\d:[0-5]\d\s+(?:[+-]\d{4}|[A-Z]{2,4})\s+(?:\d{1,5}\s+)?(?P<rest>\S.*)$"
)
# A page's "updated at" clock time ending a line, glued to its section names or not
# ("ХроникаВоенная операция на УкраинеОбновлено в 15:05"): page furniture, not a headline.
_UPDATED_AT = re.compile(
    r"(?:updated|published|posted|обновлено|опубликовано|изменено|güncellendi|güncelleme)"
    r"\s*(?:в|at|on|:)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*$",
    re.IGNORECASE,
)
_IANA_ZONE = re.compile(
    r"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"/[A-Z][A-Za-z_]+\b|[+−-]\d{4}\b"
)  # "Europe/Lisbon", not a shared credit "Castelo Branco/Lusa"
_ZONE_NAMES = "UTC|GMT|МСК|MSK|EST|EDT|CET|CEST|BST|AST|IST|KST|JST"
_ZONE = re.compile(
    # A look at the first character lets the search skip the others fast.
    rf"(?=[({''.join(sorted({name[0] for name in _ZONE_NAMES.split('|')}))}])"
    rf"\(?\b(?:{_ZONE_NAMES})\s*(?:[+−-]\s*\d{{1,2}}(?::?\d\d)?)?\)?",
    re.IGNORECASE,
)
# A Chinese page's labels by its timestamp, and what follows them: the source, the editor.
_CJK_SOURCE_LABEL = re.compile(r"(?:来源|來源|责任编辑|責任編輯|编辑|編輯)\s*[:：]\s*\S+")
_HASHTAGS = re.compile(r"#\w+(?:\s+#\w+)+")
_CJK_MENU_SEPARATOR = re.compile(r"\s*[|>»›]\s*")
CJK_HEADLINE_CHARS = 4  # "普京访华" is a headline; a menu's entries are shorter: "首页"
_STAMP_WORDS = {
    "updated", "update", "published", "posted", "last", "modified", "created", "date",
    "time", "at", "on", "am", "pm", "ago", "min", "read", "views", "hours", "hour", "today",
    "обновлено", "опубликовано", "дата", "публикации", "изменено", "обновлено:", "в", "г",
    "года", "yil", "tarih", "güncelleme", "yayınlanma", "de",
} | WEEKDAYS  # fmt: skip
# How long ago a page or feed was updated: "5 hours 42 min ago", "Updated: 1 hour ago",
# "2 часа назад".
_AGE = (
    r"\d+\s*(?:years?|months?|weeks?|days?|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|"
    r"лет|года?|месяц\w*|недел\w*|дн\w*|день|час\w*|минут\w*|мин|секунд\w*|сек)\.?"
)
_RELATIVE_AGE = re.compile(
    rf"^(?:(?:updated|published|posted|обновлено|опубликовано)\s*:?\s*)?"
    rf"(?:{_AGE}\s*,?\s*)+(?:ago|назад)$",
    re.IGNORECASE,
)
# Page furniture above the report, never its headline: a page's or feed reader's prompts,
# a site's section label, the desk's contact line.
_FURNITURE = re.compile(
    r"^(?:subscribe\s+to\b|sign\s+up\s+for\b|follow\s+us\b|read\s+more\b|"
    r"stay\s+(?:up\s+to\s+date|updated|informed)\s+(?:with|on)\s+(?:the|our)\s+latest\b|"
    r"(?:show|hide)\s+(?:the\s+)?news\s+feed$|(?:show|load|see|view)\s+(?:more|all)(?:\s+news)?$|"
    r"(?:phone|tel|fax|e-?mail|телефон|тел|факс)\.?\s*:\s*[+(\d\w]|"
    r"(?:published|posted|filed)\s+(?:in|under)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?$|"
    r"(?:back\s+to\s+|go\s+to\s+)?top\s+of\s+(?:the\s+)?page$|back\s+to\s+top$|"
    r"skip\s+to\s+(?:the\s+)?(?:main\s+)?content\b|skip\s+navigation$|share\s+(?:with|on|to|via)\s+\w+$|"
    r"showing\s+posts\s+(?:with|for)\b|[:\s]*:\s*:|"  # a blog's label page, a clock widget
    # a menu whose entries ran together: "MoreHomeLifestyleAll StoriesPressAbout Us"
    r"(?-i:(?=(?:[^\n]*?[a-zа-яё][A-ZА-ЯЁ]){3})[^.!?]*$)|"
    r"(?:(?:skip|go)\s+to\s+(?:the\s+)?(?:main\s+)?(?:contents?|navigation|menu|search)\s*)+$|"
    # … in Korean ("skip to the content"), and a call to follow the site in Vietnamese
    r"(?:본문|컨텐츠|콘텐츠|메뉴)\s*바로\s*가기|theo\s+dõi\s+.{1,40}\s+trên$|"
    r"noticia\s+servida\s+autom[aá]ticamente\b|.*\s[-–]\s+buy\s+(?:it|now|one)\s+here!?$|"
    r"сегодня\s+в\s+новостях$|"
    # a weather widget: "21°C" alone, or several places' temperatures in a row
    # ("+17° Київ +17° Варшава +28° Вашингтон"); one "45°C in Jacobabad" is a headline
    r"[+−-]?\d{1,3}\s?°\s?[CF]?$|"
    r"(?:[+−-]?\d{1,3}\s?°\s?[CF]?(?:\s+[^\W\d_]+){0,2}\s*){2,}$|"
    # a stamp alone or over a credit: "21/06/17 - 04u15 Bron: Belga"
    r"\d{1,2}/\d{1,2}/\d{2}\s*[-–]\s*\d{1,2}[u:h.]\d{2}(?:\s+[^\W\d_]+\s*:\s*\S+(?:\s\S+){0,3})?$|"
    # a credit line, its label and a name of a few words: "Source: AKP", "Fonte: Lusa"
    r"(?:source|fonte|fuente|quelle|bron|kilde|källa|lähde|źródło|zdroj|izvor|kaynak)\s*:"
    r"\s*\S+(?:\s\S+){0,3}$|"
    r"(?:register|sign\s+up)\s+(?:for|to)\s+(?:our|the)\s+(?:free\s+)?(?:daily\s+)?newsletter|"
    # a page's article toolbar (Joomla's): "News on Cuba - February 17, 2014 PDF Print E-mail"
    r".*\bpdf\s+print\s+e-?mail$|"
    r"this\s+(?:post|article|story|page|news)\s+has\s+been\s+(?:read|viewed)\s+[\d,]+\s+times|"
    r"(?:views|просмотр(?:ов|ы)?)\s*:?\s*[\d\s,]+$|(?:close|exit|open)\s+(?:photo|gallery)\s+mode$|"
    r"(?:daily\s+|monthly\s+)?archives?\s+(?:for|of)\b|"
    r"(?:latest|top|breaking|more|related)\s+(?:news|stories|headlines)$|"
    r"(?:последние|главные|другие)\s+новости$|вся\s+лента$|все\s+выпуски$|лента\s+новостей$|"
    r"details\s+added\b|first\s+version\s+posted\b|.*\bemail-рассылк|"
    r"(?:\d+\.\s*)?you\s+are\s+(?:at|here)\s*:?$|(?:您(?:所在|现在)的位置|当前位置|当前的位置)\s*[:：]|go\s+to\s+(?:the\s+)?(?:main\s+)?(?:site|home\s*page)$|"
    r"(?:log|sign)\s*(?:in|out)$|show\s+(?:less|more)$|(?:live\s+)?video\s+(?:streaming|player)$|"
    r"(?:latest|more)\s+(?:news|stories)\s+(?:with|about|on|tagged)\s+#\S+$|"
    r"(?:время|time)\s+(?:в|in)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[-–—:]\s*\d{1,2}:\d\d$|"
    r"<\s*/?\s*[a-z][\w:-]*(?:\s[^>]*)?>|.*\bbr\s*/?>|"
    r"подпис(?:ывайтесь|аться)\b|читайте\s+также\b|читать\s+далее\b|"
    # a promotion, a reading time, an update stamp in French, a Reuters write-through's
    # note ("(Adds background, details, … paragraphs 6-10)")
    r"don['’]?t\s+miss\s+(?:the\s+latest|our\s+latest|out\s+on\s+our|a\s+thing)\b|"
    r"(?:estimated\s+)?read(?:ing)?\s+time\s*:\s*(?:\d|less\s+than|under|about)|"
    r"\d+\s+min(?:ute)?s?\s+read$|"
    r"derni[èe]re\s+mise\s+[àa]\s+jour\s+(?:[àa]\s+)?(?:le\s+)?\d|mis\s+[àa]\s+jour\s+le\s+\d|"
    r"\(\s*(?:adds|updates|recasts|corrects|changes|rewrites|repeats|refiles|fixes)\b[^)]*\)?$|"
    r"[^()]{0,80}\bparagraphs?\s+\d+(?:\s*[-–,]\s*\d+)*\s*\)$|"
    # exchange rates: "Currency rates:", "usd/kzt 445.99 eur/kzt 486.53"
    r"currency\s+rates?\s*:?$|курсы?\s+валют\s*:?$|(?:[a-z]{3}/[a-z]{3}\s+[\d.,]+\s*)+$|"
    # a breadcrumb trail's first step: "• Main Page >", "Home »"
    r"[•·]?\s*(?:main|home)(?:\s+page)?\s*[>»›]$)"
    # … or ends as no headline does: a logo's alternative text, a page title's page
    # number, an image's file name, an address that runs on ("223927, Minsk region,").
    r"|.*(?:(?-i:\bLogo)|\|\s*page\s+\d+\s*(?:\|.*)?|\bthumbnail\b.*\d{6}.*|,)$"
    # a site's name and "logo", its image's alternative text ("Modern Ghana logo")
    r"|(?-i:(?:[A-Z][\w.&'’-]*\s+){1,4}logo)$",
    re.IGNORECASE,
)
_ARCHIVE_PREFIX = re.compile(
    r"^\s*(?:date|dated|дата)\s*[:\-–]?\s*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|(?P<month>\d{4}-\d{1,2}))(?:\s+|$)",
    re.IGNORECASE,
)
_DISTRIBUTOR = re.compile(
    r"^\s*\(\s*(?P<distributor>MENAFN)\s*[-–—]\s*"
    r"(?P<source>[^()\n]{2,60}?(?:\s*\([^()\n]{1,20}\))?)\s*\)\s*",  # "Kuwait News Agency (KUNA)"
    re.I,
)
# A syndication feed's credit, source before distributor: "(Japan Economic Newswire Via
# Acquire Media NewsEdge)", as TMCnet and other aggregators print the wires they carry.
_VIA_DISTRIBUTOR = re.compile(
    r"^\s*\(\s*(?P<source>[^()\n]{2,60}?)\s+via\s+(?P<distributor>Acquire\s+Media\s+NewsEdge)\s*\)\s*",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:by|от|von|par|por|автор|author|autor)(?::\s*|\s+)(?P<name>[^\W\d][^\n]{2,80})$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\s*(?:fotó|zdjęcie|kuva|bild)\s*[:/]|"  # other languages' labels: the line's start
    r"(?:^|[\s(|/])(?:photo|photos|фото|foto|image|picture|credit|illustrative)\s*"
    r"(?:[:©/]|by\b|credit\b|source\b)|©|\(\s*(?:photos?|foto)\s*\|"  # "(Photo | AP)"
    # a credit closing the caption: "Hikmət Hacıyev. Açiq mənbələrdən foto." ("a photo
    # from open sources"), "… Фото из открытых источников"
    r"|\s(?:photo|фото|foto)\.$|^(?:фото|foto)\s+\S+(?:\s+\S+){0,2}$"
    # the label in other scripts (Vietnamese `Ảnh:`, Korean `사진=`, Japanese `写真：`,
    # Chinese `图片：`, Persian, Arabic, Hebrew, Greek, Turkish), and a Korean press pool's
    # credit (`국회사진기자단`, `사진공동취재단`)
    r"|(?<!\w)(?:ảnh|사진|写真|照片|图片|圖片|عکس|صورة|צילום|φωτογραφία|fotoğraf)\s*[:：=＝/／]"
    r"|사진기자단|사진공동취재단"
    # "Sursa foto Facebook" (Romanian: "photo source"), Turkish "Fotoğraf: AA"
    r"|^\s*(?:sursa|sursă)\s+foto\b|\bfotoğraf\s*:"
    # a Japanese caption's closing credit, the place and the service: `（北京＝新華社配信）`,
    # `（ロイター＝共同）`
    r"|[（(][^（）()\n]{1,20}＝[^（）()\n]{1,20}[）)]$"
    # a credit closing it: "(EPA PHOTO)", "-- fotoBERNAMA (2025) COPYRIGHT RESERVED"
    r"|[.!?]\s*\(\s*[\w.-]+\s+photo\s*\)\s*$|(?-i:\bfoto[A-Z]{3,})|copyright\s+reserved\s*$"
    # an agency's code and the word after the caption's sentence: "Erdogan and Aliyev. AA photo"
    r"|(?-i:[.!?]\s+[A-Z][A-Z-]{1,10}\s+(?:photo|Photo|PHOTO))\s*$",
    re.IGNORECASE,
)
# A photographer's and a photo service's credit closing a line: "(Anthony Wallace/AFP via
# Getty Images/TNS)", "(REUTERS/Kim Hong-Ji)", "(EPA-EFE/Jeon Heon-kyun)", "(Xinhua/Li
# Xiang)". A caption so credited is no lead, yet pages print it where a standfirst goes,
# and the wire desk keeps it there (its names are the report's too).
_PHOTO_CREDIT_END = re.compile(
    # (each piece between slashes holds no slash, so a bracket of many slashes is read
    # in one pass, not in every way of cutting it)
    r"\((?:[^()\n/]*/)+[^()\n/]*(?:getty images|tns)\)\s*$|"
    r"\((?:[^()\n/]*/)?(?:getty|reuters|afp|ap photo|epa(?:-efe)?|xinhua|shutterstock)/"
    r"[^()\n]*\)\s*$|"
    # a handout's: "(China's Ministry of Foreign Affairs/Handout via Xinhua)"
    r"\((?:[^()\n/]*/)+\s*handout\b[^()\n]*\)\s*$",
    re.IGNORECASE,
)
# The ASCII words _CAPTION needs: an ASCII line without one of them (in any case) is no
# caption, and telling so takes a fraction of the search.
# Where the people a photo shows stand in it: only a caption says so.
_PLACED_IN_PHOTO = re.compile(
    r", (?:(?:second|third) )?(?:from )?(?:left|right|centre|center),|\((?:L to R|from left)\)|"
    r"^\s*(?:L-R|From left|From L to R)\s*:",
    re.IGNORECASE,
)
_CAPTION_WORDS = (
    "photo", "foto", "image", "picture", "credit", "illustrative", "bild", "kuva", "copyright",
)  # fmt: skip
_SITE_LABEL = re.compile(
    r"(?:sections?|categor(?:y|ies)|rubrics?|tags?|filed\s+under|topics?|рубрика|раздел|теги)"
    r"(?:\s+archives?)?\s*:|search\s+res\w*\s+for\b|результаты\s+поиска|"
    r"(?:author|monthly|daily|yearly)\s+archives?\s*:|"  # "Category Archives: CUBA"
    r"(?:featured|sponsored)\s*:|"  # another story's promotion
    # a blog's tag page: "Posts Tagged ‘Saint-Pétersbourg’" (not "Posts tagged as … rise")
    r"posts?\s+tagged\s*(?:with\s*)?[:‘'\"«“„]",
    re.IGNORECASE,
)
# What marks a menu entry or a list item at the start of a line.
BULLETS = "•·▪►›»-–—"
# Labels before a report's source or writer, in the languages agencies publish in:
# `Source: IRNA`, `Autor: PAP`, `Bron: Belga`, `Por: … /Lusa`.
CREDIT_LABELS = frozenset({
    "by", "source", "источник", "kaynak", "автор", "autor", "author", "quelle", "fuente",
    "fonte", "bron", "kilde", "källa", "lähde", "źródło", "zrodlo", "zdroj", "izvor", "vir",
    "por", "par", "von", "agencia", "agência", "agence", "agentur", "المصدر", "джерело",
    "forrás", "šaltinis", "avots", "allikas", "sursa", "sursă", "burimi", "πηγή", "nguồn",
    "sumber", "מקור", "منبع", "door",
})  # fmt: skip


def alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of words, the longest first (`quelle|bron|by`)."""
    return "|".join(sorted(words, key=len, reverse=True))


_SITE_AFTER_BAR = re.compile(r"\s\|\s")
_CRUMB_SEPARATOR = re.compile(r"\s(?:>|»|›|/|\||•|·)\s")
_STAMP_GAP = re.compile(r"[\s,:|/·•()\[\]–—-]+")
# … and the full stops of Urdu (`۔`), Hindi (`।`), Arabic's question mark (`؟`) and CJK (`。`)
_SENTENCE_STOP = re.compile(r"[.!?…۔।؟。][\"'”»)]*$")
# Every date and clock time above prints a digit, and every full date a year: a line
# without them has none (scanning for them is many times faster than for the patterns).
_DIGIT = re.compile(r"\d")
# A line without one is a widget or a ticker … (a letter, or an Indian script's vowel
# sign: `केंद्र ने नई योजना`)
_A_WORD = re.compile(f"{LETTER}{{3}}")
_YEAR_DIGITS = re.compile(r"\d{4}")


@dataclass(frozen=True)
class PrintedDate:
    """A date printed in a head or timestamp line, and the line it is on.

    `year` is None for a date printed without one ("Nov. 25"): it is dated against the
    import date like an undated dateline.
    """

    year: int | None
    month: int
    day: int
    line: int

    def resolve(self, reference: datetime.date) -> datetime.date | None:
        if self.year is not None:
            return datetime.date(self.year, self.month, self.day)
        return infer_date((None, self.month, self.day), reference)


def stamps_in(line: str, index: int) -> list[PrintedDate]:
    """Return the dates a head line prints as its publication time, if it is a timestamp.

    A timestamp line (`14.03.2024, 09:41`), a line where a date stands with a clock time
    (`NEWS FROM EFE (Thursday, September 15. 2:30 p.m.)`), or a date leading the line
    before a separator (`19.01.2018 | Headline`).
    """
    leading = _LEADING_STAMP.match(line)
    labelled = _DATE_LABEL.search(line)
    if is_timestamp(line) or _TIME.search(line):
        text = line
    elif labelled:
        text = line[labelled.end() : labelled.end() + 60]  # "DATE: Issue #1408, Tuesday, …"
    elif leading and is_timestamp(leading.group("stamp")):
        text = leading.group("stamp")
    elif "|" in line and is_timestamp(last := line.rsplit("|", 1)[1]):
        text = last  # "By UPI Staff | Jan. 03, 2018"
    else:
        return []
    full = dates_in(text)
    if full:
        return [PrintedDate(d.year, d.month, d.day, index) for d in full[:1]]
    return [PrintedDate(None, month, day, index) for month, day in yearless_in(text)[:1]]


def has_time(text: str) -> bool:
    """Return whether text prints a clock time (`14:12`, `2:30 p.m.`)."""
    return bool(_TIME.search(text))


def split_leading_stamp(line: str) -> str:
    """Return a line without the timestamp leading it (`19.01.2018 | Headline` → Headline),
    or without a feed's title, item date and refresh time, as a feed page pasted whole
    runs them into the item's title (`Breaking news Tue, 21 Nov 2017 13:50:43 +0600 60
    Headline` → Headline)."""
    leading = _LEADING_STAMP.match(line)
    if leading and is_timestamp(leading.group("stamp")):
        rest = leading.group("rest")
        clock = _LEADING_CLOCK.match(rest)  # "13.08.2022 | 15:48 |Президент …"
        return clock.group("rest") if clock else rest
    numeric = _LEADING_NUMERIC_DATE.match(line)
    if numeric and " " in numeric.group("rest"):
        return numeric.group("rest")  # `01.05.2020 President gives an interview`
    fed = _FEED_ITEM_STAMP.match(line)
    if fed and " " in fed.group("rest").strip():
        return fed.group("rest")
    return line


def yearless_in(text: str) -> list[tuple[int, int]]:
    """Return (month, day) of the dates printed without a year in text."""
    if not _DIGIT.search(text):
        return []
    if not text.isascii():
        text = text.translate(ARABIC_DIGITS)
    found = []
    for pattern in _YEARLESS_IN_LINE:
        for match in pattern.finditer(text):
            month = month_number(match.group("month"))
            day = int(match.group("day"))
            if month and 1 <= day <= 31:
                found.append((match.start(), month, day))
    return [(month, day) for _, month, day in sorted(found)]


def take_archive_prefix(line: str) -> tuple[datetime.date | None, str]:
    """Split a page archive's `date 2023-09-19` prefix off a line: (date, rest of line);
    one giving only the month (`date 2020-11`) is taken off without a date."""
    match = _ARCHIVE_PREFIX.match(line)
    if not match:
        return None, line
    if match.group("month"):
        return None, line[match.end() :]
    found = dates_in(match.group("date"))
    if not found:
        return None, line
    return found[0], line[match.end() :]


def take_distributor(line: str) -> tuple[str, str, str]:
    """Split a distributor's prefix (`(MENAFN- Azernews)`, `(Kyodo Via Acquire Media
    NewsEdge)`) off a line: (distributor, source, rest)."""
    match = _DISTRIBUTOR.match(line) or _VIA_DISTRIBUTOR.match(line)
    if not match:
        return "", "", line
    return match.group("distributor"), match.group("source").strip(), line[match.end() :]


def dates_in(text: str) -> list[datetime.date]:
    """Return every complete date (with a year) printed in text, in order of position."""
    if not text.isascii():
        text = text.translate(ARABIC_DIGITS)  # `১০ অক্টোবর ২০১৯`, one for one
    if not _YEAR_DIGITS.search(text):
        return []
    found: list[tuple[int, datetime.date]] = []
    taken: list[range] = []
    for pattern in _DATES_IN_LINE:
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            month = month_number(match.group("month"))
            if not month:
                continue
            year = common_era(int(match.group("year")))
            try:
                date = datetime.date(year, month, int(match.group("day")))
            except ValueError:
                continue
            found.append((match.start(), date))
            taken.append(range(match.start(), match.end()))
    if not text.isascii():
        for match in SOLAR_HIJRI_DATE.finditer(text):  # Iranian pages: `۲۳ مهر ۱۳۹۲`
            if solar := solar_hijri(match):
                found.append((match.start(), solar))
    return [date for _, date in sorted(found, key=lambda item: item[0])]


@lru_cache(maxsize=1024)  # the parser asks it of the same head lines several times
def is_timestamp(line: str) -> bool:
    """Return whether a line is a timestamp (with at most a label or a section name)."""
    if len(line) > 90:
        return False
    dated = dates_in(line)
    if not (dated or yearless_in(line)):
        return False
    line = line if line.isascii() else line.translate(ARABIC_DIGITS)
    rest = line
    for pattern in _date_patterns(line):
        rest = pattern.sub(_blank_if_date, rest)
    rest = _ZONE.sub(" ", _TIME.sub(" ", _IANA_ZONE.sub(" ", rest)))
    if not rest.isascii():
        rest = _CJK_SOURCE_LABEL.sub(" ", rest)  # "2017-10-17 20:10:40 来源:新华社"
        rest = SOLAR_HIJRI_DATE.sub(lambda m: " " if solar_hijri(m) else m.group(0), rest)
    words = [w for w in _STAMP_GAP.split(rest.lower()) if w]
    others = len([w for w in words if w.strip(".") not in _STAMP_WORDS])
    if not dated and not _TIME.search(line):
        return others == 0  # "Nov. 25" is a timestamp; "Ashgabat, Turkmenistan, May 21" is not
    return others <= 2


def _date_patterns(line: str) -> list[re.Pattern[str]]:
    """The date patterns that can match in line (see _DIGIT), in their order."""
    if not _DIGIT.search(line):
        return []
    return _STAMP_PATTERNS if _YEAR_DIGITS.search(line) else _YEARLESS_IN_LINE


def _blank_if_date(match: re.Match) -> str:
    return " " if month_number(match.group("month")) else match.group(0)


def strip_stamps(line: str) -> str:
    """Return a line without the dates, times and time zones it prints."""
    rest = line
    for pattern in _date_patterns(line):
        rest = pattern.sub(_blank_if_date, rest)
    if "/" in line or _DIGIT.search(line):  # an `Area/City` zone, a `+0400` offset, a time
        rest = _TIME.sub(" ", _IANA_ZONE.sub(" ", rest))
    return " ".join(_ZONE.sub(" ", rest).split())


def without_version_label(headline: str) -> str:
    """A headline without the version label an agency prints before it (Yonhap's
    `(LEAD)`, `(2nd LD)`, `(URGENT)`: the report's text is the version that counts) and
    without the credit and stamp a page prints after it (`… (AP) Updated: 2006-07-07
    06:52`)."""
    headline = _CREDIT_AND_STAMP.sub("", headline) or headline
    return _VERSION_LABEL.sub("", headline, count=1) or headline


_CREDIT_AND_STAMP = re.compile(r"\s+\([^()\n]{2,30}\)\s+(?:Updated|Posted|Published)\b:?.*$")


_VERSION_LABEL = re.compile(
    r"^\s*\((?:LEAD|URGENT|\d+(?:st|nd|rd|th)\s+LD(?:[-\s][A-Z]+)?|UPDATE\s*\d*)\)\s+"
    # ANSA's NITF: ">>>ANSA/ Budget passes"
    r"|^\s*>{2,}\s*[A-Z]{2,10}\s*/\s*"
    # Reuters': "UPDATE 2-", "CORRECTED-UPDATE 1-", "REFILE-", "RPT-WRAPUP 1-"
    r"|^\s*(?:(?:CORRECTED|REFILE|RPT)-)*(?:(?:UPDATE|WRAPUP)\s?\d+|CORRECTED|REFILE|RPT)-(?=\S)"
)


# Bernama's writer's line under the headline: "From Anas Abu Hassan" (a name alone after it;
# not a headline's "From Russia With Love").
FROM_BYLINE = re.compile(r"\s*From\s+(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*")
_LINKING = frozenset({"To", "With", "And", "Of", "For", "In", "The", "On", "At", "By", "Our"})


def from_byline(line: str) -> str:
    """The writer a `From Name` line names ('' when it is no such line)."""
    found = FROM_BYLINE.fullmatch(line)
    if not found or _LINKING & set(found.group("name").split()):
        return ""
    return found.group("name")


def is_byline(line: str) -> bool:
    """Return whether a line only names the author (`By Name`, `Автор: Name`)."""
    match = _BYLINE.match(line)
    return (
        bool(match)
        and len(cast("re.Match[str]", match).group("name").split()) <= 12
        and not line.endswith(".")
    )


def without_by(byline: str) -> str:
    """A byline without the word it opens with (`By Anna Weber` → `Anna Weber`; German
    `Von`, French `Par`, Spanish `Por`, Italian and Dutch `di`, `door` in lower case):
    those only before two words or more, the first capitalised (`Von Diaz`, `Di Maio`
    are names)."""
    found = BY_WORD.match(byline)
    if found is None:
        glued = _GLUED_BY.match(byline)  # "ByStaff Reporter": a page's markup lost the space
        return byline[glued.end() :].strip() if glued else byline.strip()
    word, rest = found.group(1), byline[found.end() :].strip()
    words = rest.split()
    if word.lower() == "by":
        return rest
    if word.lower() in ("di", "door") and not word.islower():
        return byline.strip()  # "Di Maio": Italian's and Dutch's "by" is printed lower case
    return rest if len(words) >= 2 and words[0][:1].isupper() else byline.strip()


BY_WORD = re.compile(r"\s*(by|von|par|por|di|door|от)\s+", re.IGNORECASE)
_GLUED_BY = re.compile(r"\s*By(?=[A-Z][a-z])")


def byline_name(line: str) -> str:
    """Return the author named by a byline line."""
    match = _BYLINE.match(line)
    return match.group("name").strip() if match else ""


def is_caption(line: str) -> bool:
    """Return whether a line is a photo caption or credit."""
    if _PLACED_IN_PHOTO.search(line):
        return True  # "Minister A, left, with Minister B"
    lower = line.lower() if line.isascii() else ""
    if lower and not any(word in lower for word in _CAPTION_WORDS):
        return False
    return bool(_CAPTION.search(line))


def has_photo_credit(line: str) -> bool:
    """Return whether a line closes with a photo service's credit (`_PHOTO_CREDIT_END`)."""
    return line.rstrip().endswith(")") and bool(_PHOTO_CREDIT_END.search(line[-160:]))


def strip_crumbs(line: str) -> str:
    """Return a headline without the breadcrumb trail leading it (`Today.Az » Politics »
    President received the governor`) or the site's name after it (`… | Arab Times`,
    `中方回应美方关税措施|外交部|新华网`)."""
    if _bar_menu(line.strip()):
        return line  # a site's menu bar, no trail over a headline
    if not line.isascii() and CJK_CHARACTER.search(line):
        first, *tail = _CJK_MENU_SEPARATOR.split(line.strip())
        if tail and len(first) >= CJK_HEADLINE_CHARS and all(len(p) <= 6 for p in tail):
            return first  # a Chinese page's title: the headline, its section, the site
    if not _CRUMB_SEPARATOR.search(line) or _FURNITURE.match(line):
        return line  # "… | Page 7 | World Defense" stays furniture
    *trail, last = _CRUMB_SEPARATOR.split(line)
    if len(last.split()) >= 4 and all(len(part.split()) <= 3 for part in trail):
        return last.strip()
    first, *tail = _SITE_AFTER_BAR.split(line)
    if tail and len(first.split()) >= 4 and all(len(part.split()) <= 3 for part in tail):
        return first.strip()  # a page's title: "Headline | Arab Times"
    return line


def is_section(line: str) -> bool:
    """Return whether a line is a breadcrumb trail or a section name (`• World News` in a
    site's menu), not a headline."""
    text = line.strip().lstrip(BULLETS).strip()
    if _CRUMB_SEPARATOR.search(text) and all(
        len(part.split()) <= 4 for part in _CRUMB_SEPARATOR.split(text)
    ):
        return True
    if text.endswith(":") and len(text.split()) <= 3:
        return True  # a label whose value the page lost: "- Published on:"
    if not text.isascii() and CJK_CHARACTER.search(text):
        parts = _CJK_MENU_SEPARATOR.split(text)
        if len(parts) >= 3 and all(len(part) <= 12 for part in parts):
            return True  # a menu or a trail with no spaces: "首页|新闻|国际", "新聞大觀>專題>"
        words = text.split()
        if (
            len(words) >= CJK_MENU_WORDS
            and all(len(word) <= 5 for word in words)
            and any(cue in text for cue in _CJK_MENU_CUES)  # not "习近平 会见 美国 国务卿 布林肯"
        ):
            return True  # a Chinese or Japanese menu with spaces: "洛阳网首页 新闻 县区 …"
        return len(text) < CJK_HEADLINE_CHARS  # no spaces between words: "首页", "国际"
    if not text.isascii() and _THAI.search(text):
        return len(text) < THAI_HEADLINE_CHARS  # Thai spaces phrases: "นายกฯ ประชุม"
    return len(text.split()) <= 2 and not _SENTENCE_STOP.search(text)


CJK_MENU_WORDS = 5
_THAI = re.compile("[\u0e01-\u0e4e]")
THAI_HEADLINE_CHARS = 10  # "ข่าว" (news) is a section; "นายกฯ ประชุม" a headline
# A site's words in a menu: home, news, e-paper, contribute, channel
_CJK_MENU_CUES = (
    "首页",
    "首頁",
    "新闻",
    "新聞",
    "电子报",
    "電子報",
    "投稿",
    "频道",
    "頻道",
    "ホーム",
)


def ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does (`.`, `!`, `?`, `…`, a closing quote after)."""
    return bool(_SENTENCE_STOP.search(line))


def is_paragraph(line: str) -> bool:
    """Return whether a line reads like running text (the lead), not a headline."""
    words = line.split()
    return len(words) >= 30 or (len(words) >= 12 and bool(_SENTENCE_STOP.search(line.strip())))


def classify(line: str) -> str:
    """Return what a head line is: timestamp, furniture (a reader prompt, "Subscribe
    to…", or a line without a word of three letters: a ticker, "• $ 1.7", a font-size
    widget, "+ ↺ − 16 px"), byline, caption, section or text."""
    text = line.strip()
    if is_timestamp(line) or _UPDATED_AT.search(text) or _RELATIVE_AGE.match(text):
        return "timestamp"
    if _FURNITURE.match(text) or not _has_a_word(text) or _SITE_LABEL.match(text):
        return "furniture"  # … or a site's label: "Section: Main news", "Tags: …"
    if _HASHTAGS.fullmatch(text):
        return "furniture"  # a run of a site's hashtags: "#sanremo #studionews #askanews"
    if _glued_tags(text):
        return "furniture"  # "Gulyás GergelyfőpolgármesterkormányinfóFővárosi Közgyűlés"
    if is_byline(line):
        return "byline"
    if is_caption(line):
        return "caption"
    if is_section(line) or _bar_menu(text):
        return "section"
    return "text"


MENU_BAR_ENTRIES = 5  # entries between bars that make a line a site's menu


def _bar_menu(text: str) -> bool:
    """A site's menu bar: five or more short entries between bars (`直通屏山|福建|时评|…`,
    `Начало | България | Свят | Икономика | Спорт`)."""
    if text.count("|") < MENU_BAR_ENTRIES - 1:
        return False
    entries = [entry.strip() for entry in text.split("|")]
    return all(0 < len(entry) <= 20 and len(entry.split()) <= 3 for entry in entries)


def _has_a_word(text: str) -> bool:
    """A word of three letters; or, in a line of Chinese, Japanese or Korean, of two
    characters or syllables (`정부 새 경제 대책 발표`), not in a language menu that lists
    one among others (`• ру қз qz 中文 ق ز Ўз`)."""
    if _A_WORD.search(text):
        return True
    cjk = len(CJK_CHARACTER.findall(text)) if not text.isascii() else 0
    return cjk >= 2 and cjk * 2 > sum(c.isalpha() for c in text)


GLUED_WORD = 25  # letters: longer than a headline's words, short of a compound's


def _glued_tags(text: str) -> bool:
    """A page's tags run together, a lower-case letter glued to the next tag's capital in
    one long word (`GergelyfőpolgármesterkormányinfóFővárosi`); a brand's capitals
    (`iPhone`, `McDonald's`) stand in short words."""
    return any(
        len(word) >= GLUED_WORD
        and any(
            a.islower() and b.isupper() and not _GENDER_ENDING.match(word, n + 1)
            for n, (a, b) in enumerate(pairwise(word))
        )
        for word in text.split()
    )


# German's gender forms put a capital inside a word: `EinzelhändlerInnen`, `LehrerIn`.
_GENDER_ENDING = re.compile(r"In(?:nen)?\b")


def nearest_year_date(
    month: int, day: int, near: datetime.date, within: int = 7
) -> datetime.date | None:
    """Return the month/day in the year that puts it closest to `near`, if within days."""
    best = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - near) < abs(best - near):
            best = candidate
    if best is None or abs(best - near).days > within:
        return None
    return best
