"""People in runs of capitalised words, and the writers on a byline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ingest import russian
from ingest.candidates.cjk import CJK_NAME
from ingest.candidates.context import Context, Found, Spans, Token
from ingest.candidates.runs import is_title
from ingest.candidates.words import AGENCY_WORDS, BYLINE_MARKERS, ORGANIZATION_HEADS, TITLES

BYLINE_BEFORE = re.compile(r"(?:\b[Bb]y|©|[Ff]rom:|Автор:|Фото:)\s*$")
ARTICLE_OR_PLACE_BEFORE = re.compile(r"\b(?:[Tt]he|in|near|across|throughout|outside|inside)\s+$")
WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \u00a0]$")
WORDS = re.compile(r"[^\W\d_][\w-]*")
NAME_CLASSES = ("name", "particle", "initial", "city")
# German articles joining nouns ('Angaben der Polizei'); printed in lower case only, and
# not 'den' (Dutch: 'Joop den Uyl') nor a capital 'Der' (Armenian: 'Aram Der Hovanessian').
GERMAN_ARTICLES = frozenset({"der", "dem", "des"})  # 'Nähe des Tatorts': nouns, no name
PARTY_HEADS = frozenset({"lega", "partito", "partido", "movimento", "parti", "partei"})
# Words after a name that make it a place's (mosques, squares, streets, bridges) or an
# event's (conferences, games, championships), not a person's.
LANDMARKS = frozenset(
    {"mosque", "square", "palace", "street", "avenue", "bridge", "airport", "stadium",
     "cathedral", "church", "camii", "cami", "camisi", "köşkü", "sarayı", "meydanı",
     "meydanında", "parkı", "caddesi", "sokağı", "köprüsü", "havalimanı", "stadyumu",
     "link", "highway", "railway", "road", "canal", "pipeline", "tunnel", "dam",
     # … and an event's: 'United Nations Climate Change Conference'
     "conference", "summit", "games", "championship", "championships", "festival",
     "exhibition", "expo", "olympics", "şampiyonası"}
)  # fmt: skip
# Titles that follow what they are the title of, the person after them: Turkish `Enerji ve
# Tabii Kaynaklar Bakanı Berat Albayrak`, `Kırıkkale Belediye Başkanı`, `Kıdemli Foto
# Muhabiri`; German `Leiter Schutzpolizei` is the other way round.
TITLES_AFTER = frozenset(
    {"bakanı", "başkanı", "müdürü", "muhabiri", "sözcüsü", "yardımcısı", "valisi", "belediye",
     "sekreteri", "büyükelçisi", "başkanvekili", "danışmanı", "komutanı"}
)  # fmt: skip
INNER_HONOURS = frozenset({"tun", "seri"})
# Heads that open a body's name in other languages (the words after them are its name).
HEADS_BEFORE_NAMES = frozenset(
    {"parti", "partido", "partito", "partij", "partia", "ministerio", "ministero", "ministério",
     "ministerul", "ministerstwo", "ministarstvo", "kementerian", "consiliul", "ambasada"}
)  # fmt: skip
BYLINE_SEPARATOR = re.compile(r",|;|\band\b|&|/|、")
# What a byline names beside its writers: a desk, a role ('Foreign Desk', 'Political Editor').
NOT_WRITERS = frozenset({"editor", "editors", "desk", "bureau", "staff", "team", "newsroom"})
SYLLABLE_TITLES = frozenset({"thống", "tướng", "trưởng", "tịch"})  # Vietnamese
TITLING = ("title", "place", "org", "acronym", "common", "known")  # may stand before a name


def name_sequences(part: list[Token]) -> Iterator[tuple[int, int]]:
    """Yield [start, end) of each stretch of name-like words in a run, particles inside only."""
    index = 0
    while index < len(part):
        if part[index].cls not in NAME_CLASSES or part[index].cls == "particle":
            index += 1
            continue
        end = index
        while end < len(part) and (
            part[end].cls in NAME_CLASSES
            or _capitals_surname(part, end)
            or _inner_honour(part, end, index)
        ):
            end += 1
        while part[end - 1].cls == "particle":
            end -= 1
        yield index, end
        index = max(end, index + 1)


def _inner_honour(part: list[Token], index: int, start: int) -> bool:
    """'Najib Tun Razak': a Malaysian honour inside a name, between two of its words."""
    following = part[index + 1] if index + 1 < len(part) else None
    inside = index > start and following is not None and following.cls == "name"
    return inside and part[index].lower in INNER_HONOURS


def _capitals_surname(part: list[Token], index: int) -> bool:
    """'Anastasia MOKRENKO': a byline's surname in capitals after a first name."""
    last = index + 1 == len(part) or part[index + 1].cls not in NAME_CLASSES
    return _upper_name(part[index]) and index > 0 and part[index - 1].cls == "name" and last


def _upper_name(token: Token) -> bool:
    text = token.text
    latin = not russian.is_cyrillic(text)
    return text.isupper() and len(text) >= 4 and latin and token.cls in ("name", "acronym")


# Capitalised particles inside an Arabic name ('Abdel Fattah El Sisi', 'Mohammed bin
# Rashid Al Maktoum') join it; they do not make it longer.
INNER_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint"})


def _core(tokens: list[Token]) -> int:
    return sum(
        (t.cls in ("name", "city") or _upper_name(t)) and not (n and t.lower in INNER_PARTICLES)
        for n, t in enumerate(tokens)
    )


def names_landmark(part: list[Token], start: int, end: int) -> bool:
    """Whether part[start:end] is a place's name by its last word or the next one, not
    the start of a body's ('Suez Canal Authority', 'China State Railway Group')."""
    at = end - 1 if part[end - 1].lower in LANDMARKS else end
    if at >= len(part) or part[at].lower not in LANDMARKS:
        return False
    beyond = part[at + 1] if at + 1 < len(part) else None
    return beyond is None or beyond.cls != "org"


def person_at(part: list[Token], start: int, end: int, context: Context) -> Found | None:
    """The person named by part[start:end], if the words around say it is one."""
    tokens = part[start:end]
    following = part[end] if end < len(part) else None
    if following is not None and (
        following.cls == "org" or (end - start == 1 and following.cls != "connector")
    ):
        return None  # 'Heydar Aliyev Foundation', 'Shah Cheragh Shrine'
    if following is not None and following.cls == "title" and following.lower in TITLES_AFTER:
        return None  # Turkish puts the portfolio before the title: 'Tabii Kaynaklar Bakanı'
    after_party = start > 0 and part[start - 1].lower in PARTY_HEADS and end - start == 3
    if after_party:
        # 'Lega Nord Matteo Salvini', 'Partito Democratico Matteo Renzi': the party's
        # second word, then the person
        start, tokens = start + 1, tokens[1:]
    before = part[start - 1] if start else _title_before(part[0], context)
    heads = [n for n, t in enumerate(part[:start]) if t.lower in HEADS_BEFORE_NAMES]
    if heads and not after_party and not any(t.cls == "title" for t in part[heads[-1] + 1 : start]):
        # 'Parti Keadilan Rakyat', 'Ministerio de Asuntos Exteriores': a body's name; not
        # after its title ('AK Parti Sözcüsü Ömer Çelik', the party's spokesman)
        return None
    if before is not None and before.cls == "connector" and _body_before(part, start):
        return None  # 'Organization of Turkic States': the rest of a body's name
    printed_before = context.text[max(0, tokens[0].start - 14) : tokens[0].start]
    credited = bool(BYLINE_BEFORE.search(printed_before)) and before is None
    titled = credited or (before is not None and before.cls in TITLING)
    if not titled and ARTICLE_OR_PLACE_BEFORE.search(printed_before) and start == 0:
        return None  # 'the Nagorno Karabakh conflict', 'in South Ossetia'
    credited = credited or (before is not None and before.lower in BYLINE_MARKERS)
    if not credited and _unconfirmed_headline_name(tokens, context):
        return None
    return _person(tokens, titled, before, context)


def _title_before(token: Token, context: Context) -> Token | None:
    """The lower-case title just before a run ('director-general Aslan Aslanov'), if any."""
    match = WORD_BEFORE.search(context.text[max(0, token.start - 40) : token.start])
    if not match or match.group(1)[0].isupper() or not is_title(match.group(1)):
        return None
    start = token.start - len(match.group(0))
    return Token(match.group(1), start, start + len(match.group(1)), cls="title")


def _body_before(part: list[Token], start: int) -> bool:
    """Whether a body's head word comes before this point of the run, joined by connectors."""
    index = start - 1
    while index >= 0 and part[index].cls in ("connector", "name", "common", "place", "city"):
        index -= 1
    return index >= 0 and part[index].cls == "org"


def _unconfirmed_headline_name(tokens: list[Token], context: Context) -> bool:
    """'Kuchava Steps Down': in a headline, only names the running text prints too."""
    if not context.in_headline(tokens[0].start):
        return False
    long_words = [t for t in tokens if len(t.text) >= 4]
    # every long word printed in the text too: 'Kishida Willing' is a name and a verb
    return not long_words or not all(context.outside_headlines(t.text) for t in long_words)


def _person(
    tokens: list[Token], titled: bool, before: Token | None, context: Context
) -> Found | None:
    """Keep a name of two or three words, or one word right after a title ('President Raisi')."""
    core = _core(tokens)
    if all(t.cls in ("city", "place") for t in tokens):
        return None
    cyrillic = all(russian.is_cyrillic(t.text) for t in tokens if t.cls != "particle")
    if not cyrillic and (after := _name_after_von(tokens)):
        return after  # 'Das Treffen von Olaf Scholz'
    if _german_article_inside(tokens):
        return None  # 'Angaben der Polizei': nouns and an article, not 'Ursula von der Leyen'
    if len(tokens) == 1:
        return _one_word_person(tokens[0], before, cyrillic, context)
    initials = any(t.cls == "initial" for t in tokens)
    if core == 1 and initials and titled and tokens[-1].cls == "name":
        return _found_person(tokens)  # 'S Jaishankar', 'A. Papazian'
    # an Arabic name's chain of fathers is long: 'Hamdan bin Mohammed bin Rashid Al Maktoum'
    chain = any(t.lower in ("bin", "ibn", "bint") for t in tokens)
    chain = chain or sum(t.lower.startswith(("al-", "el-")) for t in tokens) >= 2  # Al-Sabah
    longest = 6 if chain else 3
    if core < 2 or (core > longest and not cyrillic):
        return None
    return _russian_person(tokens, titled, context) if cyrillic else _found_person(tokens)


def _name_after_von(tokens: list[Token]) -> Found | None:
    """German nouns, then 'von' and a name of two words closing the run ('Das Treffen von
    Olaf Scholz'). A name's own 'von' has one word after it ('Otto von Bismarck') or a
    particle ('von der Leyen'); a third capitalised word may be a noun ('von Olaf Scholz
    Ende Mai'), so then no name is read."""
    for index, token in enumerate(tokens[:-2]):
        after = tokens[index + 1 :]
        if token.lower == "von" and index and _core(after) == 2 and after[0].cls == "name":
            return _found_person(after)  # … and 'Die Rede von Ursula von der Leyen'
    return None


def _one_word_person(
    token: Token, before: Token | None, cyrillic: bool, context: Context
) -> Found | None:
    if before is None or before.cls != "title" or before.lower in BYLINE_MARKERS:
        return None
    if len(token.text) < 3 or token.cls != "name" or token.text.isupper():
        return None
    if before.lower in SYLLABLE_TITLES:
        return None  # 'Bộ trưởng Ngoại giao': a Vietnamese name has two syllables at least
    return _russian_surname(token, context) if cyrillic else _found_person([token])


def _german_article_inside(tokens: list[Token]) -> bool:
    """Whether a German article joins the words, not a particle after von or van, or opens
    them before an adjective ('Der Deutsche Gewerkschaftsbund'; not 'Der Hovanessian')."""
    adjective = len(tokens) > 1 and tokens[1].lower.endswith(("e", "en", "er", "es"))
    if adjective and tokens[0].text in ("Der", "Die", "Das", "Dem"):
        return True
    return any(
        t.text in GERMAN_ARTICLES and (n == 0 or tokens[n - 1].lower not in ("von", "van"))
        for n, t in enumerate(tokens)
    )


def _found_person(tokens: list[Token]) -> Found:
    text = " ".join(name_case(t.text) for t in tokens)
    return Found(text, "person", tokens[0].start, tokens[-1].end)


def name_case(word: str) -> str:
    """'MOKRENKO' → 'Mokrenko', 'CAMERON-MOORE' → 'Cameron-Moore' (bylines print surnames so)."""
    if word.isupper() and len(word) > 2:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _russian_person(tokens: list[Token], titled: bool, context: Context) -> Found | None:
    """'Сергея Лаврова' → 'Сергей Лавров'; 'Дмитрий Песков Павел Зарубин' (tags) → nothing."""
    words = [t.text for t in tokens]
    if len(words) == 4:
        return None
    if len(words) == 3 and not russian.is_patronymic(words[1]):
        words, tokens = words[1:], tokens[1:]  # 'России Сергей Лавров'
        if not (russian.first_name(words[0]) or russian.is_patronymic(words[0])):
            return None
    known = russian.first_name(words[0]) is not None
    if not (known or titled or russian.looks_like_mans_surname(words[-1])):
        return None  # 'Жители Наманганской (области)': a plural noun and an adjective
    case = _title_case_before(tokens[0], context)
    name = " ".join(russian.person_nominative(words, case))
    return Found(name, "person", tokens[0].start, tokens[-1].end)


def _russian_surname(token: Token, context: Context) -> Found | None:
    """'президент Путин', 'патриарха Кирилла': one name after a title, in the nominative."""
    known = russian.first_name(token.text)
    if known:
        name = known[0]
    elif russian.looks_like_surname(token.text):
        name = russian.person_nominative([token.text], _title_case_before(token, context))[0]
    else:
        return None  # 'президента России'
    return Found(name, "person", token.start, token.end)


def _title_case_before(token: Token, context: Context) -> str | None:
    """The case of the first title in the chain before a name ('пресс-секретарь президента РФ')."""
    words = WORDS.findall(context.text[max(0, token.start - 60) : token.start])
    case = None
    for word in reversed(words[-5:]):
        if found := (russian.title_case(word) if russian.is_cyrillic(word) else None):
            case = found
        elif word[0].islower() and word.lower() not in ("по", "и"):
            break
    return case


def byline_people(
    byline: str, position: int, known: Iterable[tuple[int, int, str]] = ()
) -> list[Found]:
    """'Aynur Ekiz', 'Junko Fujita and Kentaro Sugiyama', 'Anastasia MOKRENKO', '賴于榛、葉素萍':
    the writers, each at its own place past the text's end (`position` on). `known` are the
    registry's matches in the byline (places, agencies): 'By Jane Doe, New York' names one."""
    spans = Spans(list(known))
    names, offset = [], 0
    for piece in BYLINE_SEPARATOR.split(byline):
        start = byline.find(piece, offset)
        offset = start + len(piece)
        end = start + len(piece.rstrip())
        start += len(piece) - len(piece.lstrip())
        if spans.covering(start, end) in ("country", "city"):
            continue  # 'Jane Doe, New York'; but 'Anas Abu Hassan' (Hassan, a town)
        bodies = [s for s, e, kind in spans.spans if s < end and e > start and kind not in
                  ("country", "city")]  # fmt: skip
        if bodies:  # 'Reuters Breakingviews', 'JOSH BOAK Associated Press'
            piece = byline[start : min(bodies)]
        if CJK_NAME.fullmatch(piece.strip()):
            names.append(piece.strip())  # '賴于榛'
            continue
        words = piece.split()
        outlet = next((n for n, w in enumerate(words) if w.lower() in AGENCY_WORDS), None)
        if outlet is not None:  # 'JOSH BOAK Associated Press': the writer before the outlet
            words = words[:2] if outlet >= 3 else []
        lowered = {w.lower().rstrip(".") for w in words}
        named = 2 <= len(words) <= 4 and all(w[0].isupper() for w in words)
        if named and not lowered & (TITLES | ORGANIZATION_HEADS.keys() | NOT_WRITERS):
            names.append(" ".join(name_case(w) for w in words))
    return [Found(name, "person", position + n, position + n) for n, name in enumerate(names)]
