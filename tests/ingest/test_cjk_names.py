"""People in Chinese, Japanese and Korean copy, where no capitals or spaces mark a name:
read after a title or a credit, before a Japanese title, and from the reporters a
dateline names. The texts are written for these tests."""

import pytest

from ingest.candidates import find_candidates
from ingest.importer import tag_report
from tests.ingest.test_cjk_datelines import places  # noqa: F401 (a fixture)
from tests.ingest.test_real_layouts import parse

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


def people(text: str, **kwargs) -> list[str]:
    return [c.text for c in find_candidates(text, **kwargs) if c.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("外交部长王毅就双边关系回答记者提问。", "王毅"),
        ("總統蔡英文批准了這項計畫。", "蔡英文"),
        ("行政院長陳建仁上午主持會議。", "陳建仁"),
        ("台中市長盧秀燕等代表也在會中發言。", "盧秀燕"),
        ("国家主席习近平会见了来访的客人。", "习近平"),
        ("发言人毛宁表示，双方将继续沟通。", "毛宁"),
        ("新华社记者李鑫摄", "李鑫"),
        ("中央社記者吳家昇攝 113年5月16日", "吳家昇"),
        ("（北京＝新華社記者／李賀）", "李賀"),
        ("驻华大使欧阳明达出席了招待会。", "欧阳明达"),
    ],
)
def test_a_chinese_name_after_a_title_or_a_credit_is_offered(text, name):
    assert people(f"标题\n\n{text}") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "部长会议在北京举行，各国代表出席。",  # a meeting of ministers
        "记者会开始时，代表们入场。",  # a press conference
        "总统高兴地说，合作很成功。",  # a word opening with a family name's character
        "总统关于和平的讲话引起关注。",
        "大使馆发表声明。",
    ],
)
def test_words_after_a_title_are_no_name(text):
    assert people(f"标题\n\n{text}") == []


def test_a_japanese_name_before_its_title_is_offered():
    text = (
        "見出し\n\n中国外交部の毛寧（もう・ねい）報道官は17日の記者会見で述べた。"
        "毛氏は、高市早苗首相による発言を批判した。日本首相の発言ではない。"
    )
    assert people(text) == ["毛寧", "高市早苗"]


@pytest.mark.parametrize(
    ("dateline", "byline"),
    [
        ("(中央社記者賴于榛、葉素萍台北16日電)", "賴于榛, 葉素萍"),
        ("（中央社記者王宏仁台北1日電）", "王宏仁"),
        ("(서울=연합뉴스) 한상용 기자 =", "한상용"),
        ("新华社北京10月17日电", ""),
    ],
)
def test_the_reporters_a_dateline_names_are_the_byline(places, dateline, byline):  # noqa: F811
    report = parse(f"院會通過總辭案\n\n{dateline}行政院會今天通過總辭案。\n")
    assert report.byline == byline
    offered = [c.text for c in tag_report(report).candidates if c.kind == "person"]
    assert offered == [name for name in byline.split(", ") if name]


def test_every_writer_of_a_byline_is_offered():
    text = "Talks resume\n\nThe talks resumed on Monday, officials said."
    assert people(text, byline="Junko Fujita and Kentaro Sugiyama") == [
        "Junko Fujita",
        "Kentaro Sugiyama",
    ]


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("中国外交部の報道官は記者会見で述べた。", ["中国外交部"]),
        ("十二届全国人大五次会议在北京举行。", ["全国人大"]),
        ("行政院會通過總辭案，行政院長主持會議。", ["行政院"]),  # not the premier's title
        ("外交部长王毅回答记者提问。", []),
        ("외교부는 17일 성명을 냈다. 외교부장관이 말했다.", ["외교부"]),
    ],
)
def test_a_ministry_or_a_cabinet_is_offered_with_its_country(text, bodies):
    found = [c.text for c in find_candidates(f"标题\n\n{text}") if c.kind == "organization"]
    assert found == bodies


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("外长王毅说，会谈富有成果。", "王毅"),
        ("总理李强指出，经济稳中向好。", "李强"),
        ("发言人林剑还说，双方保持沟通。", "林剑"),
        ("总理李克强说，改革将继续。", "李克强"),
    ],
)
def test_the_verb_after_a_two_character_name_is_not_part_of_it(text, name):
    assert people(f"标题\n\n{text}") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "外交部发言人周一表示，双方将继续沟通。",
        "发言人强调，立场没有改变。",
        "总统连任。总统任期将结束，总理曾经访问当地。",
    ],
)
def test_a_weekday_or_a_verb_after_a_title_is_no_name(text):
    assert people(f"标题\n\n{text}") == []


@pytest.mark.parametrize(
    "text",
    [
        "ルビオ米国務長官は述べた。",
        "トランプ次期大統領は語った。",
        "日米外相会談が開かれた。",
        "東京都知事が会見した。",
        "林官房長官は記者会見で述べた。",
        "首相周辺は慎重だ。首相談話を発表した。",
    ],
)
def test_a_portfolio_a_place_or_a_body_before_a_japanese_title_is_no_name(text):
    assert people(f"見出し\n\n{text}") == []


def test_a_departments_kind_is_no_ministry_and_a_name_ending_in_he_stays_whole():
    assert find_candidates("标题\n\n各级财政部门和教育部门加强管理。") == []
    assert people("标题\n\n国防部长魏凤和会见了客人。") == ["魏凤和"]


def test_a_spokesman_of_two_characters_and_a_chief_cabinet_secretary_in_japanese():
    assert people("見出し\n\n中国外務省の毛寧報道官は述べた。林芳正官房長官は述べた。") == [
        "毛寧",
        "林芳正",
    ]
