"""Finding agency names in text by word lookups."""

from ingest.agency_index import AgencyIndex

INDEX = AgencyIndex(
    exact=["Trend", "AA", "TASS", "Xinhua", "PTI"],
    any_case=["Xinhua News Agency", "AKIpress", "News.Az", "Interfax-Kazakhstan"],
    signs=["Turan", "Enditem"],
)


def forms(text: str, **kwargs) -> list[str]:
    return [form for _, _, form in INDEX.find(text, **kwargs)]


def test_names_match_whole_words_longest_first():
    assert forms("Xinhua News Agency said, citing TASS.") == ["Xinhua News Agency", "TASS"]
    assert forms("a Trend-setting year for trend followers") == []
    assert forms("Interfax-Kazakhstan reports") == ["Interfax-Kazakhstan"]


def test_ordinary_words_match_only_as_printed_and_the_rest_in_any_case():
    assert forms("The aa battery and Trend reports") == ["Trend"]
    assert forms("Source : Akipress and NEWS.AZ") == ["Akipress", "NEWS.AZ"]


def test_signing_forms_that_are_ordinary_words_only_when_asked():
    assert forms("Architect Turan Valiyev. Enditem") == []
    assert forms("Architect Turan Valiyev. Enditem", signs=True) == ["Turan", "Enditem"]


def test_a_name_across_a_line_break_is_not_one_mention():
    assert forms("Xinhua\nNews Agency") == ["Xinhua"]


def test_glued_names_get_their_space_back():
    assert INDEX.unglue("Baku, November 27 AkipressFamous director") == (
        "Baku, November 27 Akipress Famous director"
    )
    assert INDEX.unglue("visit India from April 5-6PTI | New Delhi") == (
        "visit India from April 5-6 PTI | New Delhi"
    )
    assert INDEX.unglue("McDonald and AKIpress") == "McDonald and AKIpress"
