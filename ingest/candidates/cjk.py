"""People Chinese and Japanese copy names, where no capitals or spaces mark a name.

A name is read where the copy says it is one: after a title (`外交部长王毅就…`,
`總統蔡英文批准`), after a reporter's or a photographer's credit (`新华社记者李鑫摄`),
or, in Japanese, before a title (`毛寧（もう・ねい）報道官`, `高市早苗首相`). A Chinese
name is a family name and one or two characters; which of the two is read from what
follows it (a verb or a particle opening the rest of the sentence, punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.candidates.context import Context, Found
from ingest.candidates.words import word_set

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HANGUL = "\uac00-\ud7af"
# A Chinese or Japanese name (two to four Han characters), or a Korean one (two to four
# syllables): what a byline of such copy names, with no space inside.
CJK_NAME = re.compile(f"[{HAN}]{{2,4}}|[{HANGUL}]{{2,4}}")


# Titles a name follows, simplified and traditional; a longer title ends with one of them
# (外交部长 with 部长, 行政院長 with 院長, 台中市長 with 市長).
TITLES_BEFORE = word_set(
    "主席 总统 總統 总理 總理 首相 外长 外長 部长 部長 院长 院長 市长 市長 省长 省長 议长 議長 "
    "委员长 委員長 书记 書記 发言人 發言人 大使 国务卿 國務卿 主任 董事长 董事長 局长 局長 州长 "
    "州長 国王 國王 女王 总裁 總裁 秘书长 秘書長 县长 縣長 立委 司令 总督 總督 主教 领导人 領導人"
)
# Credits a reporter's or a photographer's name follows (`记者李鑫`, `記者／李賀`).
CREDITS = ("记者", "記者", "摄影", "攝影", "责任编辑", "責任編輯", "编辑", "編輯")
CREDIT_ENDINGS = ("摄", "攝", "报道", "報導", "報道", "发自", "發自")
# Japanese titles that follow a name (`高市早苗首相`, `毛寧報道官`, `岸田氏`).
TITLES_AFTER = word_set("首相 外相 報道官 官房長官 氏")
# How the names of places and bodies end, never a person's (`東京都`, `大阪市`, `外務省`).
INSTITUTION_ENDINGS = (
    "国", "國", "省", "県", "都", "道", "府", "市", "区", "町", "村", "部", "党", "院", "会",
    "會", "庁", "局", "連", "州",
)  # fmt: skip
# Family names: the most common Chinese ones, simplified and traditional, and two-character
# ones. A title or credit before two or three characters that begin with none of them
# names no one (`部长会议`, `记者会`).
FAMILY_NAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石"
    "廖贾賈夏韦韋傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴"
    "覃武戴莫孔汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐"
    "耿焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢季裴霍涂苗谷盛曲翁骆駱蓝藍游辛靳管柴"
    "蒙鲍鮑喻祁蒲房滕屈饶饒艾尤穆卓古吉简簡车車项項连連麦麥褚窦竇戚岑景费費卜冷晏席卫衛"
    "米柏宗瞿桂佟臧闵閔苟邬鄔卞姬栾欒隋商刁沙荣榮巫寇桑郎甄仲虞敖巩鞏佘池查苑迟遲邝鄺封谈談"
    "匡鞠惠荆荊冀郁胥班储儲栗燕楚鄢劳勞奚皮粟冼蔺藺楼樓闻聞厉厲伊郜阚闞权權强強帅帥屠朴廉禹"
    "赖賴习習"
) | word_set("欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 令狐 慕容 夏侯")
# Words after a title that begin with a family name's character but name no one
# (`总统高度评价`, `主席安全`); family names that are mostly words (于, 万, 关, 华, 向) are
# left out of FAMILY_NAMES.
NOT_NAMES = word_set(
    "高度 高兴 高興 高级 高級 高层 高層 高官 安全 方面 方式 文件 金融 石油 白宫 白宮 常务 常務 "
    "商务 商務 连续 連續 车辆 車輛 申请 申請 日本 台湾 台灣 香港 政府 周一 周二 周三 周四 "
    "周五 周六 周日 週一 週二 週三 週四 週五 週六 週日 周末 週末 周边 周邊 周辺 周年 强调 強調 "
    "连任 連任 曾经 曾經 曾表 曾在 曾多 曾于 曾於 曾说 曾說 任内 任內 任期 任职 任職 顾问 顧問 "
    "高票 严正 嚴正 安排 苏丹 蘇丹 白天 夏季 谈话 談話 方针 方針 严重 嚴重 金额 金額 黄金 黃金 "
    "林业 林業 田间 石化 程序 孙子 马上 馬上 朱红 胡同 何时 何時 何况 何況"
)
# What may follow a Chinese name: punctuation, or the first character of what the rest of
# the sentence goes on with (就 在 表示 说 的 与 和 率 主持 批准 为 等 也 对 向 将 已 …).
AFTER_NAME = frozenset(
    "就在表说說的与與和及率主批为為等也对對向将將已曾并並接宣回访訪今昨上下晚于於称稱指会會"
    "出签簽与同是于致发發还還则則都均再又便即仍亦被把让讓请請已当當"
)
# Characters that, third after a one-character family name, are the verb or the particle
# after a two-character given name, not its end (`王毅说`, `李强指出`, `林剑还说`).
NOT_THIRD = frozenset("说說称稱指也还還就在表的与與等对對向将將已曾并並是都均再又即仍亦被把")
_TITLED = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, [*TITLES_BEFORE, *CREDITS]), key=len, reverse=True))
    + f")[／/ 　]?(?P<name>[{HAN}]{{2,4}})"
)
_BEFORE_TITLE = re.compile(
    f"(?<![{HAN}])(?P<name>[{HAN}]{{2,4}})(?P<reading>[（(][\\u3040-\\u30ff・]{{2,12}}[）)])?(?:"
    + "|".join(sorted(map(re.escape, TITLES_AFTER), key=len, reverse=True))
    + ")"
)
_KANA_BEFORE = re.compile("[\u3040-\u30ff、。「」（）()\\s]")


def cjk_people(context: Context) -> Iterator[Found]:
    """The people a Chinese or Japanese text names by title or credit."""
    text = context.text
    if not re.search(f"[{HAN}]", text):
        return
    japanese = re.search("[\u3040-\u30ff]", text) is not None  # kana
    for match in _TITLED.finditer(text):
        if japanese and match.group(0).startswith(tuple(TITLES_BEFORE)):
            continue  # Japanese puts titles after names: `首相周辺`, `首相談話`
        if name := _chinese_name(match.group("name"), text, match.end("name")):
            start = match.start("name")
            yield Found(name, "person", start, start + len(name))
    if japanese:
        for match in _BEFORE_TITLE.finditer(text):
            name, start = match.group("name"), match.start("name")
            if start and not _KANA_BEFORE.match(text[start - 1]):
                continue
            # a reading in brackets says a name is one; else a full name of three or four
            # characters (`高市早苗首相`; not `国防長官`, `次期大統領`, `林官房長官`)
            spokesman = text.startswith("報道官", match.end("name"))  # `毛寧報道官`
            named = match.group("reading") or len(name) >= 3 or spokesman
            if named and name not in NOT_NAMES and not name.endswith(INSTITUTION_ENDINGS):
                yield Found(name, "person", start, start + len(name))


def _chinese_name(run: str, text: str, run_end: int) -> str:
    """The name a run of characters after a title begins with, or ''."""
    after = text[run_end : run_end + 1]
    for ending in CREDIT_ENDINGS:  # `李鑫摄`: the credit's last word is not the name's
        if run.endswith(ending) and len(run) - len(ending) >= 2:
            run, after = run[: -len(ending)], ""
            break
    family = 2 if run[:2] in FAMILY_NAMES else 1
    if run[:family] not in FAMILY_NAMES or run[:2] in NOT_NAMES:
        return ""
    for size in (family + 2, family + 1):  # given names of two characters, else one
        if size > len(run) or (size == family + 2 and run[size - 1] in NOT_THIRD):
            continue
        following = run[size : size + 1] or after
        if not following or not re.match(f"[{HAN}]", following) or following in AFTER_NAME:
            return run[:size]
    return ""


# Bodies Chinese, Japanese and Korean copy names often, whose names no rule can cut out of
# a run of characters: ministries, cabinets, parliaments, parties.
CJK_BODIES = {
    **dict.fromkeys(
        word_set(
            "外交部 国防部 國防部 商务部 商務部 财政部 財政部 公安部 教育部 国务院 國務院 "
            "行政院 立法院 司法院 监察院 監察院 全国人大 全國人大 全国政协 全國政協 中共中央 "
            "外務省 防衛省 財務省 経済産業省 国土交通省 厚生労働省 文部科学省 法務省 総務省 "
            "農林水産省 環境省 内閣府 首相官邸 외교부 국방부 통일부 기획재정부 청와대 대통령실 "
            "국가정보원 합동참모본부"
        ),
        "government",
    ),
    **dict.fromkeys(
        word_set("自民党 立憲民主党 民进党 民進黨 国民党 國民黨 더불어민주당 국민의힘"), "other"
    ),
}
# A country before a body's name belongs to it (`中国外交部`, `中国外務省`).
CJK_COUNTRY_PREFIXES = word_set(
    "中国 中國 日本 美国 美國 米国 韩国 韓国 韓國 台湾 臺灣 俄罗斯 英国 英國 法国 德国 朝鲜 北朝鮮"
)
KOREAN_PARTICLES = word_set("은 는 이 가 을 를 의 에 와 과 도 에서 로 으로 및")
_HANGUL_RUN = re.compile(f"[{HANGUL}]*")
_CJK_BODY = re.compile("|".join(sorted(map(re.escape, CJK_BODIES), key=len, reverse=True)))


def cjk_bodies(context: Context) -> Iterator[Found]:
    """The bodies of CJK_BODIES a text names, with the country printed before them."""
    text = context.text
    if not re.search(f"[{HAN}{HANGUL}]", text):
        return
    for match in _CJK_BODY.finditer(text):
        name, start, end = match.group(0), match.start(), match.end()
        if text[end : end + 1] in ("长", "長", "门", "門"):
            continue  # `外交部长`, `行政院長`: a title; `财政部门`: any finance department
        if re.match(f"[{HANGUL}]", name) and not _korean_word(text, start, end):
            continue
        prefix = next(
            (c for c in CJK_COUNTRY_PREFIXES if text[max(0, start - len(c)) : start] == c), ""
        )
        yield Found(prefix + name, "organization", start - len(prefix), end, CJK_BODIES[name])


def _korean_word(text: str, start: int, end: int) -> bool:
    """Whether a Korean name stands as a word: nothing glued before, a particle at most after."""
    if start and re.match(f"[{HANGUL}]", text[start - 1]):
        return False
    after = _HANGUL_RUN.match(text, end)
    glued = after.group(0) if after else ""
    return not glued or glued in KOREAN_PARTICLES
