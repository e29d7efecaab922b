"""The intake's shortcuts give what the patterns they stand for give (docs/benchmarks.md,
*Intake speed*): any change to a pattern that breaks one of them shows here."""

from django.utils.html import strip_tags
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.html import sanitize_body
from ingest import head
from ingest.candidates.words import ORGANIZATION_CONTEXT
from ingest.dateline import _ABBREVIATION_DOT, _blank_abbreviation_dots
from ingest.markup import plain_text
from ingest.tagger import WORD, _whole_words

PIECES = ["Sept.", "Sep", "Febr.", "St.", "ſt.", "ST", "ст.", "г.", "нояб.", "сентября", "x.",
          "1.", ".", " ", "-", "_", "'", "Ali", "Aliyev", "aliyev", "²", "é", "\n", "(", "©",
          "Photo:", "İMAGE by", "credit", "/", ":"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_abbreviation_dots_are_blanked_as_the_pattern_would_blank_them(text):
    expected = _ABBREVIATION_DOT.sub(lambda m: m.group(0)[:-1] + " ", text)
    assert _blank_abbreviation_dots(text) == expected


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(["Ali", "Aliyev", "Ali-Aliyev", "ov", "O'Brien", "-ov", "é"]))
def test_surnames_are_found_where_the_word_pattern_reads_them(text, surname):
    expected = [m.span() for m in WORD.finditer(text) if m.group(0) == surname]
    assert list(_whole_words(text, surname)) == expected


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_caption_is_told_as_the_caption_pattern_tells_it(text):
    assert head.is_caption(text) == bool(head._CAPTION.search(text))


def test_no_organization_context_stem_begins_another():
    """`_context_kind` looks words up by their first letters: one stem per word."""
    stems = list(ORGANIZATION_CONTEXT)
    assert not [(a, b) for a in stems for b in stems if a != b and b.startswith(a)]


MARKUP = ["<p>", "</p>", "<br>", "<br/>", "<P>", "<b>", "</b>", "<a href='x'>", "</a>",
          "<script>", "</script>", "<!--", "-->", "<p", "<", ">", "&amp;", "&lt;", "&#39;",
          "&#x27;", "&#X2F;", "&nbsp;", "&a.b;", "&am", "&#", "&", ";", "#", "p", "x", "1",
          " ", "\n", "\r", "é", "ст"]  # fmt: skip
markups = st.lists(st.sampled_from(MARKUP), max_size=20).map("".join)


@settings(max_examples=1000, deadline=None)
@given(markups)
def test_text_loses_its_markup_as_strip_tags_takes_it_off(text):
    assert plain_text(text) == strip_tags(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_saved_body_loses_its_markup_as_strip_tags_takes_it_off(text):
    body = sanitize_body(text)
    assert plain_text(body) == strip_tags(body)
