"""Case forms of Russian place names: "в Армении" and "из Казахстана" match their registry names.

Russian declines nouns: a registry that knows only the nominative would miss
most mentions. This covers the regular patterns of single nouns and of
adjective + noun names ('Российская Федерация' → 'Российской Федерации').
"""

from __future__ import annotations

import re
from functools import lru_cache

_VELAR_OR_HUSHING = set("гкхжшчщ")
_INDECLINABLE_ENDINGS = ("о", "е", "и", "у", "ю", "э", "ы")
_VOWELS = set("аеёиоуыэюя")


def noun_forms(word: str) -> list[str]:
    """Return the oblique case forms of a regular Russian noun (nominative excluded)."""
    lower = word.lower()
    if len(word) < 3 or lower.endswith(_INDECLINABLE_ENDINGS) or word.isupper():
        return []  # an abbreviation ("США", "КНДР") is not declined
    if lower.endswith("ия"):
        stem = word[:-2]
        return [stem + "ии", stem + "ию", stem + "ией"]
    if lower.endswith("я"):
        stem = word[:-1]
        return [stem + "и", stem + "е", stem + "ю", stem + "ей"]
    if lower.endswith("а"):
        stem = word[:-1]
        if stem[-1:].lower() in _VOWELS:
            return []  # "Самоа", "Никарагуа": a foreign name on a vowel does not decline
        genitive = "и" if stem[-1:].lower() in _VELAR_OR_HUSHING else "ы"
        return [stem + genitive, stem + "е", stem + "у", stem + "ой"]
    if lower.endswith("ь"):
        stem = word[:-1]
        return [stem + "и", stem + "ью"]
    if lower.endswith("й"):
        stem = word[:-1]
        return [stem + "я", stem + "ю", stem + "е", stem + "ем"]
    if lower[-1:].isalpha():
        return [word + "а", word + "у", word + "е", word + "ом"]
    return []


def adjective_forms(word: str) -> list[str]:
    """Return the oblique forms of a feminine adjective ('Российская' → 'Российской', …)."""
    if word.lower().endswith("ая"):
        stem = word[:-2]
        return [stem + "ой", stem + "ую"]
    return []


_ADJECTIVE_ENDINGS = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")


def adjective_declension(word: str) -> list[str]:
    """Return every form of a '-ский' adjective and its compound stem ('российский' →
    'российского', 'российская', …, 'российско-'), [] for any other word."""
    if not word.endswith(("ский", "цкий")):
        return []
    stem = word[:-2]
    return [stem + ending for ending in _ADJECTIVE_ENDINGS] + [stem + "о"]


@lru_cache(maxsize=65536)  # every registry build declines the same names again
def russian_forms(name: str) -> tuple[str, ...]:
    """Return declined forms of a Cyrillic place name; () for names it cannot decline."""
    return tuple(_russian_forms(name))


def _russian_forms(name: str) -> list[str]:
    if not any("а" <= c.lower() <= "я" or c in "ёЁ" for c in name):
        return []
    words = name.split()
    if len(words) == 1:
        return noun_forms(name)
    if len(words) == 2 and adjective_forms(words[0]):
        adjectives = adjective_forms(words[0])
        nouns = noun_forms(words[1])
        # genitive/dative/prepositional share -ой; accusative -ую; instrumental -ой
        pairs = [(adjectives[0], n) for n in nouns if not n.endswith(("ю", "у"))]
        pairs += [(adjectives[1], n) for n in nouns if n.endswith(("ю", "у"))]
        return [f"{a} {n}" for a, n in pairs]
    first, rest = words[0], " ".join(words[1:])
    return [f"{form} {rest}" for form in noun_forms(first)]  # 'Республика Казахстан'


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- people's names ------------------------------------------------------------
#
# Russian copy declines names too: "встреча с Касым-Жомартом Токаевым". Editors want the
# nominative ("Касым-Жомарт Токаев"). Men's names decline by a few regular patterns; the
# case is read from the first name when it is a known one (reliable), else from a title
# before the name ("президента США Дональда Трампа"), else from a surname ending that
# only one case has ("Лавровым"). When none of these settles it, the printed form stays.

MALE_FIRST_NAMES = _words(
    """
    Абдулазиз Абдулла Авигдор Алекс Александр Алексей Али Алиджан Алихан Алмазбек Анатолий
    Андрей Антон Антониу Аркадий Арман Арсен Артем Артём Артур Аскар Ахмад Ахмед Бакытжан
    Барак Бахтиёр Бенджамин Бидзина Болат Борис Вадим Валентин Валерий Василий Виктор Виталий
    Владимир Владислав Володимир Вячеслав Гавриил Гейдар Геннадий Георгий Глеб Григорий
    Гурбангулы Давид Даниил Денис Джейхун Джо Джозеф Дмитрий Дональд Евгений Егор Ерлан
    Жапар Зураб Иван Игорь Ильхам Илья Ираклий Ислам Кайрат Карен Касым-Жомарт Кирилл Константин
    Лев Леонид Максим Марат Марк Махмуд Мевлют Михаил Мурат Мухаммед Мухаммад
    Нарендра Никита Никол Николай Нурсултан Олаф Олег Павел Петр Пётр Рамзан Реджеп Роберт
    Роман Руслан Рустам Садыр Сергей Серж Сердар Си Синдзо Сооронбай Станислав Степан Тимур
    Уильям Фёдор Федор Фумио Хакан Хасан Хусейн Шавкат Эдуард Эльмар Эммануэль Эмомали Юрий
    Яков Ярослав
    """
)
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")
_FLEETING_VOWEL = {"Павел": "Павл", "Лев": "Льв", "Пётр": "Петр"}
_VOWELS = set("аеёиоуыэюя")
_INDECLINABLE_SURNAMES = ("заде", "дзе", "енко", "швили", "о", "и", "э")
CASES = ("nom", "gen", "dat", "ins", "pre")
# Title words whose ending tells the case of the name after them; stems without endings.
_TITLE_STEMS = (
    "президент", "министр", "премьер", "секретар", "помощник", "председател", "советник",
    "представител", "лидер", "патриарх", "спикер", "директор", "руководител", "губернатор",
    "мэр", "генсек", "канцлер", "депутат", "сенатор", "заместител", "начальник", "генерал",
    "полковник", "посланник", "коллег", "аятолл", "шейх", "эмир", "принц", "корол", "омбудсмен",
    "прокурор", "вице-президент", "вице-премьер", "госсекретар", "замминистр", "посол", "посл",
    "глав", "замглав", "фотограф", "корреспондент", "журналист", "автор", "эксперт",
)  # fmt: skip
_TITLE_ENDINGS = {
    "": "nom", "ь": "nom", "а": "gen", "я": "gen", "у": "dat", "ю": "dat", "ом": "ins",
    "ем": "ins", "ём": "ins", "е": "pre", "ы": "nom", "и": "nom", "ов": "gen", "ей": "gen",
    "ам": "dat", "ям": "dat", "ами": "ins", "ями": "ins", "ах": "pre", "ях": "pre",
}  # fmt: skip
_GLAVA_ENDINGS = {"а": "nom", "ы": "gen", "е": "dat", "у": "nom", "ой": "ins"}


def is_cyrillic(word: str) -> bool:
    """Return whether a word is written in Cyrillic letters."""
    return bool(_CYRILLIC.search(word))


def is_title(word: str) -> bool:
    """Return whether a Cyrillic word is a title or role ('президента', 'Пресс-секретарь')."""
    return is_cyrillic(word) and title_case(word) is not None


def title_case(word: str) -> str | None:
    """Return the case a Russian title word is in ('президента' → 'gen'), None if no title."""
    part = word.lower().rsplit("-", 1)[-1] if not word.lower().startswith("вице-") else word
    part = part.lower()
    for stem in _TITLE_STEMS:
        if part.startswith(stem):
            ending = part[len(stem) :]
            if stem in ("глав", "замглав"):
                return _GLAVA_ENDINGS.get(ending) if stem == "глав" else "nom"
            if stem == "посл":  # 'посла', 'послу'; 'после' is 'after'
                return {"а": "gen", "у": "dat", "ом": "ins"}.get(ending)
            return _TITLE_ENDINGS.get(ending)
    return None


def _first_name_forms() -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for name in MALE_FIRST_NAMES:
        forms[name] = (name, "nom" if name[-1] not in _VOWELS else "")
        stem = _FLEETING_VOWEL.get(name, name)
        last = name[-1].lower()
        if last in "йь":
            endings = {"gen": "я", "dat": "ю", "ins": "ем", "pre": "е"}
            stem = name[:-1]
        elif last in "ая":
            endings = {"gen": "ы" if last == "а" else "и", "dat": "е", "ins": "ой", "pre": "е"}
            stem = name[:-1]
        elif last in _VOWELS:
            continue  # Джо, Си, Синдзо: not declined
        else:
            endings = {"gen": "а", "dat": "у", "ins": "ом", "pre": "е"}
        for case, ending in endings.items():
            forms.setdefault(stem + ending, (name, case))
    return forms


_FIRST_NAME_FORMS = _first_name_forms()


# Central Asian men's names built on a title ('Омурбек', 'Нурсултан', 'Алишер'):
# in an oblique case when the title takes an ending ('Омурбека', 'Нурбеку').
_TITLED_NAME_CASE = re.compile(r"^([А-ЯЁ][а-яё]{2,}(?:бек|хан|жан|шер))(а|у|ом|е)$")
_CASE_OF_ENDING = {"а": "gen", "у": "dat", "ом": "ins", "е": "pre"}


def first_name(word: str) -> tuple[str, str] | None:
    """Return (nominative, case) of a known man's first name in any case, else None."""
    known = _FIRST_NAME_FORMS.get(word)
    if known is None and (titled := _TITLED_NAME_CASE.match(word)):
        return titled.group(1), _CASE_OF_ENDING[titled.group(2)]
    return known


_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "енко", "ук", "юк", "ич", "ян",
    "янц", "дзе", "швили", "ли", "заде", "бек", "ова", "ева", "ёва", "ина", "ына", "ская",
    "цкая", "ий", "ый",
)  # fmt: skip


def looks_like_surname(word: str) -> bool:
    """Return whether a Cyrillic word has a surname's ending in some case ('Лаврова')."""
    lower = word.lower()
    return any(_surname_nominative(lower, case).endswith(_SURNAME_ENDINGS) for case in CASES)


def _surname_case(word: str) -> str | None:
    """Return the case a surname's ending alone settles, else None ('Лавровым' → 'ins')."""
    lower = word.lower()
    if lower.endswith(("овым", "евым", "ёвым", "иным", "ыным", "ским", "цким")):
        return "ins"
    if lower.endswith(("ове", "еве", "ине")) and not lower.endswith("ние"):
        return "pre"
    if lower.endswith(("ского", "цкого")):
        return "gen"
    if lower.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
        return "nom"
    return None


def _restore_soft(stem: str) -> str:
    """'Серге' → 'Сергей', 'Игор' → 'Игорь': й after a vowel, ь after a consonant."""
    return stem + ("й" if stem[-1:].lower() in _VOWELS else "ь")


def _surname_nominative(word: str, case: str) -> str:
    lower = word.lower()
    if case == "nom" or lower.endswith(_INDECLINABLE_SURNAMES):
        return word
    if lower.endswith(("ого", "его")) and case == "gen":
        stem = word[:-3]
        return stem + ("ий" if lower.endswith("его") or stem[-1:].lower() in "кгхжшчщ" else "ый")
    if lower.endswith(("ым", "им")) and case == "ins":
        stem = word[:-2]
        if lower.endswith(("овым", "евым", "ёвым", "иным", "ыным")):
            return stem
        return stem + ("ий" if lower.endswith("им") else "ый")
    endings = {"gen": ("а", "я"), "dat": ("у", "ю"), "ins": ("ом", "ем"), "pre": ("е",)}
    for ending in endings.get(case, ()):
        if lower.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if ending in ("я", "ю", "ем"):
                return _restore_soft(stem)
            return stem
    return word


def person_nominative(words: list[str], title: str | None = None) -> list[str]:
    """Return a Cyrillic man's name in the nominative when its case can be told, else as printed.

    `title` is the case of a title word just before the name, if any ('президента' → 'gen').
    """
    known = first_name(words[0]) if len(words) >= 2 else None
    case = known[1] if known and known[1] else None
    if case is None:
        case = _surname_case(words[-1]) or title
    if case is None or case == "nom":
        return list(words)
    if not known and _looks_feminine(words):
        return list(words)
    result = [known[0] if known else _surname_nominative(words[0], case)]
    for word in words[1:]:
        if word.lower().endswith(("вича", "вичу", "вичем", "виче")):  # patronymic
            result.append(word[: word.lower().rindex("вич") + 3])
        else:
            result.append(_surname_nominative(word, case))
    return result


def _looks_feminine(words: list[str]) -> bool:
    """'Марии Захаровой', 'Мария Захарова': a woman's name, left as printed."""
    last = words[-1].lower()
    return last.endswith(("овой", "евой", "иной", "ской", "овна", "евна", "ична")) or (
        last.endswith(("ова", "ева", "ина", "ская")) and first_name(words[0]) is None
    )


def is_patronymic(word: str) -> bool:
    """Return whether a word is a patronymic in any case ('Владимирович', 'Сергеевны')."""
    return any(s in word.lower() for s in ("ович", "евич", "овна", "евна", "ична", "инич"))


def looks_like_mans_surname(word: str) -> bool:
    """Return whether a word is plainly a man's surname ('Лаврова'; not 'Наманганской')."""
    return bool(_MANS_SURNAME.search(word))


_MANS_SURNAME = re.compile(r"(?:[оеё]в|[иы]н)(?:а|у|ым|е)?$|(?:ян|янц|дзе|швили|енко|заде)$")


# -- bodies, months and ordinary words in Russian copy ------------------------------------

# Head words of bodies' names by stem, with their nominative and the kind of body.
_BODY_HEADS = {
    "министерств": ("Министерство", "government"), "посольств": ("Посольство", "government"),
    "правительств": ("Правительство", "government"),
    "администраци": ("Администрация", "government"), "комитет": ("Комитет", "government"),
    "комисси": ("Комиссия", "government"), "совет": ("Совет", "other"),
    "служб": ("Служба", "government"), "агентств": ("Агентство", "government"),
    "управлени": ("Управление", "government"), "департамент": ("Департамент", "government"),
    "прокуратур": ("Прокуратура", "government"), "центр": ("Центр", "other"),
    "фонд": ("Фонд", "ngo"), "банк": ("Банк", "company"),
    "университет": ("Университет", "other"), "институт": ("Институт", "other"),
    "академи": ("Академия", "other"), "организаци": ("Организация", "other"),
    "ассоциаци": ("Ассоциация", "ngo"), "союз": ("Союз", "other"), "парти": ("Партия", "other"),
    "компани": ("Компания", "company"), "корпораци": ("Корпорация", "company"),
    "палат": ("Палата", "government"), "собрани": ("Собрание", "government"),
    "музе": ("Музей", "other"), "театр": ("Театр", "other"),
}  # fmt: skip
# Bodies named by one word, in every case ('в Кремле' → 'Кремль').
_INSTITUTIONS = {
    **dict.fromkeys(("кремль", "кремля", "кремлю", "кремлем", "кремлём", "кремле"), "Кремль"),
    **dict.fromkeys(("акорда", "акорды", "акорде", "акорду", "акордой"), "Акорда"),
    **dict.fromkeys(("госдума", "госдумы", "госдуме", "госдуму", "госдумой"), "Госдума"),
}
_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр",
                "октябр", "ноябр", "декабр")  # fmt: skip
_VERB_ENDINGS = ("ет", "ит", "ут", "ют", "ал", "ил", "ла", "ли", "ло", "ся", "сь", "ат")
STOP_WORDS = _words("""
    в во на по с со к ко о об из за для при от до как что это этот эта эти так также но а и
    у он она они мы я его ее её их там тут здесь сейчас сегодня вчера ранее позже однако
    кроме между после перед не ни все всё каждый этом том
""")


def body_head(word: str) -> tuple[str, str] | None:
    """Return (nominative, kind) when a capitalised word heads a body's name ('Министерстве')."""
    lower = word.lower()
    if not word[:1].isupper() or not is_cyrillic(word):
        return None
    for stem, head in _BODY_HEADS.items():
        if lower.startswith(stem) and len(lower) - len(stem) <= 3:
            return head
    return None


def institution(word: str) -> str | None:
    """Return the nominative of a body named by one word in any case ('Кремля' → 'Кремль')."""
    return _INSTITUTIONS.get(word.lower()) if word[:1].isupper() else None


def is_month(lower: str) -> bool:
    """Return whether a lower-case word is a month in any case ('сентября')."""
    if lower in ("май", "мая", "мае"):
        return True
    return any(lower.startswith(stem) and len(lower) - len(stem) <= 2 for stem in _MONTH_STEMS)


def is_verb_like(word: str) -> bool:
    """Return whether a lower-case word ends like a verb ('заявил', 'состоится')."""
    return word.endswith(_VERB_ENDINGS)


# -- other Slavic languages' country names ----------------------------------------
#
# Polish, Czech, Slovak, Croatian, Slovene and Serbian copy declines a country's name as
# Russian does, with other endings: "prezydent Ukrainy", "u Hrvatskoj", "z Ruska",
# "Президент України". The endings below cover the cases of the common patterns
# (feminine -a/-ja, neuter -o, masculine consonant, Ukrainian -а/-ія/-й); irregular
# plurals ("Niemcy") and consonant changes ("Polsce") are left out.
_LATIN_ENDINGS = {
    "a": ("y", "i", "e", "ě", "ie", "ę", "ą", "u", "ou", "om", "oj"),
    "o": ("a", "u", "e", "ě", "ie", "em", "om"),
    "": ("a", "u", "e", "ie", "em", "om", "owi"),
}
_UKRAINIAN_ENDINGS = {
    "ія": ("ії", "ію", "ією"),
    "я": ("і", "ю", "ею"),
    "а": ("и", "і", "у", "ою", "ею"),
    "й": ("ю", "ї", "єм"),
    "": ("у", "і", "ом", "а"),
}


def slavic_forms(name: str, language: str) -> list[str]:
    """The declined forms of a one-word country name in a Slavic language other than
    Russian ("Ukraina" → "Ukrainy", "Ukrainie", …; "Україна" → "України", …)."""
    if " " in name or len(name) < 4:
        return []
    if language == "uk":
        for ending, endings in _UKRAINIAN_ENDINGS.items():
            if name.endswith(ending) and (ending or name[-1] not in "аеєиіїоуюяь"):
                stem = name[: len(name) - len(ending)] if ending != "ія" else name[:-2]
                return [stem + e for e in endings]
        return []
    last = name[-1]
    if last in "ao":
        return [name[:-1] + e for e in _LATIN_ENDINGS[last]]
    if last.isalpha() and last not in "eiuyě":
        return [name + e for e in _LATIN_ENDINGS[""]]
    return []
