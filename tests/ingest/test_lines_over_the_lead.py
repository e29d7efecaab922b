"""What a page prints on the lines just over the lead: Anadolu's dateline, a town's name
alone on its line (`İstanbul`), under the headline, its standfirst, byline and photo
caption. From the eighth and ninth spot checks of real pages (docs/benchmarks.md).

The texts are written for these tests; their layouts follow the real pages.
"""

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

HEAD = (
    "Gündem\n\n"
    "İstanbul'da otobüs kazasında 4 kişi yaralandı\n\n"
    "Çekmeköy'de bir halk otobüsünün karıştığı zincirleme kazada 4 kişi yaralandı.\n\n"
    "Ayşe Yılmaz  | 15.10.2025 - Güncelleme : 15.10.2025\n"
    "Kaza yerinden bir görüntü Fotoğraf: Ali Demir/AA\n\n"
)
LEAD = (
    "Şile yolunda sefer yapan otobüs, sürücüsünün direksiyon hakimiyetini kaybetmesi "
    "sonucu önündeki araçlara çarptı.\n\nKazada 4 kişi yaralandı.\n"
)


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Istanbul", country=country("TR"), population=14_800_000, aliases=["İstanbul"])


def test_a_town_alone_over_the_lead_is_the_dateline(places):
    report = parse(f"{HEAD}İstanbul\n\n{LEAD}")
    assert report.headline == "İstanbul'da otobüs kazasında 4 kişi yaralandı"
    assert (report.dateline.raw, report.dateline.city) == ("İstanbul", "Istanbul")
    assert report.dateline.country == "TR"
    assert report.body.startswith("Şile yolunda")


def test_a_country_alone_over_the_lead_is_no_dateline(places):
    report = parse(f"{HEAD}Türkiye\n\n{LEAD}")
    assert (report.dateline.city, report.dateline.country) == ("", "")


def test_a_town_alone_over_a_headline_is_no_dateline(places):
    report = parse("İstanbul\n\nBelediye yeni otobüs hatlarını açıkladı\n\n" + LEAD)
    assert report.headline == "Belediye yeni otobüs hatlarını açıkladı"
    assert report.dateline.city == ""
