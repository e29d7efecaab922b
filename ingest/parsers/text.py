"""Read a wire report pasted as plain text: head lines, headline, byline, dateline, agency.

Real copy puts the dateline after whatever the page or archive printed first (see
`ingest.head`): a headline, timestamps, a byline, a caption, an archive prefix on the
same line, a distributor's prefix. The parser looks for it at the start of each of the
first lines, then inside them; the lines before it are read as the head.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from anyascii import anyascii

from ingest import head
from ingest.candidates.surroundings import caption_credits
from ingest.candidates.words import FUNCTION_WORDS, ORGANIZATION_HEADS, WEB_ENDINGS, word_set
from ingest.dateline import (
    DatelineMatch,
    PlaceLookup,
    agency_in_group,
    find_dateline,
    is_caps,
    is_weekday,
    looks_like_place,
    slashed_credit,
)
from ingest.dates import (
    CJK_NUMBER,
    cjk_number,
    infer_date,
    month_key,
    month_number,
    months,
    read_date,
)
from ingest.types import Dateline, ParsedReport

MAX_HEADLINE = 200
HEAD_LINES = 12  # non-empty lines searched for the dateline, a site's menu entries aside
MENU_LINES = 40  # … and at most this many with them
INNER_STARTS = 60  # places inside one line where a dateline may begin
INNER_WINDOW = 700  # characters of a line searched for them
_SENTENCE_END = re.compile(  # the stop first: most places fail there, at once
    r"(?<=[.!?…])(?<!\b[A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)"
    r"(?<!\bMrs\.)(?<!\bMs\.)[\"'”»)]*\s+(?=[\"'“«(]?[A-ZА-ЯЁ0-9])"
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"), None) | {0xA0: " "}
# The zero-width non-joiner and joiner spell Persian (`می‌رود`) and the Indian scripts'
# conjuncts: kept between their letters, dropped elsewhere (a page's stray marks).
_STRAY_JOINER = re.compile(
    "(?<![\u0600-\u06ff\u0900-\u0dff])[\u200c\u200d]|[\u200c\u200d](?![\u0600-\u06ff\u0900-\u0dff])"
)
# Field labels of stored pages and feeds, never a dateline city (Date is also a town).
LABELS = {
    "date", "source", "title", "author", "publisher", "text", "id", "by", "tags", "photo",
    "video", "updated", "published", "posted", "section", "category", "top news", "news",
    "special report", "politics", "economy", "world", "breaking", "breaking news", "exclusive",
    "фото", "видео", "источник", "автор", "теги", "рубрика", "foto",
    # a photo's credit in other languages: Hungarian, German, Finnish, Swedish, Polish, Czech
    "fotó", "bild", "kuva", "zdjęcie", "fotografie", "fotografia", "snímek",
}  # fmt: skip
UNGLUE_WINDOW = 3000
FILED_AFTER_WINDOW = 64  # characters after an agency's name read for the words saying it filed
AGENCY_LINES = 8  # non-empty lines searched for an agency's banner or credit
STAMP_LINES_UNDER_LEAD = 4  # lines under the lead searched for a page's timestamp
_LABELLED_AGENCY = re.compile(
    r"(?:^\s*/\s*By\s+([^/\n]{2,40})/|\b(?:PUBLISHER|AGENCY|SOURCE|Source|(?i:"
    + head.alternation(head.CREDIT_LABELS - {"by"})
    + r"))\s*:\s*(.{3,60}?)"
    r"(?=\s+[A-Z]{3,}\s*:|$)|^\s*\(\s*((?:https?://)?www\.[^()\s]{3,60})\s*\))"
)
_INITIALS = re.compile(r"^[A-ZА-ЯЁ]\.\s*[A-ZА-ЯЁ]")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_BANNER_GAP = re.compile(r"[\s,]+")
_CREDIT_SEPARATOR = re.compile(r"[/,]")
_PLACE_END = re.compile(r"[,(/:]")
_SOURCE_LABEL = re.compile(r"\bSOURCE\s*:\s*(.{3,60}?)(?=\s+[A-Z]{3,}\s*:|$)")
_SPELLED_OUT = re.compile(r"\s*\((\w[^()\n]{2,80})\)")
# A photo's credit label, in the languages of the pages read (Hebrew `צילום`, Arabic
# `صورة`, Persian `عکس`, Japanese `写真`, Korean `사진=`, Greek `φωτογραφία`, Turkish
# `fotoğraf`, Vietnamese `Ảnh:`), or a Korean press pool's credit before the photo
# service's (`국회사진기자단. 연합뉴스`).
_CREDIT_BEFORE = re.compile(
    r"(?:(?:\b(?:photo|images?|фото|foto|fotoğraf|credit)\b"
    r"|(?<!\w)(?:צילום|صورة|عکس|写真|사진|φωτογραφία|ảnh)\s*[:：/=＝])[^.\n]*"
    r"|(?:사진기자단|사진공동취재단)[.\s]*)$",
    re.IGNORECASE,
)
_SIGN_OFF_BEFORE = re.compile(r"(?:[(\n–—/-]|[.!?]\s|:)\s*(?:By\s+|©\s*)?$")
_AGENCY_AND_WRITER = re.compile(r"\s*([^\s,][^,\n]{1,30}?)\s*(?:,\s*([^\W\d][^,\n]{2,60}))?\s*")
_AGENCY_FIRST = re.compile(r"^\s*\(([^()]{2,30})\)\s*[-–—]")
# A headline line closed by the agency in brackets and a page's stamp after it (not a
# photo caption's credit: "A view of Baku. (Reuters)").
_AGENCY_CLOSING_HEAD = re.compile(r"\S\s+\(([^()\n]{2,30})\)\s+(?:Updated|Posted|Published)\b.*$")
_SITE_FIRST = re.compile(r"^\s*((?:[\w-]+\.)+[a-z]{2,6})\s*[-–—]\s", re.IGNORECASE)
# A credit's label: the usual ones with or without their colon, the others with it.
_CREDIT = re.compile(
    r"^\s*(?:(?:by|source|источник|kaynak|автор)\s*:?|(?:"
    + head.alternation(head.CREDIT_LABELS)
    + r")\s*:)\s*",
    re.IGNORECASE,
)
# An image's file name a page left glued to the text: "A023289811.jpgTEHRAN (Fars) -".
_GLUED_IMAGE = re.compile(
    r"(?:(?<=\.jpg)|(?<=\.png)|(?<=\.gif)|(?<=\.jpeg)|(?<=\.webp)|(?<=\.JPG))(?=[A-ZА-ЯЁ])"
)
_GLUED_BYLINE = re.compile(r"(?<=\d)(?=By\s+[A-Z])")
_IN_SENTENCE = re.compile(
    r"\b(?:in|at|from|to|of|near|and|the|for|with|on|by|between|visited|said|в|из|на|и)$"
)
# … or a photo's credit after its label (`Foto: EFE / Madrid`)
_PHOTO_LABEL = re.compile(
    r"\b(?:photos?|fotos?|фото|image|imagen|bild|credit|crédit|crédito)\s*[:：]$", re.IGNORECASE
)
# … or a CJK dateline in brackets after a caption's close (`…（北京＝新華社配信）【新華社北京…`)
_INNER_START = re.compile(r"(?<=[\s.:;|)\]»”\"'–—-])(?=[A-ZА-ЯЁ])|(?<=[。）)])(?=【)")
# "By Nargiz Sadikhova – Trend:" opening the lead, after the dateline.
_LEAD_BYLINE = re.compile(
    r"^\s*By\s+(?P<name>[^\W\d][^–—\-:\n]{2,60}?)\s*[–—-]\s*(?P<agency>[^\s:][^:\n]{0,40}):\s*"
)
# Words around an agency's name that say it filed the report ("Trend reports") …
_FILED_AFTER = re.compile(
    r"^(?:'s)?[»\"”]?\s*(?:reports|informs|has learned|learned|learnt|correspondent|"
    r"news agency reports|сообщает|передает|передаёт|сообщили|сообщил|корреспондент)\b"
    # … or closing the sentence in the past: "…, Xinhua news agency reported." (not
    # "Xinhua reported last week, citing …", a paper's own story citing a source)
    r"|^\s*(?:news agency\s+)?reported\.(?!\w)"
    # Azerbaijani "AZƏRTAC xəbər verir ki, …" ("AZERTAC reports that …")
    r"|^\s+x[əe]b[əe]r\s+verir\b"
    # Azerbaijani, the name with its case ending: "TASS-a istinadən xəbər verir", "APA-ya
    # bildirib" ("told APA"), "Report"un məlumatına görə" ("according to Report's news").
    r"|^[\"”]?-?(?:y?[aə]|n?[uüıi]n)\s+(?:istinad[əe]n|bildirib|deyib|m[əe]lumat[ıi]na\s+g[öo]r[əe])"
    # … and with the agency it cites between: "AZƏRTAC Anadolu agentliyinə istinadla xəbər
    # verir ki, …" ("AZERTAC reports, citing the Anadolu agency, that …")
    r"|^\s+(?:[^\s,.]+\s+){1,3}?agentliyin[əe]\s+istinad(?:la|[əe]n)\s+x[əe]b[əe]r\s+verir\b"
    # Hungarian, the name with its case ending: "közölte az MTI-vel" ("told MTI"); and
    # Lithuanian: "Kaip BNS nurodė savivaldybė" ("as the city told BNS").
    r"|^-(?:vel|val|nek|nak)\b|^\s+(?:nurodė|pranešė|informavo|sakė)\b",
    re.IGNORECASE,
)
_FILED_BEFORE = re.compile(
    r"(?:(?:\btold|\btells|\bto|\binterview(?:ed)? (?:with|to)|\bcorrespondent of|\bкорреспонденту|"
    r"\bкорреспондент|\bсообщает|\binforms|\breports|"
    r"\bпередает|\bпередаёт|\bпередал[аои]?|\bсообщили|\bсообщил[аио]?|\bрассказал[аи]?|"
    r"\bзаявил[аи]?|"
    # … in Ukrainian: `Як передає кореспондент УНІАН`, `повідомили УНІАН`
    r"\bпередає|\bповідомляє|\bповідоми(?:в|ла|ли)|\bкореспондент(?:у|а)?|\bрозпові(?:в|ла|ли))"
    # … told the agency, in the languages agencies file in: Norwegian and Danish `til NTB`,
    # Swedish `till TT`, German `gegenüber der dpa`, `sagte der dpa`, French `à l'AFP`,
    # Portuguese `à Lusa`, Italian `all'ANSA`, `ad Adnkronos`, Spanish `dijo a EFE`,
    # Dutch `tegen het ANP`, Polish `dla PAP`, `powiedział PAP`, Czech `řekl ČTK`.
    r"|\btill?|\bgegenüber(?:\s+der)?|\b(?:sagte|erklärte|bestätigte|teilte)\s+der|"
    r"(?<!\w)à(?:\s+l['’])?|\ball['’]|\bad|\b(?:tegen|aan)\s+het|\bdla|\bpro|"
    r"\b(?:dijo|declaró|explicó|aseguró|indicó|señaló|afirmó|confirmó|precisó|detalló)\s+a|"
    r"\b(?:disse|afirmou|declarou|explicou|contou|informou)\s+(?:à|ao)|"
    r"\b(?:powiedział|przekazał|poinformował|potwierdził)[aoi]?|\b(?:řekl|sdělil|uvedl)[ai]?|"
    # … and Persian `به گزارش` ("as … reports"), the way Persian agencies open their copy
    r"به\s+گزارش(?:\s+خبرنگار)?"
    r")"
    r"(?:\s+(?:(?:информационное\s+)?агентств[оау]|ИА|(?:the\s+)?news\s+agency|خبرگزاری))?"
    r"\s*[«\"“]?$",
    re.IGNORECASE,
)
_REPORTED_BY = re.compile(
    r"(?:\b(?:írja|közölte|jelentette)(?:\s+az?)?|\b(?:transmite|relatează|informează)"
    r"|\b(?:javlja|javila\s+je|prenosi|poroča|informoval[ao]?))\s*$",
    re.IGNORECASE,
)
# … or that it is only cited ("according to Xinhua").
_SIGN_REPORTED = re.compile(r"\s+(?:reported|quoted|said|reports)\b")
_CITED_BEFORE = re.compile(
    r"(?:according to|citing|cited by|quoted by|reported by|quoting|со ссылкой на|"
    r"по данным|по сообщению|цитирует|as reported by|"
    # … in French, Spanish, Portuguese, Italian, German, Dutch, Scandinavian, Polish, Czech
    r"\bselon|\bsegún|\bsegundo|\bde acordo com|\bsecondo|\blaut|\bvolgens|\benligt|"
    r"\bifølge|\bwedług|\bpodle)\s*(?:the\s+|l['’]|la\s+|der\s+|het\s+|a\s+|o\s+)?$",
    re.IGNORECASE,
)


def normalize_text(text: str) -> str:
    """Unify line ends and spaces, drop invisible characters."""
    if not text.isascii():  # no invisible character is ASCII
        text = _STRAY_JOINER.sub("", text.translate(_INVISIBLE))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def first_sentence(text: str, limit: int = 400) -> str:
    """Return the first sentence of text (at most limit characters)."""
    head_text = text[:limit]
    for match in _SENTENCE_END.finditer(head_text):
        if not _ordinal_day(head_text, match):
            return head_text[: match.start()]
    return head_text


_DAY_DOT = re.compile(r"(?<![\d.])[0-3]?\d\.$")
_WORD = re.compile(r"[^\W\d_]+")


def _ordinal_day(text: str, stop: re.Match[str]) -> bool:
    """A day's ordinal stop before its month, no sentence's end: German, Scandinavian,
    Czech and Hungarian copy's `am Montag, dem 2. März`."""
    if not _DAY_DOT.search(text, max(0, stop.start() - 4), stop.start()):
        return False
    word = _WORD.match(text, stop.end())
    return word is not None and month_key(word.group(0)) in months()


def parse_text(text: str, *, lookup: PlaceLookup, import_date: datetime.date) -> ParsedReport:
    """Read one plain-text report as an editor pastes it."""
    report = ParsedReport(format="text")
    lines = _unglue(normalize_text(text), lookup).split("\n")
    stamps = _take_archive_date(lines)
    distributor, source = _take_distributor(lines)
    writers = _take_slashed_writers(lines, lookup)
    found = _locate_dateline(lines, lookup, import_date)
    closing = _closing_dateline(lines, lookup, import_date, found)
    if closing is not None:
        found, (line_index, closing_match) = None, closing
        lines[line_index] = ""  # the dateline under the text (Beta's pages), not a paragraph
    elif found is not None and _under_the_text(lines, found):
        found = None  # a quoted letter's place and date, a signature's: the text is above
    if found:
        index, column, match = found
        head_lines = [(i, lines[i]) for i in range(index)]
        if lines[index][:column].strip():
            head_lines.append((index, lines[index][:column]))
        rest = lines[index][column + match.end :]
        if not match.agency and (credit := _credit_line_end(rest, lookup)):
            # "11:35, 10 января 2022, Бишкек - 24.kg , Жазгуль МАСАЛИЕВА": the line ends
            # with the agency and the writer; the text starts on the next line.
            (match.agency, report.byline), match.agency_known, rest = credit, True, ""
        following = lines[index + 1 :]
        if (
            not match.agency
            and not rest.strip()
            and (named := _agency_line_under(following, lookup))
        ):
            # "BAKU, Azerbaijan, Nov. 25" over "Trend:": the agency on a line of its own
            match.agency, match.agency_known, following = named
        body = "\n".join([rest, *following])
    else:
        index, match = None, closing_match if closing is not None else DatelineMatch()
        head_lines, body = _split_undated(lines)
        body, opening = _take_opening_stamp(body)
        stamps += opening
    head_stamps, headline_line = _read_head(
        head_lines, report, lookup, latin_text=_mostly_latin(body[:2000])
    )
    stamps += head_stamps
    stamps += _trailing_stamps(lines)
    body = body.strip().lstrip(" -–—:\t")
    body = body[2:].lstrip() if body.startswith("_ ") else body  # AP's old "TOKYO (AP) _ …"
    under_lead = _stamps_under_lead(body)
    stamps = stamps or _lead_stamps(lines, index) or under_lead
    body = _take_lead_byline(body, report, match)
    # `(中央社記者賴于榛、葉素萍台北16日電)`, `(RIA Novosti correspondents A and B)`
    report.byline = (
        report.byline or writers or match.reporters or _group_writers(match.agency_printed)
    )
    report.dateline = Dateline(
        raw=match.raw,
        city=match.city,
        country=match.country,
        date=_dateline_date(
            match,
            stamps,
            index,
            import_date,
            report,
            under_lead,
            body,
            head_lines,
            headline_line,
            _lead_line(lines, headline_line),
        ),
        city_id=match.city_id,
    )
    report.warnings.extend(match.warnings)
    known = match.agency if match.agency_known else ""
    report.agency = (
        known
        or report.agency  # the head's byline named it
        or _agency_line(lines, lookup)
        or filing_agency(body, lookup)
        or (lookup.agency_name(source) if source else "")  # "(Japan Economic Newswire Via …)"
        or _agency_by_site(source, lookup)
        or _agency_in_tail(lines, lookup)
        or source
        or match.agency  # one the registry lacks, or a distributor ("/CNW/"): the editor decides
    )
    report.credits = _credits(distributor, match, report.agency, lines, lookup, report.credits)
    report.body = _without_wire_disclaimers(body)
    if not report.headline:
        report.headline = headline_from(body)
        if report.headline:
            report.warnings.append("No headline line was found; the first sentence stands in.")
    return report


# A text-size widget left at the end of a line: "Xinhua, November 2, 2015 Adjust font size:".
_FONT_SIZE_WIDGET = re.compile(r"[ \t]*(?:Adjust\s+)?[Ff]ont\s+size\s*:?[ \t]*(?:[-+A]\s*)*$", re.M)


def _unglue(text: str, lookup: PlaceLookup) -> str:
    """Undo what stripping a page's markup glued together in the head of the text:
    `Apr. 27By Umid Niayesh`, `November 27 AzerTAcFamous Georgian …`."""
    head_text, rest = text[:UNGLUE_WINDOW], text[UNGLUE_WINDOW:]
    head_text = _GLUED_BYLINE.sub("\n", head_text) if "By" in head_text else head_text
    head_text = _GLUED_IMAGE.sub("\n", head_text) if "." in head_text else head_text
    head_text = _FONT_SIZE_WIDGET.sub("", head_text) if "ont size" in head_text else head_text
    head_text = _split_repeated_lines(head_text, lookup)
    unglue = getattr(lookup, "unglue_agencies", None)
    return (unglue(head_text) if unglue else head_text) + rest


REPEATED_LINE = 20  # characters: a headline, not a label such as "Politics"


def _split_repeated_lines(text: str, lookup: PlaceLookup) -> str:
    """Part a line that prints the line before it again, glued to what follows it:
    `Headline\nHeadlineRoma, 6 set. (askanews) – …` (a page's title over its text)."""
    lines = text.split("\n")
    previous = ""
    for number, line in enumerate(lines):
        half = len(line) // 2
        if half >= REPEATED_LINE // 2 and line[:half] == line[half:]:
            line = lines[number] = line[:half]  # a stamp printed twice, glued: "11:422025. …"
        rest = line[len(previous) :] if line.startswith(previous) else ""
        if len(previous) >= REPEATED_LINE and rest[:1].isupper():
            # glued, no space between: "…fondi per RomaRoma, 6 set." (a lead that opens
            # with the headline's words goes on with a space or a comma: it is kept whole;
            # a dateline after them is found inside the line)
            lines[number] = f"{previous}\n{rest}"
        previous = line.strip() or previous
    return "\n".join(lines)


def _agency_line(lines: list[str], lookup: PlaceLookup) -> str:
    """The agency a short line near the top names on its own: a site banner or credit
    (`NEWS.am`, `By: Anadolu agency`, `Panorama, Armenia`, `[ Turan ]` after a time,
    `AzerNews:` opening the headline, `(www.rian.ru)`)."""
    seen = 0
    found: str | None  # an agency's name
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > AGENCY_LINES:
            break
        if found := _agency_named_alone(line, lookup):
            return found
        for labelled in _LABELLED_AGENCY.finditer(line):
            credit = next((g for g in labelled.groups() if g), "")
            if credit and (found := _agency_named_alone(credit, lookup)):
                return found  # "/By AzerNews/", "PUBLISHER: The Associated Press TEXT: …"
        if (lead := _AGENCY_FIRST.match(line)) and (found := lookup.agency_name(lead.group(1))):
            return found  # "(ANSA) - Rome, September 10 - …"
        tail = _AGENCY_CLOSING_HEAD.search(line)
        if tail and (found := lookup.agency_name(tail.group(1))):
            return found  # "Putin answers questions online (AP) Updated: 2006-07-07 06:52"
        site = _SITE_FIRST.match(line)
        if site and (found := _agency_by_site(site.group(1), lookup)):
            return found  # "AKIPRESS.COM - The work …": the agency's address opens the lead
        prefix = line.split(":", 1)[0]
        if prefix != line and len(prefix.split()) <= 3 and (found := lookup.agency_name(prefix)):
            return found  # "AzerNews: Tajikistan's external debt …"
        if len(line) <= CORRESPONDENT_LINE and (found := _correspondent_line(line, lookup)):
            return found  # "piše dopisnica STA iz Zagreba Tina Bernik" over the dateline
    return ""


CORRESPONDENT_LINE = 100  # characters: a line over the text naming who writes it


def _correspondent_line(line: str, lookup: PlaceLookup) -> str:
    """The agency a line opening with "… writes the agency's correspondent" names, a line
    of its own over the text, no sentence (`piše dopisnica STA iz Zagreba Ana Novak`)."""
    opening = _CORRESPONDENT_OPENING.match(line)
    mentions = getattr(lookup, "agency_mentions", None)
    if opening is None or mentions is None or head.ends_sentence(line.strip()):
        return ""
    found = mentions(line, signs=True)
    return next((name for start, _end, name in found if start == opening.end()), "")


# Slovene `piše dopisnica STA`, Croatian `piše dopisnik Hine`, `correspondent of`.
_CORRESPONDENT_OPENING = re.compile(
    r"\s*(?:(?:piše|pišu)\s+)?(?:dopisni(?:k|ca|ci)|correspondents?\s+(?:of|for))\s+",
    re.IGNORECASE,
)


# dpa's item reference, which its copy carries wherever it is republished: `© dpa-infocom,
# dpa:241106-99-954653/1` (the day, the desk, the item and its version).
_DPA_ITEM = re.compile(r"\bdpa:\d{6}-\d{2}-\d{4,8}/\d+")


# A page's call to follow it somewhere (`Подписывайтесь на канал Tengrinews.kz в
# WhatsApp`, `Follow us on Telegram`): the site it names is no credit.
_FOLLOW_PROMPT = re.compile(
    r"\s*(?:subscribe|follow us|join us|подписывайтесь|подпишитесь|следите за|abonnez-vous|"
    r"suivez-nous|suscríbete|síguenos|folgen sie|abonnieren sie|iscriviti|seguici)\b",
    re.IGNORECASE,
)


def _agency_named_alone(line: str, lookup: PlaceLookup) -> str:
    if _FOLLOW_PROMPT.match(line) or head.is_caption(line):
        return ""  # a call to follow a site; a photo's credit (`Foto: Tamino Petelinšek/STA`)
    if _DPA_ITEM.search(line):
        return lookup.agency_name("dpa") or ""
    stamp, bar, credit = line.rpartition("|")
    if bar and head.is_timestamp(stamp) and (found := lookup.agency_name(credit.strip())):
        return found  # "Posted on Jan 28, 09:41PM | IANS"
    text = head.strip_stamps(line)
    text = _CREDIT.sub("", text).strip(" \t-–—:|/[]().,»«•·*")
    if not text or len(text.split()) > 6:
        return ""
    mentions = getattr(lookup, "agency_mentions", None)
    is_word = getattr(lookup, "is_agency_word", lambda form: False)
    credited = _BRACKETED_SIGN.search(line)  # "02.05.2018 - 19:29 [ Turan ]"
    if (found := lookup.agency_name(text)) and (not is_word(text) or credited):
        return found  # not a word some agency signs with, alone: a section `Panorama`
    if "/" in text:  # a shared credit: `LETA/TBT Staff`, `Diario Digital Castelo Branco/Lusa`
        for part in text.split("/"):
            if found := lookup.agency_name(part.strip()):
                return found
    at_site = getattr(lookup, "agency_at_site", None)
    if at_site and "." in text and (found := at_site(text)):
        return found
    text = _THE.sub("", text)
    if (found := lookup.agency_name(text)) and (not is_word(text) or credited):
        return found
    words = text.split()
    for size in (3, 2, 1):  # "Belarus Belta": any case, beside at most two other words
        for start in range(0, len(words) - size + 1):
            rest = words[:start] + words[start + size :]
            form = " ".join(words[start : start + size])
            name = lookup.agency_name(form)
            if name and len(rest) <= 2 and _beside_name(rest, name, not is_word(form), lookup):
                return name
    # A credit line: the forms that are ordinary words count too (`Panorama, Armenia`).
    for start, end, name in mentions(text, signs=True) if mentions else []:
        beside = (text[:start] + text[end:]).strip(" -–—:|/[]().,")
        words = [w for w in _BANNER_GAP.split(beside) if w]
        if len(words) <= 2 and _beside_name(words, name, not is_word(text[start:end]), lookup):
            return name  # "Panorama, Armenia", "Anadolu Agency WORLD"
    return ""


_BRACKETED_SIGN = re.compile(r"[\[(/]\s*[^\W\d_][\w.-]{1,30}\s*[\])/]\s*$")


def _beside_name(words: list[str], name: str, plain: bool, lookup: PlaceLookup) -> bool:
    """Whether the words beside an agency's name on a line are its banner's. Beside a form
    that is an ordinary word (`Report`, `Panorama`) only its own country or city is:
    `Panorama, Armenia`; not a paper's initials, place or kind (`F.P Report`, `APP
    Report`, `Agency Report`, `Karachi Report`: staff reports' bylines)."""
    if plain:
        return all(_banner_word(w, lookup) for w in words)
    home = lookup.agency_country(name)
    if not home or not words:
        return False
    return all(_home_place(w, home, lookup) for w in words)


def _home_place(word: str, home: str, lookup: PlaceLookup) -> bool:
    word = word.strip(" ,.:")
    city = lookup.find_city(word)
    return lookup.country_code(word) == home or (city is not None and city.country == home)


_CREDIT_WORDS = frozenset({"by", "par", "por", "von", "per", "di", "from", "via", "de", "door"})


def _banner_word(word: str, lookup: PlaceLookup) -> bool:
    """A word beside an agency's name on its banner: a place, a section, `Agency`."""
    word = word.strip(" ,.:")
    return (
        word.isupper()
        or word.lower() in {"agency", "news", "service", "online", "ru", "en", "inf"}
        or word.lower() in _CREDIT_WORDS  # "Par AFP", "By Reuters"
        or bool(lookup.country_code(word) or lookup.find_city(word))
    )


def _agency_in_tail(lines: list[str], lookup: PlaceLookup) -> str:
    """The agency whose site closes the text (`asiaplustj.info »`, `Source: www.kabar.kg`,
    a feed's `The post … appeared first on The Astana Times.`)."""
    at_site = getattr(lookup, "agency_at_site", None)
    tail = [line for line in lines if line.strip()][-3:]
    for line in reversed(tail):
        if at_site and len(line.split()) <= 4 and (found := at_site(line)):
            return found
        closing = _CLOSING_SITE.search(line)
        if at_site and closing and (found := at_site(closing.group(1))):
            return found  # "… next year's budget. asiaplustj.info »": the paragraph's end
        if (posted := _FIRST_POSTED_ON.search(line)) and (
            found := lookup.agency_name(_THE.sub("", posted.group(1)))
        ):
            return found
        if _DPA_ITEM.search(line):
            return lookup.agency_name("dpa") or ""
    return ""


# A site's address closing a paragraph, with a link's arrow: `… budget. asiaplustj.info »`.
_CLOSING_SITE = re.compile(
    r"[.!?]\s+([a-z0-9-]+(?:\.[a-z0-9-]+)+)\s*[»›]\s*$"  # one way only to read the dots
)
# WordPress's feed footer: "The post <headline> appeared first on <site>."
_FIRST_POSTED_ON = re.compile(r"\bappeared first on\s+([^.\n]{2,60}?)\.?\s*$")


def _agency_by_site(text: str, lookup: PlaceLookup) -> str:
    at_site = getattr(lookup, "agency_at_site", None)
    return (at_site(text) or "") if at_site and text else ""


def _take_archive_date(lines: list[str]) -> list[head.PrintedDate]:
    """Remove a page archive's `date 2023-09-19` prefix (own line or before the text)."""
    for index, line in enumerate(lines[:3]):
        date, rest = head.take_archive_prefix(line)
        if rest != line:
            lines[index] = rest
            return [head.PrintedDate(date.year, date.month, date.day, index)] if date else []
    return []


def _take_distributor(lines: list[str]) -> tuple[str, str]:
    """Remove a distributor's prefix (`(MENAFN- Azernews)`): (distributor, source)."""
    for index, line in enumerate(lines[: HEAD_LINES * 2]):
        distributor, source, rest = head.take_distributor(line)
        if source:
            lines[index] = rest
            return distributor, source
    return "", ""


_LOWER_CODE = re.compile(r"[a-z]{2,5}")


def _glued_agency(glued: re.Match[str], lookup: PlaceLookup) -> str | None:
    """The agency glued to a writer's name, printed as its sign in capitals (`AFP`) or as
    its own name (`Reuters`); never a word's end that is also a code (`WhatsApp`)."""
    printed = glued.group("agency")
    known = lookup.agency_name(printed)
    as_its_own = known and len(printed) >= 3 and (printed.isupper() or printed == known)
    function_word = FUNCTION_WORDS.intersection(glued.group("name").lower().split())
    return known if as_its_own and not function_word else None


_GLUED_AGENCY_BYLINE = re.compile(
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}\s+[A-Z][a-z'’-]*[a-z])"
    r"(?P<agency>[A-Z][A-Za-z]+)"
)
# The writers an agency's bracket names after it: `(RIA Novosti correspondent Anna Petrova)`.
_GROUP_WRITERS = re.compile(
    r"\b(?:correspondents?|reporters?|корреспондент\w*)\s+(?P<names>[^\W\d_][^()/]{3,60})$",
    re.IGNORECASE,
)


def _group_writers(group: str) -> str:
    """The writers named in a dateline's agency group, `, `-separated ('' for none)."""
    found = _GROUP_WRITERS.search(group)
    if not found:
        return ""
    names = [n.strip() for n in re.split(r",|\s+(?:and|и)\s+", found.group("names"))]
    # names of two to four capitalised words ('Anna Petrova'), not 'in Kyiv' or
    # 'Odesa contributed to this report'
    return ", ".join(
        n for n in names if 2 <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split())
    )


def _credits(
    distributor: str,
    match: DatelineMatch,
    agency: str,
    lines: list[str],
    lookup: PlaceLookup,
    captions: Sequence[str] = (),
) -> list[str]:
    """The other sources the head names besides the filing agency: the distributor
    (`MENAFN`), a partner in the dateline (`BSS` in `(BSS/AFP)`, `/CNW/`), a stored
    page's `SOURCE:`, the services its photo `captions` credit — for the editor to tag
    or ignore."""
    found = [distributor] if distributor else []
    found += [name for name in captions if name != agency and lookup.agency_name(name) != agency]
    for part in _CREDIT_SEPARATOR.split(match.agency_printed):
        part = part.strip(' "“”«»')
        if _INITIALS.match(part) or not part or len(part.split()) > 4:
            continue  # "N. Kirtskhalia": the correspondent, a byline
        named = lookup.agency_name(part)
        resolved = named or agency_in_group(part, lookup)
        code = named and _LOWER_CODE.fullmatch(part)
        if resolved != agency and part != agency and (part[:1].isupper() or code):
            found.append(part)  # a known agency's lower-case code too: `dpa` in `dpa/afp`
    for line in lines[: AGENCY_LINES * 2]:
        for label in _SOURCE_LABEL.finditer(line) if "SOURCE" in line else ():
            value = label.group(1).strip()
            if lookup.agency_name(_THE.sub("", value)) != agency:
                found.append(value)
    return list(dict.fromkeys(found))


# Turkish agencies' writers before the place: "Özgür ALTUNCU - Güven USTA/İSTANBUL (DHA)",
# "Ayşe KAYA/ANKARA, (İHA)": first names in title case, the surname in capitals.
_SLASHED_WRITERS = re.compile(
    r"^\s*(?P<writers>[^/()\n]{4,120})/(?P<place>[^\W\d_][^/()\n]{1,40}\(.{2,30}\).*)$"
)
_WRITER_SEPARATOR = re.compile(r"\s+[-–]\s+|\s*,\s*")


def _take_slashed_writers(lines: list[str], lookup: PlaceLookup) -> str:
    """Take the writers off a line that names them before a known place and an agency (the
    line keeps `İSTANBUL (DHA)`) and return them, or return ''."""
    for index, line in enumerate(lines[: HEAD_LINES * 2]):
        slashed = _SLASHED_WRITERS.match(line) if "/" in line and "(" in line else None
        place, _, bracket = slashed.group("place").partition("(") if slashed else ("", "", "")
        place = place.strip(" ,")
        if not slashed or not is_caps(place) or not lookup.find_city(place.title()):
            continue  # "Jane DOE/AFP (Getty Images)", "Real Madrid CF/SPAIN (EFE)"
        if not lookup.agency_name(bracket.partition(")")[0].strip()):
            continue
        names = _WRITER_SEPARATOR.split(slashed.group("writers").strip())
        if all(_writer_with_capital_surname(name) for name in names):
            lines[index] = slashed.group("place")
            return ", ".join(" ".join(map(_turkish_name_case, n.split())) for n in names)
    return ""


def _turkish_name_case(word: str) -> str:
    """'YILDIRIM' → 'Yıldırım', 'ÇELİK' → 'Çelik' (Turkish dotted and dotless i)."""
    if not word.isupper():
        return word
    rest = word[1:].replace("I", "ı").replace("İ", "i").lower()
    return word[0] + rest


def _writer_with_capital_surname(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and len(words[-1]) >= 2
        and words[-1].isupper()
        and all(w[0].isupper() and w[1:].islower() for w in words[:-1])
    )


_AGENCY_LABEL_LINE = re.compile(r"\s*([^\W\d_][\w .-]{1,30}?)\s*:\s*$")


def _agency_line_under(lines: list[str], lookup: PlaceLookup) -> tuple[str, bool, list[str]] | None:
    """The agency a line of its own names under a dateline (`Trend:`), and the lines after."""
    for position, line in enumerate(lines[:3]):
        if not line.strip():
            continue
        label = _AGENCY_LABEL_LINE.fullmatch(line)
        if label and (agency := lookup.agency_name(label.group(1))):
            return agency, True, lines[position + 1 :]
        return None
    return None


def _credit_line_end(rest: str, lookup: PlaceLookup) -> tuple[str, str] | None:
    """The agency (and a writer) alone after a dateline on its line: (agency, writer)."""
    credit = _AGENCY_AND_WRITER.fullmatch(rest)
    agency = lookup.agency_name(credit.group(1)) if credit else None
    if not (credit and agency):
        return None
    writer = (credit.group(2) or "").split()
    named = 2 <= len(writer) <= 4 and all(word[0].isupper() for word in writer)
    return agency, " ".join(writer) if named else ""


def _web_ending(line: str, start: int) -> bool:
    """Whether the word at `start` ends a web address a page prints (`AKIPRESS.COM`)."""
    word = _LETTERS.match(line, start)
    return word is not None and word.group(0).lower() in WEB_ENDINGS


_LETTERS = re.compile(r"[A-Za-z]+")


def _menu_item(line: str) -> bool:
    """A navigation entry (`Politics`, `• World News`, `None`): a few words, no figures,
    no sentence; or a widget's value (an exchange rate `484.11`, a day `May 08`)."""
    text = line.strip(f" |*>{head.BULLETS}")
    if _WIDGET_VALUE.fullmatch(text) or (len(text) <= 12 and head.is_timestamp(text)):
        return True
    return (
        len(text) <= 25
        and len(text.split()) <= 3
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", ":", "!", "?"))
    )


# A photo's caption after its place and date (EFE's `… 14/05/2024.- Fotografía cedida
# por …`), on the same line: the words captions open with, not a lead's `Photos released …`.
_CAPTION_AFTER_DATELINE = re.compile(
    r"[ \t]*(?:(?:Fotograf[íi]as?|Fotos?|Imagen|Imágenes) (?:cedidas? |facilitadas? |de archivo|"
    r"tomadas? )|File photo|Archive photo|(?:Photo|Foto|Фото|Picture|Image)[ \t]*:)",
    re.IGNORECASE,
)
_CAPTION_WORD = re.compile(r"\b(?:Fotograf[íi]a|Foto|Photo|Picture|Imagen|Фото)\b")
_WIDGET_VALUE = re.compile(r"[+\-−]?\d{1,6}(?:[.,]\d{1,4})?\s?%?")
# A highlight over the lead (Xinhua's `-- Xi said …`, Reuters' short `* Shares fell …`):
# a paragraph, but not the lead (a page's `•` bullets may well be its lead).
_HIGHLIGHT = re.compile(r"^\s*(?:--\s+\S|\*\s+\S.{0,140}$)")


def _locate_dateline(
    lines: list[str], lookup: PlaceLookup, reference: datetime.date
) -> tuple[int, int, DatelineMatch] | None:
    """Find the dateline: at the start of one of the first lines, else inside one.

    The first line may hold a dateline of any kind that reads as one. A later one must
    name a place the gazetteer knows and be unmistakable (a date, a known agency, a city
    in capitals), or open the lead, or stand alone on its line: headlines, captions and
    sentences also start with place names.
    """
    seen = counted = paragraphs = 0
    candidates = []
    fallback: tuple[int, int, DatelineMatch] | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        counted += not _menu_item(line)  # a site's menu above the text is not its head
        if counted > HEAD_LINES or seen > MENU_LINES or paragraphs > 1:
            break
        candidates.append(index)
        lead = head.is_paragraph(line) and not _photo_caption(line) and not _HIGHLIGHT.match(line)
        paragraphs += lead  # the lead, or a standfirst before it: the search ends soon
        if head.is_byline(line):
            continue
        pair = "\n".join(lines[index : index + 2])
        match = find_dateline(pair, lookup=lookup, reference=reference)
        if match.end < len(line) and _CAPTION_AFTER_DATELINE.match(line, match.end):
            continue  # a photo's place and date: "BOGOTÁ (COLOMBIA), 14/05/2024.- Fotografía …"
        if head.is_timestamp(line):
            if match.city_id and match.printed_date and not line[match.end :].strip():
                fallback = fallback or (index, 0, match)  # "Brussels, 23 March 2018, 14:50"
            continue  # … a dateline only if no other line is one
        if not match.end and seen > 1 and (town := _town_over_lead(line, index, lines, lookup)):
            return index, 0, town  # "İstanbul" alone, then the lead (Anadolu's pages)
        if not match.end and (credit := _credit_over_lead(line, index, lines, lookup)):
            return index, 0, credit  # "EFE Lisboa" alone, then the lead (EFE's pages)
        if not match.end or _first_place(match).lower() in LABELS:
            continue  # a field label: "ФОТО : ТАСС / …", "SOURCE:"
        alone = not line[match.end :].strip()
        if alone and _CLOCK_LINE.match(next((x for x in lines[index + 1 :] if x.strip()), "")):
            continue  # a world clock's city over its time: "КИЕВ" / "01:29"
        if alone and _fuller_below(match, lines, index, lookup, reference):
            continue  # a kicker `ROMA` over `(ANSA) - ROMA, 26 FEB -`: the dateline is below
        if seen == 1 and alone and _country_only(match):
            fallback = fallback or (index, 0, match)  # "SAUDI ARABIA": a section, or a dateline
            continue
        if seen == 1 and _reads_as_dateline(match):
            return index, 0, match
        if _resolved(match) and (_unmistakable(match) or lead or alone):
            return index, 0, match
        if _caps_place(match) and (match.agency or match.printed_date):
            return index, 0, match  # "KOKSHETAU (Steppe Wire) -": a town the gazetteer lacks
        if match.agency_known and match.printed_date and match.raw.rstrip()[-1:] in "-–—":
            return index, 0, match  # "Oct. 10 (Bloomberg) --": a date and the agency, no place
    for index in candidates:
        line = lines[index]
        if found := _meta_dateline(line, lookup, reference):
            return index, *found
        starts = [m.start() for m in _INNER_START.finditer(line[:INNER_WINDOW])]
        for start in starts[:INNER_STARTS]:
            before = line[:start].rstrip()
            if _IN_SENTENCE.search(before) or _PHOTO_LABEL.search(before):
                continue  # "… in Baku, Trend reports": a place in a sentence
            if slashed_credit(line[start:]):
                continue  # "… entre las ruinas. EFE / Kiev": a photo's credit
            if before[-2:-1].isalpha() and before.endswith(".") and _web_ending(line, start):
                continue  # "AKIPRESS.COM -": a web address, not Como
            match = find_dateline(line[start:], lookup=lookup, reference=reference)
            stamped = head.is_timestamp(before) or head.has_time(before[-30:])
            if _first_place(match).lower() in LABELS:
                continue
            if match.end and _CAPTION_AFTER_DATELINE.match(line, start + match.end):
                continue  # EFE's photo code, then the photo's place and date
            captioned = _photo_caption(line) or _CAPTION_WORD.search(before)
            if match.end and not line[start + match.end :].strip() and captioned:
                continue  # a caption's closing credit: "… / Presidencia de Colombia ( EFE )"
            if match.end and _resolved(match) and (_unmistakable(match) or stamped):
                return index, start, match
        if head.is_paragraph(line) and not _photo_caption(line):
            break  # a dateline inside the lead, not in the paragraphs after it
    return fallback


_CLOCK_LINE = re.compile(r"\s*[0-2]?\d:[0-5]\d\s*$")
CLOSING_LINES = 2  # lines at the end of a text a dateline may close it from


def _closing_dateline(
    lines: list[str],
    lookup: PlaceLookup,
    reference: datetime.date,
    found: tuple[int, int, DatelineMatch] | None,
) -> tuple[int, DatelineMatch] | None:
    """The dateline some pages print alone under the text (`BEOGRAD, 15. septembra 2011.
    (Beta)`, `(طهران- د ب أ)`), naming the agency: the line and its reading, when the head
    has none or the one it found is that closing line itself (nothing follows it)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if found is not None:
        index, column, match = found
        follows = lines[index][column + match.end :].strip(" .-–—")
        headline_alone = len(filled) < 3 and not head.is_paragraph(lines[filled[0]])
        if index != filled[-1] or column or follows or headline_alone:
            return None  # the text follows the dateline; or only a headline is above it
        if not match.agency_known or _introduced(lines, filled, index):
            return None  # a letter's or a signature's place and date, quoted
        return found[0], found[2]  # nothing follows it: it closes the text
    for index in reversed(filled[-CLOSING_LINES:]):
        if not any(head.is_paragraph(lines[i]) for i in filled if i < index):
            continue  # a text, not a head alone, above it
        line = lines[index].strip()
        match = find_dateline(line, lookup=lookup, reference=reference)
        if not match.end or line[match.end :].strip(" .-–—"):
            continue
        # the agency's sign, not a place and a date alone: a quoted letter ends so
        # ("The letter ends:" / "Moscow, 12 April 1961"), and so does a signature
        if _resolved(match) and match.agency_known and not _introduced(lines, filled, index):
            return index, match
    return None


def _under_the_text(lines: list[str], found: tuple[int, int, DatelineMatch]) -> bool:
    """Whether a dateline alone on its line under a paragraph has no paragraph after it:
    what follows it is a name or nothing, so the text is the one above."""
    index, column, match = found
    if lines[index][column + match.end :].strip(" .-–—"):
        return False  # the lead goes on on the dateline's line, however short
    if not any(head.is_paragraph(line) for line in lines[:index]):
        return False
    return not any(head.is_paragraph(line) for line in lines[index + 1 :])


def _introduced(lines: list[str], filled: list[int], index: int) -> bool:
    """Whether the line above announces what follows (`The letter ends:`)."""
    above = [i for i in filled if i < index]
    return bool(above) and lines[above[-1]].rstrip().endswith(":")


def _fuller_below(
    match: DatelineMatch,
    lines: list[str],
    index: int,
    lookup: PlaceLookup,
    reference: datetime.date,
) -> bool:
    """Whether one of the next lines opens with a dateline that says more (a date or an
    agency): the place alone over it, or over the headline, is the page's kicker. The
    search stops at the first paragraph: a dateline further down opens another story."""
    following = [other for other in lines[index + 1 :] if other.strip()]
    for line in following[:KICKER_REACH]:
        below = find_dateline(line, lookup=lookup, reference=reference)
        if below.end and below.city_id and (below.printed_date or below.agency):
            return True
        if head.is_paragraph(line):
            return False
    return False


KICKER_REACH = 3  # lines under a place alone searched for the dateline it stands over


def _town_over_lead(
    line: str, index: int, lines: list[str], lookup: PlaceLookup
) -> DatelineMatch | None:
    """A city's own name alone on its line, not in capitals, right over a lead that opens
    with no dateline of its own, under a headline: Anadolu's pages print their dateline
    so (`İstanbul`). A country alone is a section's label as often (`Türkiye`), and so is
    a town over a headline, a region, or a small town's name (`Florida`, Colorado)."""
    place = line.strip()
    if not looks_like_place(place) or is_caps(place) or len(place.split()) > 3:
        return None
    if place.lower() in LABELS or lookup.country_code(place):
        return None
    following = next((other for other in lines[index + 1 :] if other.strip()), "")
    if not head.is_paragraph(following) or _photo_caption(following):
        return None
    city = lookup.find_city(place)
    if city is None or anyascii(city.name).casefold() != anyascii(place).casefold():
        return None  # "Media" is an alias of Mehdya, Morocco: not the city's own name
    large = getattr(lookup, "city_population", lambda _: 0)(city.id) >= TOWN_LINE_POPULATION
    if not large or find_dateline(following, lookup=lookup).end:
        return None
    return DatelineMatch(
        raw=place, end=len(line), city=city.name, city_id=city.id, country=city.country
    )


TOWN_LINE_POPULATION = 100_000
CREDIT_ALIAS_POPULATION = 300_000  # a city named by another name it goes by: a large one


def _credit_over_lead(
    line: str, index: int, lines: list[str], lookup: PlaceLookup
) -> DatelineMatch | None:
    """An agency's sign in capitals and a city alone on their line, right over a lead
    that opens with no dateline of its own (EFE's pages: `EFE Lisboa`, glued `EFELisboa`).
    Not a desk's or a section's banner (`EFE Salud`, `AFP Media`): the city must go by
    that name itself, or be a large one that goes by it too, and a lead must follow."""
    credit = _SPACED_CREDIT.fullmatch(line.strip())
    if credit is None or not (agency := lookup.agency_name(credit.group(1))):
        return None
    place = credit.group(2)
    following = next((other for other in lines[index + 1 :] if other.strip()), "")
    if not head.is_paragraph(following) or find_dateline(following, lookup=lookup).end:
        return None
    city = lookup.find_city(place)
    if city is None:
        return None
    own = anyascii(city.name).casefold() == anyascii(place).casefold()
    population = getattr(lookup, "city_population", lambda _: 0)(city.id)
    if not (own and population >= TOWN_LINE_POPULATION) and population < CREDIT_ALIAS_POPULATION:
        return None
    match = DatelineMatch(
        raw=line.strip(), end=len(line), city=city.name, city_id=city.id, country=city.country
    )
    match.agency, match.agency_known, match.agency_printed = agency, True, credit.group(1)
    return match


_SPACED_CREDIT = re.compile(r"([A-Z]{2,6})[ \t]+([A-Z][^\W\d_]+(?:[ \t][^\W\d_]+){0,2})")


def _photo_caption(line: str) -> bool:
    """A caption, or a line closed by a photo service's credit: no lead, however long."""
    return head.is_caption(line) or head.has_photo_credit(line)


def _country_only(match: DatelineMatch) -> bool:
    """A bare country on a line of its own: a site's section label as often as a dateline."""
    return bool(match.country) and not (match.city or match.printed_date or match.agency)


def _meta_dateline(
    line: str, lookup: PlaceLookup, reference: datetime.date
) -> tuple[int, DatelineMatch] | None:
    """Read `Headline PTI | New Delhi | Updated: 01-04-2021 21:10 IST`: an aggregator's
    meta line; the headline may run into it."""
    parts = line.split(" | ")
    if len(parts) < 3:
        return None
    for number, part in enumerate(parts[1:], start=1):
        place = part.strip()
        if not looks_like_place(place) or is_weekday(place):
            continue  # "AA | Çarşamba | 14:20": Wednesday, though a town's name too
        code = lookup.country_code(place)
        city = None if code else lookup.find_city(place)
        others = parts[:number] + parts[number + 1 :]
        if not (code or city) or not any(
            head.is_timestamp(p) or _last_words_agency(p, lookup) for p in others
        ):
            continue
        match = find_dateline(place + " –", lookup=lookup, reference=reference)
        match.raw, match.end = place, len(line)  # the rest of the meta line is head too
        column = len(" | ".join(parts[:number])) + 3
        before = parts[number - 1]
        if agency := _last_words_agency(before, lookup):
            match.agency, match.agency_known = lookup.agency_name(agency) or agency, True
            column = len(" | ".join(parts[: number - 1])) + (3 if number > 1 else 0)
            column += len(before.rstrip()) - len(agency)
        match.end -= column
        return column, match
    return None


def _last_words_agency(text: str, lookup: PlaceLookup) -> str:
    """The agency named by the last one to three words of text (`… April 5-6 PTI`)."""
    words = text.split()
    for size in (1, 2, 3):
        name = " ".join(words[-size:])
        if len(words) >= size and lookup.agency_name(name):
            return name
    return ""


def _reads_as_dateline(match: DatelineMatch) -> bool:
    """A first line's dateline: a known place, a date or agency, or a city in capitals
    (villages the gazetteer lacks) — not a label such as `SOURCE:` or `ID :`."""
    if _first_place(match).lower() in LABELS:
        return False
    if _resolved(match) or match.printed_date or match.agency_known:
        return True
    return _caps_place(match) and match.raw.rstrip()[-1:] in "-–—"  # "MOYNAQ –"


def _first_place(match: DatelineMatch) -> str:
    return _PLACE_END.split(match.raw)[0].strip(" .:-–—")


def _resolved(match: DatelineMatch) -> bool:
    """The dateline names a place the gazetteer knows (or a country)."""
    return bool(match.city_id or match.country)


def _unmistakable(match: DatelineMatch) -> bool:
    return bool(match.printed_date or match.agency_known or _caps_place(match))


def _caps_place(match: DatelineMatch) -> bool:
    place = _first_place(match)
    return len(place) >= 3 and is_caps(place) and place.lower() not in LABELS


def _split_undated(lines: list[str]) -> tuple[list[tuple[int, str]], str]:
    """With no dateline, take the head lines before the first paragraph of running text."""
    head_lines: list[tuple[int, str]] = []
    counted = 0  # lines that are neither blank nor a menu's entries (a city picker's)
    for index, line in enumerate(lines):
        if not line.strip():
            head_lines.append((index, line))
            continue
        counted += not (_menu_item(line) or _CLOCK_LINE.match(line))  # a schedule's `01:00`
        lead = head.is_paragraph(line) and not head.is_caption(line)  # a long caption
        around = [text for _, text in head_lines[-8:]] + lines[index + 1 : index + 8]
        lead = lead and not _printed_again(line, around)  # a headline printed twice
        lead = lead and not _page_title(line, around)
        if lead or counted > HEAD_LINES * 2 or len(head_lines) >= MENU_LINES * 2:
            return head_lines, "\n".join(lines[index:])
        head_lines.append((index, line))
    # Short lines only: the first line that may be a headline (not a timestamp, a prompt
    # or a one-word section name) is the headline when something follows it; the lines
    # above it are the head's.
    texts = [i for i, line in head_lines if line.strip()]
    first = next((i for i in texts if _may_be_headline(" ".join(lines[i].split()))), None)
    if first is not None and first != texts[-1] and len(lines[first]) <= MAX_HEADLINE:
        return [(i, lines[i]) for i in range(first + 1)], "\n".join(lines[first + 1 :])
    if first is not None and first > texts[0]:
        # The text itself is that line: what stands above it (a photo credit, a time) is
        # the head's, not the lead's.
        return [(i, lines[i]) for i in range(first)], "\n".join(lines[first:])
    return [], "\n".join(lines)


def _printed_again(line: str, following: list[str]) -> bool:
    """A page prints its headline twice (its title, then its heading): a long headline
    printed again a few lines off is no lead."""
    text = " ".join(line.split())
    return any(" ".join(other.split()) == text for other in following)


def _may_be_headline(line: str) -> bool:
    kind = head.classify(line)
    return kind == "text" or _short_headline(line, kind)


def _short_headline(line: str, kind: str) -> bool:
    """A short line of two words or more (`Talks end`) may be a headline; a single word
    (`National`), a label (`- Published on:`) or a menu entry (`• World News`) is the
    site's all the same."""
    text = line.strip()
    return (
        kind == "section" and " " in text and not text.endswith(":") and text[0] not in head.BULLETS
    )


_NUMBERED = re.compile(r"\d{1,2}\.\s")


def _read_head(
    head_lines: list[tuple[int, str]],
    report: ParsedReport,
    lookup: PlaceLookup,
    *,
    latin_text: bool = True,
) -> tuple[list[head.PrintedDate], int | None]:
    """Take headline, subheadline and byline from the head; return the dates it prints
    and the headline's line.

    Over a text in another script, a line in Latin letters is the site's (an ad, its
    name: `Freestudies learn English` over a Greek report) when a line in the text's
    script follows it."""
    stamps = []
    kinds: list[tuple[int, str, str]] = []
    printed = [line for _, line in head_lines]
    for index, line in head_lines:
        line = " ".join(line.split())
        if not line:
            continue
        stamps += head.stamps_in(line, index)
        if _page_title(line, printed):
            continue  # "Kicker | The headline | Patrika News" over the headline itself
        if fields := _labelled_fields(line):
            # "SOURCE: … TITLE: The headline AUTHOR: By A Writer PUBLISHER: … TEXT:"
            report.headline = report.headline or fields.get("TITLE", "")
            author = fields.get("AUTHOR", "")
            report.byline = report.byline or head.byline_name(author) or author
            continue
        signed = _SIGNED_BYLINE.match(line)
        if (
            signed
            and (agency := lookup.agency_name(_THE.sub("", signed.group("agency"))))
            and not lookup.find_city(signed.group("name"))  # "New Delhi, The …": no writer
        ):
            # "Yuri Kageyama, The Associated Press": the writer and the agency, no headline
            report.byline, report.agency = report.byline or signed.group("name"), agency
            continue
        under_headline = any(kind == "text" for _, _, kind in kinds)
        glued = _GLUED_AGENCY_BYLINE.fullmatch(line) if under_headline else None
        if glued and (agency := _glued_agency(glued, lookup)):
            # "Jack KimReuters": a page's markup lost the space between writer and agency
            report.byline, report.agency = report.byline or glued.group("name"), agency
            continue
        if under_headline and (writer := head.from_byline(line)):
            report.byline = report.byline or writer  # Bernama's "From Anas Abu Hassan"
            continue
        if head.is_caption(line) or head.has_photo_credit(line):
            # "Photo: EPA-EFE/NEIL HALL": EPA-EFE; "Photo: Reuters/John Roe": Reuters
            report.credits += caption_credits(line, known=lambda n: bool(lookup.agency_name(n)))
            report.captions.append(line)
        if credited := _stamp_credit(line, lookup):
            report.agency = report.agency or credited  # "11 janvier 2021 à 19h19 par AFP"
            continue
        line = head.strip_crumbs(head.split_leading_stamp(line))
        kind = head.classify(line)
        writer, comma, stamp = line.partition(", ")
        dated = kind == "timestamp" and comma and not report.byline and head.is_timestamp(stamp)
        if dated and _writer_alone(writer, lookup):
            report.byline = writer  # "Marina Barsoum, Saturday 6 Oct 2018"
        if kind == "text" and lookup.agency_name(_THE.sub("", line)):
            kind = "section"  # the site's banner: "The Azerbaijan State News Agency"
        if kind == "text" and _HIGHLIGHT.match(line):
            kind = "section"  # a highlight over the lead ("-- Xi said …"), not its headline
        numbered = _NUMBERED.match(line)
        if numbered and kinds and _NUMBERED.match(kinds[-1][1]):
            kind = "section"  # "3. World", "4. Talks resume": a numbered trail of links
        if kind == "text" and _heads_a_menu(index, head_lines):
            kind = "section"  # "Odaberi grad" ("choose a city") over "• Beograd", "• Niš", …
        kinds.append((index, line, kind))
    kinds = _chrome_over_menus(kinds, head_lines)
    if any(kind == "text" and not is_caps(line) for _, line, kind in kinds):
        # A line in capitals beside a headline in ordinary case is the site's banner or a
        # kicker ("TV AND RADIO COMPLEX OF THE PRESIDENT OF THE RK").
        kinds = [(i, line, "section" if is_caps(line) else kind) for i, line, kind in kinds]
    if not latin_text:
        texts = [n for n, (_, line, kind) in enumerate(kinds) if kind == "text"]
        own = [n for n in texts if not _mostly_latin(kinds[n][1])]
        kinds = [
            (i, line, "section" if own and n < own[0] and _mostly_latin(line) else kind)
            for n, (i, line, kind) in enumerate(kinds)
        ]
    if not any(kind == "text" for _, _, kind in kinds):
        # No headline-like line: the last short one ("Talks end") is the headline.
        shorts = [n for n, (_, line, kind) in enumerate(kinds) if _short_headline(line, kind)]
        if shorts:
            i, line, _ = kinds[shorts[-1]]
            kinds[shorts[-1]] = (i, line, "text")
    headline_line = None
    last = kinds[-1][0] if kinds else None
    for index, line, kind in kinds:
        alone = index == last and kind != "byline" and report.headline and not report.byline
        if alone and _writer_alone(line, lookup):
            report.byline = line.strip()  # Antara's writer on a line of his own over the text
            continue
        if kind == "byline" and not report.byline:
            # "Von dpa | 10.03.2023, 12:54 Uhr": the agency, a stamp after a bar; "By Trend
            # | Jane Doe": the agency and the writer
            first, *rest = (part.strip() for part in head.byline_name(line).split(" | "))
            if agency := _named_agency(_THE.sub("", first), lookup):
                report.agency = report.agency or agency
                writers = [part for part in rest if part and not head.is_timestamp(part)]
                report.byline = writers[0] if writers else ""
            else:
                report.byline = first
        elif kind == "text" and not report.headline and len(line) <= MAX_HEADLINE:
            headline = head.without_version_label(line)
            report.headline = _without_agency_after(headline, report, lookup)
            headline_line = index
        elif (
            kind == "text"
            and report.headline
            and not report.summary
            and not _headline_again(line, report.headline)
        ):
            report.summary = line
    report.captions = [c for c in report.captions if c not in (report.headline, report.summary)]
    return stamps, headline_line


# A page's timestamp line closed by the agency it credits: "11 janvier 2021 à 19h19 par
# AFP", "3. März 2020, 10:15 Uhr von dpa", "March 3, 2020 10:15 by Reuters".
_STAMP_CREDIT = re.compile(r"\s(?:par|by|von|por|door)\s+([^\W\d][^,|]{1,30}?)\s*$", re.IGNORECASE)


def _stamp_credit(line: str, lookup: PlaceLookup) -> str | None:
    """The agency a timestamp line credits after its date, or None."""
    found = _STAMP_CREDIT.search(line)
    if found is None or not head.is_timestamp(line[: found.start()].strip()):
        return None
    return _named_agency(found.group(1), lookup)


_AGENCY_AFTER = re.compile(r"\s+[-–—|]\s+([^-–—|]{2,40})$")


def _without_agency_after(headline: str, report: ParsedReport, lookup: PlaceLookup) -> str:
    """A headline without the agency a page prints after it (`… Says ACA D-G - Bernama`),
    which is the report's agency unless the dateline names another."""
    after = _AGENCY_AFTER.search(headline)
    agency = _named_agency(after.group(1), lookup) if after and after.start() >= 20 else None
    if after and agency:
        headline = headline[: after.start()]
        report.agency = report.agency or agency
    return headline.rstrip(".")


def _named_agency(text: str, lookup: PlaceLookup) -> str | None:
    """The agency `text` names exactly: a sign as printed (`dpa`, `Trend`), its name, or a
    word its name begins with, in its case (`Bernama`); not `map`, `report`, `Ana Ruiz`."""
    text = " ".join(text.split())
    signs = getattr(lookup, "agency_signs", None) or {}
    if text in signs:
        return signs[text][1]
    name = lookup.agency_name(text)
    if not name:
        return None
    if " " in text:  # a name of words, in any case: 'Anadolu agency'
        return name if name.casefold() == text.casefold() else None
    return name if name == text or (text[:1].isupper() and name.startswith(text)) else None


# Words of a site's sections and labels, never of a writer's name.
_SECTION_WORDS = word_set("""
    news world politics business economy sport sports opinion home latest national
    international region regional culture society health science technology asia europe
    africa americas middle east top stories headlines breaking live video photo photos
    editorial analysis feature features local city metro more
""")


def _writer_alone(line: str, lookup: PlaceLookup) -> bool:
    """A writer's name alone on the line over the text (`Andi Abdussalam`): two or three
    words in title case or a surname in capitals, no section, place or agency."""
    words = line.split()
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and len(w) >= 2 and (w.istitle() or w.isupper()) for w in words)
        and not any(w.isupper() for w in words[:-1])
        and not any(w.lower() in _SECTION_WORDS or w.lower() in ORGANIZATION_HEADS for w in words)
        and not lookup.agency_name(line.strip())
        and not lookup.find_city(line.strip())
        and not lookup.country_code(line.strip())
    )


MENU_ENTRIES = 6  # bulleted entries under a line that make it a menu's heading …
MENU_HEADING_WORDS = 4  # … when it is this short: a headline over its topics is not one


def _heads_a_menu(index: int, head_lines: list[tuple[int, str]]) -> bool:
    """Whether the lines under this one are a bulleted menu's entries (a city picker's
    `• Beograd`, `• Niš`): it is the menu's heading, however much it reads as text. A
    headline over a few topic links (`• Budget`, `• Migration`) stays the headline."""
    heading = next((line for i, line in head_lines if i == index), "")
    if len(heading.split()) > MENU_HEADING_WORDS:
        return False
    following = [line for i, line in head_lines if i > index and line.strip()][:MENU_ENTRIES]
    return len(following) == MENU_ENTRIES and all(
        line.lstrip()[:1] in head.BULLETS and _menu_item(line) for line in following
    )


def _chrome_over_menus(
    kinds: list[tuple[int, str, str]], head_lines: list[tuple[int, str]]
) -> list[tuple[int, str, str]]:
    """The lines above a site's last bulleted menu (a city picker under a settings bar),
    when a line of text follows that menu, are the site's: the report's head comes after."""
    starts = [i for i, _ in head_lines if _heads_a_menu(i, head_lines)]
    if not starts:
        return kinds
    menu = starts[-1]
    if not any(kind == "text" and i > menu for i, _, kind in kinds):
        return kinds
    return [
        (i, line, "section" if kind == "text" and i <= menu else kind) for i, line, kind in kinds
    ]


def _mostly_latin(text: str) -> bool:
    """Whether most of a text's letters are Latin (True for a text with none)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(c <= "\u024f" or "\u1e00" <= c <= "\u1eff" for c in letters)  # Vietnamese too
    return latin * 2 >= len(letters)


def _page_title(line: str, others: list[str]) -> bool:
    """A page's title: parts between bars, one of them a line the head prints alone."""
    parts = [part.strip() for part in " ".join(line.split()).split(" | ")]
    if len(parts) < 2:
        return False
    printed = {" ".join(other.split()) for other in others}
    return any(len(part) >= PAGE_TITLE_HEADLINE and part in printed for part in parts)


PAGE_TITLE_HEADLINE = 20  # characters: a headline, not a site's name


# A byline that names the writers and their agency after a comma, with no "By", as
# papers print AP's and the Canadian Press's copy: "Yuri Kageyama, The Associated Press"
# (the article tells it from a caption's "Vladimir Putin, AP").
_NAME = r"[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){1,3}"
_SIGNED_BYLINE = re.compile(
    rf"^(?:By )?(?P<name>{_NAME}(?:(?:, | and | & ){_NAME})*), (?P<agency>The [^,\n]{{2,40}})$"
)


# An archive's or a clipping service's fields on one line, labels in capitals (Johnson's
# Russia List: `SOURCE: The St. Petersburg Times DATE: … TITLE: … AUTHOR: By Robert Barr
# PUBLISHER: The Associated Press TEXT: LONDON — …`).
_FIELD_LABEL = re.compile(r"(?:^|(?<=\s))(SOURCE|DATE|TITLE|AUTHOR|PUBLISHER|TEXT)\s*:\s*")


def _labelled_fields(line: str) -> dict[str, str]:
    """The fields of a line of labelled fields, when it has a title and another field."""
    if "TITLE" not in line:
        return {}
    labels = list(_FIELD_LABEL.finditer(line))
    fields = {
        label.group(1): line[label.end() : following.start() if following else len(line)]
        for label, following in zip(labels, [*labels[1:], None], strict=True)
    }
    fields = {key: value.strip(" *") for key, value in fields.items()}
    return fields if fields.get("TITLE") and len(fields) >= 2 else {}


def _headline_again(line: str, headline: str) -> bool:
    """The headline printed again, alone or as the page's title with the site's name and
    date after it (`Headline - Yonhap, 24.09.2025`): no summary."""
    line = head.without_version_label(line).rstrip(".")
    rest = line[len(headline) :].strip() if line.startswith(headline) else None
    return rest is not None and (not rest or (rest[0] in "-–—|" and len(rest) <= PAGE_TITLE_TAIL))


PAGE_TITLE_TAIL = 50  # characters a page's title adds to the headline: the site, a date


def _trailing_stamps(lines: list[str]) -> list[head.PrintedDate]:
    """Dates of timestamp lines closing the text (`Updated: June 2, 2022`)."""
    found = []
    for index in range(max(0, len(lines) - 4), len(lines)):
        line = lines[index].strip()
        if head.is_timestamp(line):
            found += head.stamps_in(line, index)
        elif line.startswith("(") and line.endswith(")") and (dates := head.dates_in(line)):
            # a sign-off with its date: "(Xinhua News Agency February 16, 2007)"
            found += [head.PrintedDate(d.year, d.month, d.day, index) for d in dates[:1]]
    return found


def _stamps_under_lead(body: str) -> list[head.PrintedDate]:
    """The date of a timestamp line just under the lead (`October 24, 2011 6:47 by`),
    where a page prints it after the first paragraph."""
    lines = [line for line in body[:2000].split("\n") if line.strip()][1:STAMP_LINES_UNDER_LEAD]
    for line in lines:
        if head.is_timestamp(line) and (found := head.stamps_in(line, 0)):
            return found
    return []


def _lead_line(lines: list[str], headline_line: int | None) -> int:
    """The index of the first paragraph under the headline (the lead), else past the end."""
    start = -1 if headline_line is None else headline_line
    return next(
        (i for i in range(start + 1, len(lines)) if head.is_paragraph(lines[i])), len(lines)
    )


def _take_opening_stamp(body: str) -> tuple[str, list[head.PrintedDate]]:
    """Take the date and time a page runs into the start of the text
    (`13.08.2022 | 15:48 |Президент …`): the text without it, and its date."""
    first, newline, rest = body.partition("\n")
    text = head.split_leading_stamp(first)
    stamp = first[: len(first) - len(text)]
    if text == first or not head.has_time(stamp):
        return body, []
    return text + newline + rest, head.stamps_in(stamp, 0)


def _lead_stamps(lines: list[str], index: int | None) -> list[head.PrintedDate]:
    """A date with a clock time inside the first line of text (an RSS item pasted whole)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or (index is not None and index != first):
        return []
    return head.stamps_in(lines[first][:300], first) if head.has_time(lines[first][:300]) else []


def _take_lead_byline(body: str, report: ParsedReport, match: DatelineMatch) -> str:
    """Take a byline opening the lead (`By Name – Trend:`) and the agency it names."""
    found = _LEAD_BYLINE.match(body)
    if not found:
        return body
    report.byline = report.byline or found.group("name").strip()
    if not match.agency:
        match.agency = found.group("agency").strip()
    return body[found.end() :]


def _dateline_date(
    match: DatelineMatch,
    stamps: list[head.PrintedDate],
    line: int | None,
    import_date: datetime.date,
    report: ParsedReport,
    under_lead: Sequence[head.PrintedDate] = (),
    text: str = "",
    head_lines: Sequence[tuple[int, str]] = (),
    headline_line: int | None = None,
    lead_line: int = 0,
) -> datetime.date | None:
    """Date the report: the dateline's day, its year from the nearest printed date.

    A publication date that disagrees with the dateline's day gives way to it; a year
    is only taken from a date a few days away — in the head, else under the lead (a
    page's own date above a teaser is no help: `PTI Updated on: September 15, 2011`
    under it is), else in the first paragraphs of the `text` (`Бишкек, 31 июля /Кабар/`
    over `30 июля 2014 года …`), else in any line of the head (an archive page's `News on
    Cuba - June 19, 2013 PDF Print` over `HAVANA, Cuba, Jun 17 (acn)`); BBC Monitoring's
    date of its source (`12 Jul 05` over the text, or in the source line closing it) is
    read before the text's dates. With no year printed anywhere, the year comes from the
    import date, and the editor is told so.
    Without a dateline, a date printed under the headline beats one over it: a site's
    "today" in its masthead or weather widget (`06 ŞUBAT 2026` over `15.08.2021 11:32`).
    """
    near = sorted(stamps, key=lambda s: abs(s.line - (line or 0)))
    resolved = [(s, d) for s in near if (d := s.resolve(import_date))]
    if resolved and resolved[0][0].year is None:
        # a widget's `May 08` nearest, the page's `2020-05-08` further up: that day's year
        widget_day = (resolved[0][1].month, resolved[0][1].day)
        same = [
            pair for pair in resolved if pair[0].year and (pair[1].month, pair[1].day) == widget_day
        ]
        resolved = same + [pair for pair in resolved if pair not in same]
    if not match.printed_date and headline_line is not None:
        # between the headline and the lead: an "Updated:" line closing the page is no help
        under_headline = [pair for pair in resolved if headline_line < pair[0].line < lead_line]
        resolved = under_headline or resolved
    dated = [d for _, d in resolved]
    if not match.printed_date and (inside := head.dates_in(match.raw)):
        return inside[0]  # a credit's date in the dateline: "ABU DHABI, (… / WAM - 02nd May, 2021)"
    if not match.printed_date:
        if resolved and resolved[0][0].year is None:
            report.warnings.append(
                f"The page's date gives no year; {dated[0].year} was taken from the import date."
            )
        return dated[0] if dated else None
    # The dateline read its month words no date alone can tell (`20 SET`), in the
    # agency's language (`listopada`): so does this, keeping the month it found.
    parts = read_date(match.printed_date, ambiguous=True)
    if parts and match.date:
        parts = (parts[0], match.date.month, match.date.day)
    if not parts and (day := _day_alone(match.printed_date)):
        # CNA's `(中央社台北1日電)`: the day of the month alone; the page's date that day.
        return next((d for d in dated if d.day == day), match.date)
    if not parts or match.date is None:
        return match.date
    year, month, day = parts
    if year is not None:
        return match.date
    for stamp in dated:
        if found := head.nearest_year_date(month, day, stamp):
            return found
    for stamp in dated:  # a numeric date in the American order: "03/12/2009" by "March 12"
        if stamp.day <= 12 and (found := head.nearest_year_date(month, day, _swapped(stamp))):
            return found
    for printed in under_lead:
        below = printed.resolve(import_date)
        if below and (found := head.nearest_year_date(month, day, below)):
            return found
    relayed = monitoring_date("\n".join([*(line for _, line in head_lines), text]))
    if relayed and (found := head.nearest_year_date(month, day, relayed)):
        return found
    if found := _year_from_text(month, day, text, import_date):
        return found
    for _, text_line in head_lines:  # a page's date after a separator, among other words
        after = (
            _DATE_AFTER_SEPARATOR.search(text_line) if len(text_line) <= HEAD_DATE_LINE else None
        )
        for shown in head.dates_in(after.group(1)) if after else ():
            found = head.nearest_year_date(month, day, shown)
            if found and found <= shown <= import_date:
                return found
    date = infer_date(parts, import_date)
    if date:
        report.warnings.append(
            f"The dateline gives no year; {date.year} was taken from the import date."
        )
    return date


_DAY_ALONE = re.compile(f"[{CJK_NUMBER}]{{1,3}}日")


def _day_alone(printed: str) -> int | None:
    """The day a dateline prints without its month (`1日`), if that is all it prints."""
    return cjk_number(printed[:-1]) if _DAY_ALONE.fullmatch(printed) else None


HEAD_DATE_LINE = 120  # characters: a head line, not a paragraph naming other dates
# A page's date after a separator (`News on Cuba - June 19, 2013 PDF Print`), not a date
# a subhead or a related story's title names (`… after the Dec 3, 2019 disaster`).
_DATE_AFTER_SEPARATOR = re.compile(r"(?:^|\s[-–—|·•]\s)\s*(\S[^|·•]{5,30})")


def _year_from_text(
    month: int, day: int, text: str, import_date: datetime.date
) -> datetime.date | None:
    """The dateline's day in the year of a full date the text gives for the day before it
    or a few days earlier (`Бишкек, 31 июля` over `30 июля 2014 года …`) — not one on the
    very day, which an anniversary names (`MOSCOW, March 5` over `Stalin died on March 5,
    1953`), nor one later, nor one over 25 years old."""
    for mentioned in head.dates_in(text[:TEXT_DATES_WINDOW]):
        found = head.nearest_year_date(month, day, mentioned)
        if found is None or not 1 <= (found - mentioned).days <= TEXT_DATES_DAYS:
            continue
        if import_date.year - found.year <= TEXT_DATES_YEARS and found <= import_date:
            return found
    return None


# BBC Monitoring's date of a source, with a two-digit year: on a line of its own over the
# text (`12 Jul 05`) or in its closing source line (`(Source: Turan news agency, Baku, in
# English 1015 gmt 14 Mar 22)`).
_MONITORING_DATE = re.compile(
    r"(?:^|\bin [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:[0-2]\d[0-5]\d gmt )?)"
    r"(?P<day>[0-3]?\d) (?P<month>[A-Z][a-z]{2}) (?P<year>\d\d)(?:\)| via |$)",
    re.MULTILINE,
)


def monitoring_date(text: str) -> datetime.date | None:
    """The date BBC Monitoring gives its source, if the text prints one."""
    for match in _MONITORING_DATE.finditer(text):
        month = month_number(match.group("month"))
        short = int(match.group("year"))
        year = 2000 + short if short <= datetime.date.today().year % 100 else 1900 + short
        if month:
            try:
                return datetime.date(year, month, int(match.group("day")))
            except ValueError:
                continue
    return None


def _swapped(date: datetime.date) -> datetime.date:
    return datetime.date(date.year, date.day, date.month)


def filing_agency(body: str, lookup: PlaceLookup) -> str:
    """Find the agency that filed a report with no dateline agency.

    Prefers the one the text says filed it (`…, Trend reports`, `Report informs`, `a
    Kazinform correspondent reports`, `told Trend`, a sign-off line) over one it only
    cites (`according to Xinhua`); then the first agency the lead names.
    """
    mentions = getattr(lookup, "agency_mentions", None)
    if mentions is None:
        return ""
    lead_end = len(first_sentence(body, 600))
    second = first_sentence(body[lead_end:].lstrip(), 400)
    window = body[: lead_end + len(second) + 2]
    tail = body[-REUTERS_CREDITS_WINDOW:].rstrip()
    credit = _REUTERS_CREDITS.search(tail)
    reuters_credits = bool(credit and credit.end() == len(tail))  # the text's last words
    body = _without_closing_furniture(body, mentions)
    tail_start = max(0, len(body) - 200)
    plain = {(m[0], m[2]) for m in mentions(window)}  # names, not bare signs like 'Turan'
    # … unless the text says the sign reported it: "…, Mehr reported."
    plain |= {
        (start, name)
        for start, end, name in mentions(window, signs=True)
        if _SIGN_REPORTED.match(window, end)
    }
    found = [
        *mentions(window, signs=True),
        *_offset(mentions(body[tail_start:], signs=True), tail_start),
    ]
    found = _joined(body, [m for m in found if not _spelled_out_as_other(body, m[1], m[2], lookup)])
    lead_named = [(start, name) for start, _, name in found if start < lead_end]
    found = [m for m in found if not _CITED_BEFORE.search(body[max(0, m[0] - 40) : m[0]])]
    # The text opening with the agency's name and a dash: "كونا- يغادر …", "KUNA - The …".
    opening = _OPENING_AGENCY.match(body)
    if opening and (name := lookup.agency_name(opening.group(1))):
        return name
    # The strongest sign first: "Trend reports" beats "an interview with Bloomberg".
    for _start, end, name in found:
        if _FILED_AFTER.match(body[end : end + FILED_AFTER_WINDOW]):
            return name
    for start, _end, name in found:
        if start == 0 or _FILED_BEFORE.search(body[max(0, start - 40) : start]):
            return name  # what follows the dateline's dash ("РИА Новости. …"), "told Trend"
    for start, end, name in found:
        if start >= tail_start and _is_sign_off(body, start, end):
            return name
        if (
            start >= tail_start
            and head.strip_stamps(body[end:]).strip(" .,)»/\n–—-") == ""
            and _SIGN_OFF_BEFORE.search(body[max(0, start - 12) : start])
            and not _CREDIT_BEFORE.search(body[max(0, start - 12) : start])  # "Фото: Regnum"
        ):
            return name  # "… and a son. Enditem", "… China and India. (ANTARA)", "/By Trend/"
        if body[max(0, start - 4) : start] in {"By ", "By  "}:
            return name  # "By  Azertac U.S. Azeris Network …": a credit, not a citation
    # The text saying the agency reports it, where no sign-off says who filed: Hungarian
    # `írja az MTI`, Romanian `transmite AGERPRES`, Croatian `javlja Hina`, Slovene
    # `poroča STA` (Hina's and STA's own copy also says `javlja Reuters`, `poroča
    # Reuters` of what it carries from another agency, over its own sign-off).
    for start, _end, name in found:
        if _REPORTED_BY.search(body[max(0, start - 30) : start]):
            return name
    # The text saying who filed it a little further down ("…, UNN reports." closing the
    # third sentence, under a page's summary line). Not "told Reuters" there: a paper's
    # own story quotes what a source told an agency.
    for _start, end, name in mentions(body[:FILED_SAY_WINDOW]):
        if _FILED_AFTER.match(body[end : end + FILED_AFTER_WINDOW]):
            return name
    # Reuters' own closing credits: "(Reporting by …; Editing by …)".
    if reuters_credits:
        return lookup.agency_name("Reuters") or ""
    # Last, the first agency the lead names, even as a source ("…, according to VNA").
    return next(
        (
            name
            for start, name in lead_named
            if (start, name) in plain and not _in_credit(body, start)
        ),
        "",
    )


def _without_closing_furniture(body: str, mentions) -> str:
    """The text without what a page prints under it (`No comments:`, `share on:`, other
    stories' headlines, `13 hours ago`): short lines that are no sentence and name no
    agency, so that the sign-off above them (`— SPA`, `Source: IRNA`) closes the text."""
    lines = body.rstrip().split("\n")
    for _ in range(CLOSING_FURNITURE_LINES):
        last = lines[-1].strip() if lines else "x"
        prose = head.ends_sentence(last) or len(last.split()) > CLOSING_FURNITURE_WORDS
        disclaimer = bool(_WIRE_DISCLAIMER.search(last))
        if prose and len(last.split()) <= PROMPT_WORDS and _signed_above(lines, mentions):
            prose = False  # "… nicht Stellung nehmen. (APA)" over "Share if you care."
        if len(lines) < 2 or (last and not disclaimer and (prose or mentions(last, signs=True))):
            break
        lines.pop()
    return "\n".join(lines)


def _signed_above(lines: list[str], mentions) -> bool:
    """The last text line above the last line closes with an agency in brackets."""
    above = next((line.strip() for line in reversed(lines[:-1]) if line.strip()), "")
    signed = _BRACKETED_SIGN_OFF.search(above)
    return bool(signed and mentions(signed.group(0), signs=True))


_BRACKETED_SIGN_OFF = re.compile(r"\([^()\n]{2,30}\)$")
PROMPT_WORDS = 6  # a page's prompt under a signed text: "Share if you care."


def _without_wire_disclaimers(body: str) -> str:
    """The text without the notes a paper prints under the wire copy it carries (the
    report is the agency's, not the paper's), and a page's counters, copyright and
    links under it: at most the last five lines; and without links to other stories
    between its paragraphs (`Also Read | …`)."""
    if _RELATED_LINK.search(body):
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(
            line for line in body.split("\n") if not _RELATED_LINK.match(line)
        ))  # fmt: skip
    lines = body.rstrip().split("\n")
    # BelTA's "Other materials of «Topics of the day»": a list of other stories, after two
    # paragraphs of the story at least
    marks = [n for n, line in enumerate(lines) if _MORE_STORIES.match(line)]
    if marks and sum(1 for line in lines[: marks[0]] if line.strip()) >= 2:
        lines = lines[: marks[0]]
    for _ in range(5):
        if len(lines) < 2 or not _WIRE_DISCLAIMER.search(lines[-1]):
            break
        lines.pop()
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
    return "\n".join(lines)


# Where a page's list of other stories begins under the text: all of it is the page's.
_MORE_STORIES = re.compile(
    r"\s*(?:other materials of\b|(?:related|more|other|latest) (?:news|stories|articles)\s*:?\s*$)",
    re.IGNORECASE,
)

# What papers print under wire copy they carry: "This story has been published from a wire
# agency feed …", "(Except for the headline, this story has not been edited by … staff
# …)", AP's "Copyright 2024 The Associated Press. All rights reserved. This material may
# not be published …".
_WIRE_DISCLAIMER = re.compile(
    r"published from an? (?:wire agency|syndicated) feed|auto-generated from a syndicated"
    r"|has not been edited by .{1,40} staff|may not be published, broadcast, rewritten"
    r"|^the post .{3,300} appeared first on "  # a WordPress feed's footer
    # a page's counters and stamps, a copyright line, a link to the rest
    r"|^this (?:news|article|story) has been (?:read|viewed) [\d,. ]+ times(?: in total)?\W*$"
    r"|^last updated? (?:on|at)\s*:?\s*\d[\d/.:, -]*(?:[ap]\.?m\.?)?\s*$"
    r"|^copyright\s+(?:©\s*)?\d{4}\b.{0,80}\b(?:inc|ltd|llc|corporation|agency|news|press"
    r"|all rights reserved)\W*$"
    r"|^no portion of this (?:article|material|story) (?:can|may) be reproduced"
    r"|^©\s*riproduzione riservata\W*$|^\[more at https?://\S+\]$"
    r"|^photo source\s*:[^,.]{0,60}$"
    r"|^read comments\W*$|^exit mobile version\W*$|^courtesy\s*:\s*[\w.-]{2,30}\s*$"
    r"|^all rights reserved\b.{0,60}$"
    r"|^source\s*:[^.\n]{2,60}\b\d{4}\b[^.\n]{0,20}$"  # "Source: BSS May 10, 2024 13:10 UTC"
    r"|^[^\W\d_][\w .'-]{1,40} news agency\W*$",  # an agency's name alone, signing off
    re.IGNORECASE,
)


# A link to another story a page puts between paragraphs: "Also Read | Railways disband …".
_RELATED_LINK = re.compile(
    r"^\s*(?:also read|read also|read more|related)\s*\|\s", re.IGNORECASE | re.MULTILINE
)

_OPENING_AGENCY = re.compile(r"\s*([^\W\d_][\w.]{1,24})\s*(?:--|[-–—])\s")

# Reuters closes its copy with who reported, wrote and edited it, in one bracket:
# "(Reporting by Mayank Bhardwaj; editing by Malini Menon)".
_REUTERS_CREDITS = re.compile(
    r"\((?:additional )?reporting by\s[^()]{2,300}?;\s*(?:additional reporting|writing|editing)"
    r" by\s[^()]{2,300}\)",
    re.IGNORECASE,
)
REUTERS_CREDITS_WINDOW = 600

TEXT_DATES_WINDOW = 1500  # characters of text whose full dates may give the dateline its year
# … if no older than this many years: "the agency began its work on April 6, 1920" under
# "Baku. 6 April." tells of an anniversary, not of the report's year.
TEXT_DATES_YEARS = 25
TEXT_DATES_DAYS = 3  # … and only one a day to three days before the dateline's
FILED_SAY_WINDOW = 1200  # characters of text in which "X reports" names the filer
CLOSING_FURNITURE_LINES = 24
CLOSING_FURNITURE_WORDS = 16  # a longer line is text, whatever it ends with


def _joined(body: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join an agency's name and its sign printed together into one mention:
    "Emirates News Agency, WAM", "Anadolu Agency (AA)"."""
    joined: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found):
        if (
            joined
            and joined[-1][2] == name
            and _NAME_AND_SIGN.fullmatch(body[joined[-1][1] : start])
        ):
            closing = _CLOSING_PAREN.match(body, end)
            joined[-1] = (joined[-1][0], closing.end() if closing else end, name)
        else:
            joined.append((start, end, name))
    return joined


_NAME_AND_SIGN = re.compile(r"\s*[,(]?\s*")
_CLOSING_PAREN = re.compile(r"\s*\)")


def _spelled_out_as_other(body: str, end: int, name: str, lookup: PlaceLookup) -> bool:
    """An agency's letters that the text spells out as something else: "TAP (Trans
    Adriatic Pipeline)" names a pipeline, not Tunis Afrique Presse."""
    spelled = _SPELLED_OUT.match(body, end)
    agency_name = getattr(lookup, "agency_name", None)
    return bool(spelled and agency_name and agency_name(spelled.group(1)) != name)


def _in_credit(body: str, start: int) -> bool:
    """A photo credit (`Images | Emergencies Ministry/TASS`), not the report's agency."""
    return body[start - 1 : start] == "/" or bool(_CREDIT_BEFORE.search(body[:start][-60:]))


def _offset(found, by: int):
    return [(start + by, end + by, name) for start, end, name in found]


def _is_sign_off(body: str, start: int, end: int) -> bool:
    """An agency's name standing alone on the last line (`- AKIpress`, `Source: Trend`)."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    if line_end >= 0 and body[line_end:].strip():
        return False  # text follows: not the last line
    line = body[line_start:] if line_end < 0 else body[line_start:line_end]
    rest = line[: start - line_start] + line[end - line_start :]
    rest = _SIGN_OFF_EXTRAS.sub(" ", rest).strip(" -–—:()[]/.,")  # "Copyright X (…), 2017"
    return " ".join(rest.lower().split()) in _SIGN_OFF_WORDS


# What a sign-off line may add to the agency's name: its name spelled out, a year, the
# rights line ("Copyright APP (Associated Press of Pakistan), 2017. All rights reserved").
_SIGN_OFF_EXTRAS = re.compile(r"\([^()\n]{2,80}\)|\b(?:19|20)\d\d\b|all rights reserved", re.I)


# What may stand beside the agency's name on a sign-off line.
_SIGN_OFF_WORDS = {
    "", "source", "sources", "источник", "kaynak", "by", "copyright", "©",
    "based on materials from", "based on materials of", "by materials of", "по материалам",
    "по материалам агентства", "with inputs from", "inputs from", "with input from",
}  # fmt: skip


def headline_from(body: str) -> str:
    """Make a headline from the first sentence of a text (at most 120 characters)."""
    sentence = " ".join(first_sentence(body).split()).rstrip(".")
    if len(sentence) <= 120:
        return sentence
    return sentence[:120].rsplit(" ", 1)[0] + "…"
