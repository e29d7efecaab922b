"""People and bodies Arabic and Persian copy names, where no capitals mark a name.

Arabic puts the title first (`وزير الخارجية برونو رودريغيز`, `الرئيس الكوبي، ميغيل دياز
كانيل`): a name is the two or three words after the title and what qualifies it (the
portfolio, a nationality, `باسم …`, "on behalf of"). Persian puts it after the name
(`مرضیه افخم سخنگوی وزارت امور خارجه`, `مسعود پزشکیان رئیس جمهور`): a name is the two
words before the title. A body is its head word and the words of its name after it
(`وزارة الخارجية`, `وزارت امور خارجه`, `سازمان ملل متحد`), a one-letter clitic taken off
(`لوزارة` is "of the ministry").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.candidates.context import Context, Found
from ingest.candidates.words import word_set

ARABIC_LETTERS = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff"
WORD = re.compile(f"[{ARABIC_LETTERS}\u064b-\u0652\u0670\u200c]+")
BREAK = re.compile(r"[،,.:;؛!?؟«»\"()\[\]\n]")


# Arabic titles a name follows, and the words between them and the name.
ARABIC_TITLES = word_set("""
    الرئيس رئيس وزير وزيرة الوزير المتحدث المتحدثة الناطق الناطقة الملك الأمير الشيخ
    السفير سفير السفيرة نائب الأمين المبعوث المستشار القائد اللواء العميد العقيد الجنرال
    المرشد السلطان ولي
""")
ARABIC_QUALIFIERS = word_set("باسم العام العهد الوزراء الجمهورية")
# Persian titles a name comes before (`سخنگوی` "spokesman of", `معاون` "deputy").
PERSIAN_TITLES = word_set("""
    سخنگوی سخنگو رئیس وزیر معاون سفیر نماینده دبیر فرمانده رهبر مشاور استاندار شهردار
    دادستان رئیسجمهور
""")
# Words that end a name: function words, time words, verbs of saying.
STOP_WORDS = word_set("""
    في على من إلى الى عن مع و أو أن إن لا لم لن قد لقد كما بعد قبل خلال حول يوم أمس اليوم
    غدا صباح مساء الذي التي الذين عبر منذ بين لدى عند هذا هذه ذلك تلك هو هي قال قالت أكد
    أكدت أعلن أعلنت وأكد وقال وأضاف أضاف أوضح أوضحت بحسب حسب يزور زار يلتقي التقى يستقبل
    استقبل يبحث بحث أجرى يجري دعا يدعو وصل يصل غادر يغادر شارك يشارك ترأس يترأس يرأس
    أشاد يشيد طالب يطالب اعتبر يعتبر يهنئ هنأ يبعث بعث يتلقى تلقى يعزي عزى يصدر أصدر
    برقية تهنئة اتصالا هاتفيا دولة شؤون حكومة وزراء جمهورية مجلس
    در به از با که و یا را این آن است بود شد کرد گفت گفته برای تا هم نیز اما ولی روز امروز
    دیروز صبح عصر شب پس پیش بر درباره کشورمان ما ایشان وی او خود اول دوم هفته ماه سال
    گذشته آینده طبق اعلام
""")
# (not حركة "movement", صندوق "box", جبهة "front", بنك, شركة, وكالة: ordinary nouns as often)
ARABIC_HEADS = word_set("وزارة منظمة مجلس حزب جامعة هيئة اتحاد")
# (not شرکت, also "taking part", صندوق "ballot box", بانک)
PERSIAN_HEADS = word_set("وزارت سازمان مجلس حزب دانشگاه اتحادیه خبرگزاری بنیاد ستاد شورای")
CLITICS = ("ل", "ب", "و", "ف", "ك")
PERSIAN_LETTERS = frozenset("پچژگکی")
URDU_LETTERS = frozenset("ےۓہھٹڈڑں")


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    after_mark: str  # the punctuation between this word and the one before, if any
    place: bool = False  # a place the registry knows


def arabic_script_names(context: Context) -> Iterator[Found]:
    """The people and bodies an Arabic or Persian text names by title or head word."""
    text = context.text
    if not re.search(f"[{ARABIC_LETTERS}]", text):
        return
    if any(letter in URDU_LETTERS for letter in text[:2000]):
        return  # Urdu: its titles and words are not Persian's
    words = _read_words(text)
    for word in words:
        if context.places.covering(word.start, word.end):
            word.place = True  # 'مصر', 'نیویورک': no part of a name
    persian = any(letter in PERSIAN_LETTERS for word in words[:400] for letter in word.text)
    yield from _bodies(words, PERSIAN_HEADS if persian else ARABIC_HEADS, persian)
    yield from _persian_people(words) if persian else _arabic_people(words)


def _read_words(text: str) -> list[Word]:
    words: list[Word] = []
    previous_end = 0
    for match in WORD.finditer(text):
        between = text[previous_end : match.start()]
        mark = next((c for c in between if BREAK.match(c)), "")
        words.append(Word(match.group(0), match.start(), match.end(), mark))
        previous_end = match.end()
    return words


def _name_word(word: Word) -> bool:
    text = word.text
    ordinary = text in STOP_WORDS or text.startswith(("ال", "وال"))
    return not ordinary and not word.place and len(text) >= 2


def _arabic_people(words: list[Word]) -> Iterator[Found]:
    """Names after a title and its qualifiers; a comma may stand before the name
    (`الرئيس الكوبي، ميغيل دياز كانيل،`)."""
    for index, word in enumerate(words):
        if word.text not in ARABIC_TITLES:
            continue
        position = index + 1
        while (
            position < len(words)
            and not words[position].after_mark
            and (words[position].text.startswith("ال") or words[position].text in ARABIC_QUALIFIERS)
        ):
            position += 1  # the portfolio, a nationality: 'الخارجية', 'الكوبي', 'باسم'
        if position < len(words) and words[position].after_mark not in ("", "،", ","):
            continue
        if found := _name_at(words[position : position + 3]):
            yield found


def _name_at(words: list[Word]) -> Found | None:
    """The name of two or three words at the start of `words`, if it is one: never a
    title, never the start of a chain of nouns (`رئيس وزراء جمهورية الهند`)."""
    size = 0
    while (
        size < len(words) and _name_word(words[size]) and (not size or not words[size].after_mark)
    ):
        size += 1
    if size < 2 or any(w.text in ARABIC_TITLES for w in words[:size]):
        return None
    following = words[size] if size < len(words) else None
    if following is not None and not following.after_mark and following.text.startswith("ال"):
        return None
    name = " ".join(w.text for w in words[:size])
    return Found(name, "person", words[0].start, words[size - 1].end)


def _persian_people(words: list[Word]) -> Iterator[Found]:
    """Names of two words before a title, opening a clause: `، مرضیه افخم سخنگوی …`."""
    for index, word in enumerate(words):
        if word.text not in PERSIAN_TITLES or index < 2 or word.after_mark:
            continue
        first, second = words[index - 2], words[index - 1]
        if second.after_mark or not all(
            _name_word(w) and w.text not in PERSIAN_TITLES for w in (first, second)
        ):
            continue
        if not (index == 2 or first.after_mark):
            continue  # 'امروز برنامه سفر رئیس جمهور' ("today the president's trip's plan")
        yield Found(f"{first.text} {second.text}", "person", first.start, second.end)


def _bodies(words: list[Word], heads: frozenset[str], persian: bool) -> Iterator[Found]:
    """A head word and the words of the body's name after it (Arabic: those with `ال`)."""
    for index, word in enumerate(words):
        head = _without_clitic(word.text, heads)
        if not head:
            continue
        rest: list[Word] = []
        for following in words[index + 1 : index + 4]:
            if following.after_mark or following.text in STOP_WORDS:
                break
            if not persian and not following.text.startswith("ال"):
                break
            if len(rest) == (2 if persian else 3):
                break
            rest.append(following)
        if rest:
            start = word.end - len(head)
            kind = "government" if head in ("وزارة", "وزارت") else "other"
            name = " ".join([head, *(w.text for w in rest)])
            yield Found(name, "organization", start, rest[-1].end, kind)


def _without_clitic(word: str, heads: frozenset[str]) -> str:
    """The head word a word is, or holds after a one-letter clitic (`لوزارة`), or ''."""
    if word in heads:
        return word
    if len(word) > 3 and word[0] in CLITICS and word[1:] in heads:
        return word[1:]
    return ""
