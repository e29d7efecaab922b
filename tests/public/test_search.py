"""Search: /search/ ranks published reports; `q` filters the report list and the API; the
admin searches the full text. PostgreSQL reads a trigger-kept, GIN-indexed vector; SQLite
an FTS5 table (or a plain match where FTS5 is missing)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from articles import search
from tests.factories import AgencyFactory, ArticleFactory, EventFactory, country

pytestmark = pytest.mark.django_db

POSTGRES = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search")
SQLITE = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite search")


def full_text_only() -> None:
    if search.engine() == "plain":
        pytest.skip("no full-text engine: the plain match neither ranks nor reads tags")


def found(client, url: str, *, marked: bool = False, **params: str) -> str:
    """Return the page, without its highlights unless `marked`."""
    response = client.get(url, params)
    assert response.status_code == 200
    page = response.content.decode()
    return page if marked else page.replace("<mark>", "").replace("</mark>", "")


def api_headlines(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["headline"] for item in response.json()["results"]]


def test_a_body_word_finds_the_report_with_the_word_marked(client):
    ArticleFactory(
        headline="Caspian <b>forum</b> opens", body="<p>Delegates praised the sturgeon.</p>"
    )
    ArticleFactory(headline="Unrelated report")
    page = found(client, "/search/", q="sturgeon", marked=True)
    assert "Caspian &lt;b&gt;forum&lt;/b&gt; opens" in page  # escaped, never raw HTML
    assert "<mark>sturgeon</mark>" in page and "Unrelated report" not in page
    assert "1 report matches" in page


def test_unpublished_reports_never_match_on_any_surface(client):
    for traits in ({"draft": True}, {"in_review": True}, {"scheduled": True},
                   {"embargoed": True}, {"withdrawn": True}):  # fmt: skip
        ArticleFactory(headline=f"Hidden marmot report {sorted(traits)[0]}", **traits)
    ArticleFactory(headline="Public marmot report")
    for url in ("/search/", "/articles/"):
        page = found(client, url, q="marmot")
        assert "Public marmot report" in page and "Hidden marmot" not in page
    assert api_headlines(client, "/api/v1/articles/?q=marmot") == ["Public marmot report"]


def test_a_headline_match_ranks_above_a_body_match(client):
    full_text_only()
    ArticleFactory(headline="Talks end", body="<p>The pipeline was discussed.</p>")
    older = timezone.now() - datetime.timedelta(days=3)
    ArticleFactory(headline="Pipeline deal signed", published_at=older)
    page = found(client, "/search/", q="pipeline", marked=True)
    assert page.index("Pipeline</mark> deal signed") < page.index("Talks end")


def test_phrases_alternatives_and_exclusions(client):
    ArticleFactory(headline="Media forum in Baku")
    ArticleFactory(headline="Forum of media in Baku")
    ArticleFactory(headline="Football in Baku")
    ArticleFactory(headline="Chess in Tbilisi")
    page = found(client, "/search/", q='"media forum"')
    assert "Media forum in Baku" in page and "Forum of media in Baku" not in page
    page = found(client, "/search/", q="baku -football")
    assert "Media forum in Baku" in page and "Football in Baku" not in page
    page = found(client, "/search/", q="football or chess")
    assert "Football in Baku" in page and "Chess in Tbilisi" in page
    assert "Media forum in Baku" not in page


def test_search_combines_with_the_report_filters(client):
    agency = AgencyFactory(slug="trend")
    event = EventFactory(slug="caspian-media-forum")
    tags = {"countries": [country("AZ")], "events": [event]}
    ArticleFactory(headline="Walrus one", agency=agency, tags=tags)
    ArticleFactory(headline="Walrus two", agency=agency, tags={"countries": [country("RU")]})
    ArticleFactory(headline="Walrus three", tags=tags)
    old = timezone.now() - datetime.timedelta(days=400)
    ArticleFactory(headline="Walrus four", agency=agency, tags=tags, published_at=old)
    recent = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    url = f"/search/?q=walrus&country=az&agency=trend&published_after={recent}"
    page = found(client, url)
    assert "Walrus one" in page and "Walrus two" not in page and "Walrus three" not in page
    assert "Walrus four" not in page
    page = found(client, "/search/?q=walrus&event=caspian-media-forum")
    assert "Walrus one" in page and "Walrus three" in page and "Walrus two" not in page


def test_the_report_list_and_the_api_filter_by_q_newest_first(client):
    ArticleFactory(
        headline="Older otter news", published_at=timezone.now() - datetime.timedelta(days=2)
    )
    ArticleFactory(headline="Newer otter news")
    ArticleFactory(headline="Beaver news")
    page = found(client, "/articles/?q=otter")
    assert page.index("Newer otter") < page.index("Older otter") and "Beaver" not in page
    headlines = api_headlines(client, "/api/v1/articles/?q=otter")
    assert headlines == ["Newer otter news", "Older otter news"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 10_000, "limited to 200 characters"),
        ("!!! ??? ...", "Type a word"),
        ("'; DROP TABLE articles_article; --", "No published reports match"),
        ('" OR 1=1 NEAR( -"', "No published reports match"),
        ("-exclusion -only", "Type a word"),
    ],
    ids=["long", "punctuation", "sql", "fts-syntax", "only-exclusions"],
)
def test_absurd_queries_get_a_friendly_page(client, query, message):
    ArticleFactory(headline="Plain report")
    assert message in found(client, "/search/", q=query)


def test_absurd_queries_are_a_clear_400_in_the_api_and_nul_everywhere(client):
    response = client.get("/api/v1/articles/", {"q": "x" * 10_000})
    assert response.status_code == 400 and "200 characters" in response.content.decode()
    assert client.get("/search/?q=a%00b").status_code == 400
    assert client.get("/api/v1/articles/?q=%22%22%22").status_code == 200


def test_pages_are_capped_with_a_message_to_refine(client, settings, monkeypatch):
    settings.ARTICLES_PER_PAGE = 2
    monkeypatch.setattr(search, "MAX_PAGES", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    for n in range(7):
        ArticleFactory(headline=f"Heron report {n}")
    first = found(client, "/search/?q=heron")
    assert "More than 5 reports match" in first and "page=2" in first
    last = found(client, "/search/?q=heron&page=2")
    assert "refine your search" in last and "page=3" not in last
    assert found(client, "/search/?q=heron&page=999") == last  # clamped to the last page
    assert "Heron" in found(client, "/search/?q=heron&page=x")


def test_only_the_newest_matches_are_ranked(client, settings, monkeypatch):
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    long_ago = timezone.now() - datetime.timedelta(days=900)
    ArticleFactory(headline="Ibex ibex ibex", published_at=long_ago)
    ArticleFactory(headline="Mountain news", summary="An ibex was seen.")
    ArticleFactory(headline="Valley news", summary="Another ibex.")
    page = found(client, "/search/?q=ibex")
    assert "Mountain news" in page and "Valley news" in page
    assert page.count('class="card search-hit"') == 2


def test_the_admin_search_finds_a_word_only_the_body_has(client, editor):
    ArticleFactory(headline="Quarterly figures", body="<p>The figures mention a narwhal.</p>")
    ArticleFactory(headline="Other report", draft=True)
    client.force_login(editor)
    page = found(client, "/admin/articles/article/?q=narwhal")
    assert "Quarterly figures" in page and "Other report" not in page
    assert "Quarterly figures" in found(client, "/admin/articles/article/?q=quarterly")


def test_search_queries_do_not_grow_from_2_to_20_results(client, django_assert_max_num_queries):
    for n in range(2):
        ArticleFactory(headline=f"Lynx {n}", tags={"countries": [country("AZ")]})
    with django_assert_max_num_queries(10) as few:
        found(client, "/search/?q=lynx&country=az")
    for n in range(18):
        ArticleFactory(headline=f"Lynx more {n}", tags={"countries": [country("AZ")]})
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(client, "/search/?q=lynx&country=az").count('class="card search-hit"') == 20


def test_the_index_follows_edits_tags_and_renames(client):
    full_text_only()
    article = ArticleFactory(headline="Birdwatch bulletin", body="<p>About a pelican.</p>")
    event = EventFactory(name="Kestrel Summit")

    def finds(word: str) -> bool:
        return "Birdwatch bulletin" in found(client, "/search/", q=word)

    assert not finds("kestrel")
    article.events.add(event)
    assert finds("kestrel")
    event.name = "Osprey Summit"
    event.save()
    assert finds("osprey") and not finds("kestrel")
    event.articles.remove(article)  # from the other side
    assert not finds("osprey")
    article.body = "<p>About a flamingo.</p>"
    article.save()
    assert finds("flamingo") and not finds("pelican")


@POSTGRES
def test_russian_reports_match_other_forms_of_a_word(client):
    ArticleFactory(headline="Переговоры в Москве завершились", language="ru")
    ArticleFactory(headline="Переговорах nothing", language="en")  # no stemming for Cyrillic
    page = found(client, "/search/", q="переговорах")
    assert "Москве" in page
    assert "nothing" in page  # the exact word still matches an English report
    page = found(client, "/search/", q="переговоры")
    assert "Москве" in page and "nothing" not in page
    assert "Москве" not in found(client, "/search/", q="переговоры -москва")


@POSTGRES
def test_postgres_search_reads_the_gin_index(db):
    from articles.models import Article

    ArticleFactory(headline="Indexed report")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The match alone (no other condition a tiny table's planner might prefer to read
    # first): it is answerable from the GIN index.
    plan = search.matching(Article.objects.order_by(), "indexed").explain()
    assert "article_search_idx" in plan, plan
    plan = search.matching(Article.objects.order_by(), "индекс").explain()
    assert "article_search_idx" in plan, plan


@SQLITE
def test_sqlite_uses_fts5_when_the_build_has_it(client):
    assert search.engine() == "fts5"
    ArticleFactory(headline="Gazelles run", body="<p>Running gazelles, <em>many</em>.</p>")
    page = found(
        client, "/search/", q="gazelle", marked=True
    )  # porter stemming: gazelle ~ gazelles
    assert "<mark>Gazelles</mark> run" in page and "&lt;em&gt;" not in page


@SQLITE
def test_without_fts5_a_plain_match_still_finds_and_marks(client, monkeypatch):
    monkeypatch.setattr(search, "engine", lambda alias="default": "plain")
    ArticleFactory(headline="Bison herd", body="<p>The herd of bison grew.</p>")
    ArticleFactory(headline="Bison sale", body="<p>Not the herd.</p>")
    page = found(client, "/search/", q="bison -sale", marked=True)
    assert "<mark>Bison</mark> herd" in page and "Bison sale" not in page
    assert "The herd of <mark>bison</mark> grew." in page


def test_queries_are_parsed_web_style_and_quoted_for_fts5():
    clauses = search.parse('"media forum" baku -football or chess; DROP')
    assert clauses == [
        search.Clause(include=("media forum", "baku"), exclude=("football",)),
        search.Clause(include=("chess", "DROP")),
    ]
    assert search.fts_query(clauses) == (
        '(("media forum" AND "baku") NOT "football") OR ("chess" AND "DROP")'
    )
    assert search.parse("-only -exclusions") == [] and search.parse("?!") == []
