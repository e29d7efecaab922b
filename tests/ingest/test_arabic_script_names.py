"""People and bodies in Arabic and Persian copy, where no capitals mark a name: after an
Arabic title, before a Persian one, and a body by its head word. The texts are written
for these tests."""

import pytest

from ingest.candidates import find_candidates
from ingest.tagger import suggest_tags

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


def offered(text: str) -> dict[str, str]:
    return {c.text: c.kind for c in find_candidates(f"عنوان\n\n{text}")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وترأس الاجتماع وزير الخارجية برونو رودريغيز، بحسب الموقع.", "برونو رودريغيز"),
        ("حضر الرئيس الكوبي، ميغيل دياز كانيل، الاجتماع السنوي.", "ميغيل دياز كانيل"),
        ("أكدت المتحدثة باسم الخارجية مرضية أفخم أمس أن المفاوضات مستمرة.", "مرضية أفخم"),
    ],
)
def test_an_arabic_name_after_its_title_is_offered(text, name):
    assert offered(text).get(name) == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("به گزارش خبرگزاری، مرضیه افخم سخنگوی وزارت امور خارجه گفت که مذاکرات ادامه دارد.", "مرضیه افخم"),
        ("مسعود پزشکیان رئیس جمهور کشورمان وارد نیویورک شد.", "مسعود پزشکیان"),
    ],
)  # fmt: skip
def test_a_persian_name_before_its_title_is_offered(text, name):
    assert offered(text).get(name) == "person"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("حضر الرئيس الاجتماع السنوي لوزارة الخارجية الذي ناقش العمل.", "وزارة الخارجية"),
        ("دعا مجلس الأمن الدولي إلى وقف القتال.", "مجلس الأمن الدولي"),
        ("سخنگوی وزارت امور خارجه گفت که مذاکرات ادامه دارد.", "وزارت امور خارجه"),
        ("او در مجمع عمومی سازمان ملل متحد و نشست های دیگر شرکت کرد.", "سازمان ملل متحد"),
    ],
)
def test_a_body_is_offered_by_its_head_word_without_a_clitic(text, body):
    assert offered(text).get(body) == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس إن المحادثات ستستمر حتى نهاية الشهر.",  # a verb after the title
        "وزير الخارجية في حكومة البلاد لم يعلق.",
        "وقالت الوزارة إن الاجتماع تأجل.",
        "امروز برنامه سفر رئیس جمهور به نیویورک اعلام شد.",  # nouns before a Persian title
    ],
)
def test_words_beside_a_title_are_no_name(text):
    assert "person" not in offered(text).values()


def test_a_place_after_a_title_is_no_name(registry):
    text = "عنوان\n\nرئيس الوزراء يزور مصر غدا في زيارة رسمية."
    candidates = suggest_tags(text).candidates
    assert [c.text for c in candidates if c.kind == "person"] == []


@pytest.mark.parametrize(
    "text",
    [
        "أكد رئيس وزراء جمهورية الهند أن التعاون مستمر.",  # a chain of nouns after a title
        "وقال نائب رئيس مجلس الوزراء إن الخطة جاهزة.",
        "سمو الأمير يهنئ رئيس جمهورية مصر بالعيد.",  # a verb
        "هفته گذشته رئیس جمهور به نیویورک رفت.",  # "last week"
    ],
)
def test_titles_before_nouns_or_time_words_name_no_one(text):
    assert "person" not in offered(text).values()


def test_ordinary_nouns_after_a_head_word_are_no_bodies():
    assert offered("استؤنفت حركة الملاحة الجوية وأغلق صندوق الاقتراع.") == {}


def test_urdu_is_not_read_as_persian():
    assert offered("وزارت خارجہ کے ترجمان نے کہا کہ مذاکرات جاری ہیں۔") == {}
