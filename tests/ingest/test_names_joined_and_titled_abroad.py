"""Names a third spot check of real pages found missed or mangled (docs/benchmarks.md):
a surname that is also an old title (`Amit Shah`), India's `Union … Minister` titles
read as a body, and a name after German nouns and `von`.

The texts are written for these tests.
"""

import pytest

from tests.ingest.test_candidates_real import offered

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = "Talks held in the capital\n\nThe ministers discussed trade and transport on Monday.\n"
CLOSE = "\nThe sides agreed to meet again next year, according to a statement after the talks.\n"


@pytest.mark.parametrize(
    "sentence, people",
    [
        ("Home Minister Amit Shah said the talks would go on.", {"Amit Shah"}),
        (
            "He called his meeting with Union Home Minister Amit Shah cordial.",
            {"Amit Shah"},
        ),
        (
            "Union Commerce Minister Piyush Goyal and Union Information and Broadcasting "
            "Minister Anurag Thakur attended.",
            {"Piyush Goyal", "Anurag Thakur"},
        ),
        ("Die Äußerungen von Friedrich Merz Mitte Juni sorgten für Streit.", set()),
        ("Union Pacific Chief Executive Jim Vena said volumes fell.", {"Jim Vena"}),
        (
            "Das Treffen von Olaf Scholz und Emmanuel Macron endete am Abend.",
            {"Olaf Scholz", "Emmanuel Macron"},
        ),
        ("Die Rede von Ursula von der Leyen dauerte lange.", {"Ursula von der Leyen"}),
        ("Reichskanzler Otto von Bismarck regierte lange.", {"Otto von Bismarck"}),
    ],
)
def test_the_people_named_are_offered(registry, sentence, people):
    found = offered(LEAD + sentence + CLOSE)
    assert {name for name, kind in found.items() if kind == "person"} == people


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("He called his meeting with Union Home Minister Amit Shah cordial.", None),
        ("Union Commerce Minister Piyush Goyal attended.", None),
        ("Union Pacific Chief Executive Jim Vena said volumes fell.", "Union Pacific"),
        ("The Union of Journalists Chairman Mushfig Alasgarli spoke.", "Union of Journalists"),
    ],
)
def test_indias_union_minister_is_a_title_and_other_unions_bodies(registry, sentence, body):
    found = offered(LEAD + sentence + CLOSE)
    assert [name for name, kind in found.items() if kind != "person"] == ([body] if body else [])
