"""No observance before it existed, and no rule before it was adopted.

The whole catalogue is walked from 1900. Every holiday is either in ``MODERN``
(a published source dates its first year after 1900: the test checks its
``since`` and that the engine yields nothing earlier) or in ``ANCIENT`` (it
predates 1900 in the form the catalogue gives it). A new holiday in neither
table fails, so nobody can add a modern day without saying since when.

Where a rule changed, dated rule variants give the old and the new rule; the
dates before and after the change are checked against published dates or
against python-dateutil's own Easter computus (not convertdate's, which the
engine uses).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

import pytest
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from interkultur.catalog import MIN_YEAR, Catalogue, CatalogueError, loads
from interkultur.engine import Engine, Occurrence
from interkultur.rules import JEWISH_VARIANTS


class Since(NamedTuple):
    """The first year of a modern observance and the published source for it.

    The catalogue must cite the same source in the holiday's ``sources`` (same ``url``, or the same
    ``title`` where the source is not online), so that users see where the first year comes from.
    """

    year: int
    publisher: str
    title: str
    url: str | None = None


#: Observances a published source dates after 1900, with their first year.
MODERN: dict[str, Since] = {
    "world-day-of-migrants-and-refugees": Since(
        2019,
        "SIR (Holy See Press Office, 20 Nov 2018)",
        "World Day of Migrants and Refugees moved to the last Sunday of September (the 105th on 29 Sep 2019)",
        "https://agensir.it/quotidiano/2018/11/20/pope-francis-world-day-of-migrants-and-refugees-moved-to-the-"
        "last-sunday-of-september/",
    ),
    "remembrance-sunday": Since(
        1925, "Wikipedia", "Volkstrauertag (first held 1 March 1925)", "https://de.wikipedia.org/wiki/Volkstrauertag"
    ),
    "yom-hashoah": Since(
        1951,
        "Union for Reform Judaism",
        "When Is Yom HaShoah? (Knesset 1951)",
        "https://reformjudaism.org/learning/answers-jewish-questions/when-yom-hashoah-holocaust-remembrance-day",
    ),
    "sivas-memorial": Since(
        1994,
        "Medyascope",
        "2 July 2022: the 29th anniversary of 2 July 1993",
        "https://medyascope.tv/2022/07/02/sivas-katliaminda-yasamini-yitirenler-anildi-"
        "biz-bitti-demeden-bu-dava-bitmez/",
    ),
    "haci-bektas-veli": Since(
        1964,
        "T24 (Anadolu Ajansı)",
        "19 Aug 2010: the 47th national commemoration",
        "https://t24.com.tr/haber/haci-bektas-veliyi-anma-etkinlikleri-sona-erdi-nevsehir-aa,92392",
    ),
    "yazidi-genocide-memorial": Since(
        2015,
        "Deutscher Bundestag",
        "Drucksache 20/5228 (Sinjar, 3 August 2014)",
        "https://dserver.bundestag.de/btd/20/052/2005228.pdf",
    ),
    "international-roma-day": Since(
        1990,
        "Romų visuomenės centras",
        "International Romani Day (declared 1990, Serock)",
        "http://www.romuplatforma.lt/en/renginys/international-romani-day/",
    ),
    "roma-resistance-day": Since(
        1945,
        "Council of Europe",
        "16 May 1944 - a day to remember",
        "https://www.coe.int/en/web/roma-and-travellers/-/16-may-1944-a-day-to-remember",
    ),
    "sinti-roma-holocaust-memorial": Since(
        2015,
        "European Parliament, Legislative Observatory",
        "Resolution of 15 April 2015, 2015/2615(RSP)",
        "http://oeil.secure.europarl.europa.eu/oeil/popups/summary.do?id=1385420&t=e&l=en",
    ),
    "holocaust-remembrance-day": Since(
        1996,
        "Bundeszentrale für politische Bildung",
        "Deutschland-Chronik: 3. Januar 1996",
        "https://www.bpb.de/themen/zeit-kulturgeschichte/deutschland-chronik/132437/3-januar-1996",
    ),
    "world-day-of-prayer": Since(
        1927,
        "World Day of Prayer International Committee",
        "History of the World Day of Prayer (first worldwide observance 1927)",
        "https://worlddayofprayer.net/history.html",
    ),
    "world-interfaith-harmony-week": Since(
        2011,
        "United Nations",
        "World Interfaith Harmony Week (A/RES/65/5, 2010)",
        "https://www.un.org/en/observances/interfaith-harmony-week",
    ),
    "international-day-of-indigenous-peoples": Since(
        1995,
        "United Nations",
        "International Day of the World's Indigenous Peoples (A/RES/49/214, 1994)",
        "https://www.un.org/en/observances/indigenous-day",
    ),
    "international-mother-language-day": Since(
        2000,
        "Presidential Library",
        "International Mother Language Day (UNESCO, November 1999; from 2000)",
        "https://prlib.ru/en/history/619042",
    ),
    "international-womens-day": Since(
        1921,
        "MDR",
        "Frauentag in der DDR (8 March fixed in 1921)",
        "https://www.mdr.de/geschichte/ddr/alltag/frauentag-ddr-feiertag-100.html",
    ),
    "international-day-against-racism": Since(
        1967,
        "United Nations",
        "Resolution 2142 (XXI) of 26 Oct 1966",
        "https://www.un.org/en/observances/end-racism-day",
    ),
    "world-day-for-cultural-diversity": Since(
        2003,
        "United Nations",
        "Resolution 57/249 of 20 Dec 2002",
        "https://www.un.org/en/observances/cultural-diversity-day",
    ),
    "world-refugee-day": Since(
        2001, "United Nations", "Resolution 55/76 of 4 Dec 2000", "https://www.un.org/en/observances/refugee-day"
    ),
    "interkulturelle-woche": Since(
        1975,
        "epd",
        "Kirchen feiern 50 Jahre Interkulturelle Woche (seit 1975)",
        "https://www.epd.de/regional/ost/schwerpunkt/kirche/kirchen-feiern-50-jahre-interkulturelle-woche",
    ),
    "tag-des-fluechtlings": Since(
        1986,
        "Interkulturelle Woche",
        "Tag des Flüchtlings im Rahmen der IKW (1986, with PRO ASYL)",
        "https://interkulturellewoche.de/tdf",
    ),
    "international-day-for-tolerance": Since(
        1996,
        "UNESCO / United Nations",
        "Declaration of Principles on Tolerance, 16 Nov 1995, art. 6",
        "https://www.un.org/en/observances/tolerance-day",
    ),
    "human-rights-day": Since(
        1950, "United Nations", "Resolution 423 (V) of 4 Dec 1950", "https://www.un.org/en/observances/human-rights-day"
    ),
    "international-migrants-day": Since(
        2000, "United Nations", "Resolution 55/93 of 4 Dec 2000", "https://www.un.org/en/observances/migrants-day"
    ),
    "yom-hazikaron": Since(
        1951,
        "Wikipedia",
        "Yom HaZikaron (4 Iyyar set apart in 1951, law of 1963)",
        "https://en.wikipedia.org/wiki/Yom_HaZikaron",
    ),
    "yom-haatzmaut": Since(
        1949,
        "Wikipedia",
        "Yom Ha'atzmaut (Independence Day Law 5709-1949)",
        "https://en.wikipedia.org/wiki/Yom_Ha%27atzmaut",
    ),
    "yom-yerushalayim": Since(
        1968, "Wikipedia", "Jerusalem Day (proclaimed 12 May 1968)", "https://en.wikipedia.org/wiki/Jerusalem_Day"
    ),
    "armenian-genocide-remembrance": Since(
        1919,
        "Government of South Australia",
        "Armenian Genocide Remembrance Day (first commemoration, Constantinople 1919)",
        "http://multicultural.sa.gov.au/events/events/april/remembrance-of-the-armenian-genocide",
    ),
    "romani-language-day": Since(
        2009,
        "SaskCulture",
        "World Day of Romani Language (Croatia 2008, international 2009, UNESCO 2015)",
        "https://www.saskculture.ca/impact/important-commemorative-dates/world-day-romani-language",
    ),
    "europe-day": Since(
        1986,
        "Europäische Union",
        "Europatag (9. Mai; Mailänder Gipfel 1985)",
        "https://european-union.europa.eu/principles-countries-history/symbols/europe-day_de",
    ),
    "day-of-the-covenant": Since(
        1901,
        "Robert Stockman",
        "The Bahá'í Faith in America vol. 2 p. 56, quoted by Nine Star Solutions, 'Why November 26? (first definite commemoration, Chicago, 26 Nov 1901)",
        "https://www.ninestarsolutions.com/why-november-26/",
    ),
    "ascension-of-abdul-baha": Since(
        1922,
        "Wikipedia",
        "ʻAbdu'l-Bahá (first anniversary of his death on 28 November 1921)",
        "https://en.wikipedia.org/wiki/%CA%BBAbdu%27l-Bah%C3%A1",
    ),
    "idahobit": Since(2005, "IDAHOBIT Committee", "May 17 (first observed 2005)", "https://may17.org/"),
    "hiroshima-day": Since(
        1947,
        "Chugoku Shimbun",
        "Hiroshima Peace Media Center, 'Peace Memorial Ceremony (started by the city in 1947)",
        "https://www.hiroshimapeacemedia.jp/?p=132404",
    ),
    "antikriegstag": Since(
        1957, "Wikipedia", "Antikriegstag (DGB youth, 1 September 1957)", "https://de.wikipedia.org/wiki/Antikriegstag"
    ),
    "pogrom-remembrance": Since(
        1978,
        "SWR Kultur Archivradio",
        "9.11.1978 ('Bis 1978 ... keine öffentliche Erinnerung')",
        "https://www.swr.de/swrkultur/wissen/archivradio/bundeskanzler-adenauer-kuendigt-wiedergutmachung-an-100.html",
    ),
    "international-day-of-peace": Since(
        1982,
        "United Nations",
        "resolution 36/67 (1981; 21 September from 2002 by resolution 55/282)",
        "https://www.un.org/en/observances/international-day-peace/background",
    ),
    "international-day-of-persons-with-disabilities": Since(
        1992,
        "United Nations",
        "resolution 47/3 of 14 Oct 1992",
        "https://www.un.org/en/observances/day-of-persons-with-disabilities",
    ),
}

#: Observances that predate 1900 in the form the catalogue gives them (no ``since``).
ANCIENT: dict[str, str] = {
    # Western church year: medieval or older (Advent, Easter cycle, saints' days); Erntedank,
    # Reformationstag (since 1567), Buß- und Bettag on the Wednesday before the last Sunday of the
    # church year (Prussia 1893), Totensonntag (Prussia 1816).
    **dict.fromkeys(
        [
            "epiphany",
            "carnival-monday",
            "ash-wednesday",
            "palm-sunday",
            "maundy-thursday",
            "good-friday",
            "easter-sunday",
            "easter-monday",
            "ascension",
            "pentecost",
            "whit-monday",
            "corpus-christi",
            "assumption",
            "harvest-festival",
            "reformation-day",
            "all-saints",
            "saint-martin",
            "repentance-day",
            "eternity-sunday",
            "first-advent",
            "saint-nicholas",
            "christmas-eve",
            "christmas",
            "candlemas",
            "annunciation",
        ],
        "Western church feast older than 1900",
    ),
    # Orthodox and Oriental churches on the Julian calendar (dated variants cover the Armenian reform).
    **dict.fromkeys(
        [
            "orthodox-christmas",
            "orthodox-old-new-year",
            "orthodox-epiphany",
            "saint-sava",
            "orthodox-good-friday",
            "orthodox-holy-saturday",
            "orthodox-easter",
            "orthodox-easter-monday",
            "orthodox-ascension",
            "orthodox-pentecost",
            "orthodox-whit-monday",
            "vidovdan",
            "orthodox-dormition",
            "armenian-christmas",
            "armenian-vardavar",
            "coptic-christmas",
            "coptic-new-year",
            "orthodox-clean-monday",
            "orthodox-palm-sunday",
            "ethiopian-christmas",
            "timkat",
            "meskel",
            "enkutatash",
        ],
        "Eastern church feast older than 1900",
    ),
    "kha-b-nisan": "Assyrian spring New Year (Akitu) on 1 Nisan, ancient",
    **dict.fromkeys(
        [
            "rosh-hashanah",
            "yom-kippur",
            "sukkot",
            "shemini-atzeret",
            "simchat-torah",
            "hanukkah",
            "tu-bishvat",
            "purim",
            "pesach",
            "lag-baomer",
            "shavuot",
            "tisha-bav",
            "fast-of-gedaliah",
            "asarah-betevet",
            "fast-of-esther",
            "shushan-purim",
            "seventeenth-of-tammuz",
            "hoshana-rabbah",
        ],
        "biblical or rabbinic festival",
    ),
    **dict.fromkeys(
        [
            "regaib-kandili",
            "isra-miraj",
            "berat-kandili",
            "ramadan",
            "laylat-al-qadr",
            "eid-al-fitr",
            "day-of-arafah",
            "eid-al-adha",
            "ghadir-khumm",
            "islamic-new-year",
            "ashura",
            "mawlid",
            "three-holy-months",
            "eid-al-fitr-eve",
            "arbaeen",
            "martyrdom-of-ali",
        ],
        "Islamic observance kept for centuries",
    ),
    **dict.fromkeys(
        [
            "alevi-hizir-fast",
            "alevi-nevruz",
            "hidrellez",
            "alevi-muharrem-fast",
            "alevi-asure",
        ],
        "Alevi observance kept for centuries",
    ),
    **dict.fromkeys(
        [
            "xidir-nebi",
            "yazidi-new-year",
            "cejna-cemaiye",
            "ezi-fast",
            "cejna-ezi",
        ],
        "Êzîdî feast kept for centuries",
    ),
    **dict.fromkeys(["vasilica", "herdeljezi"], "Romani folk feast (St Basil, St George)"),
    **dict.fromkeys(["vaisakhi", "guru-nanak-gurpurab", "bandi-chhor-divas"], "Sikh observance older than 1900"),
    # Guru Gobind Singh was born in 1666; Hola Mohalla was begun by him at Anandpur Sahib in 1701.
    **dict.fromkeys(["guru-gobind-singh-gurpurab", "hola-mohalla"], "Sikh observance older than 1900"),
    **dict.fromkeys(["mahavir-jayanti", "paryushana"], "Jain festival, ancient"),
    **dict.fromkeys(["newroz", "nowruz"], "Iranian and Kurdish New Year, ancient"),
    # Bahá'í holy days date from 1844-1892; their 2015 Badí' calendar rule is part of the rule word.
    **dict.fromkeys(
        [
            "naw-ruz",
            "ridvan-1",
            "ridvan-9",
            "ridvan-12",
            "declaration-of-the-bab",
            "ascension-of-bahaullah",
            "martyrdom-of-the-bab",
            "birth-of-the-bab",
            "birth-of-bahaullah",
            "ayyam-i-ha",
            "bahai-fast",
        ],
        "Bahá'í holy day of the 19th century",
    ),
    **dict.fromkeys(["chinese-new-year", "qingming", "mid-autumn"], "Chinese festival, ancient"),
    **dict.fromkeys(["diwali", "holi", "navaratri", "dussehra"], "Hindu festival, ancient"),
    **dict.fromkeys(
        [
            "maha-shivaratri",
            "rama-navami",
            "krishna-janmashtami",
            "raksha-bandhan",
            "ganesh-chaturthi",
            "makar-sankranti",
            "vasant-panchami",
        ],
        "Hindu festival, ancient",
    ),
    "vesak": "Buddhist festival, ancient",
    **dict.fromkeys(
        [
            "lantern-festival",
            "dragon-boat",
            "qixi",
            "ghost-festival",
            "double-ninth",
            "dongzhi",
            "tet",
            "seollal",
            "chuseok",
        ],
        "East Asian lunisolar festival, ancient",
    ),
    **dict.fromkeys(["chaharshanbe-suri", "sizdah-bedar", "yalda"], "Iranian festival, ancient"),
    # Shahanshahi days (the calendar of the Parsis since their arrival in India); Jamshedi Navroz and
    # Sadeh are ancient Iranian feasts.
    **dict.fromkeys(
        ["parsi-new-year", "khordad-sal", "zarathosht-no-diso", "jamshedi-navroz", "jashn-e-sadeh"],
        "Zoroastrian feast, ancient",
    ),
    # Bodhi Day on 8 December: Japanese Rōhatsu on the Gregorian date since Japan's 1873 calendar reform.
    **dict.fromkeys(["bodhi-day", "magha-puja", "asalha-puja", "losar"], "Buddhist festival older than 1900"),
    # All Souls: Odilo of Cluny, about 998; the Immaculate Conception universal since 1708 (dogma 1854);
    # the Transfiguration an Eastern feast since the first millennium; Laba a Chinese festival since the Song.
    **dict.fromkeys(
        ["all-souls", "immaculate-conception", "orthodox-transfiguration"], "Christian feast older than 1900"
    ),
    "laba-festival": "East Asian lunisolar festival, ancient",
}

FIRST_YEAR = MIN_YEAR


def first_year_of(catalogue: Catalogue, holiday_id: str) -> int | None:
    """The holiday's ``since``, or where it has dated rules, the first one's."""
    holiday = catalogue.get(holiday_id)
    assert holiday is not None, holiday_id
    if holiday.since is not None:
        return holiday.since
    return holiday.eras[0].since if holiday.eras else None


def occurrences_of(engine: Engine, holiday_id: str, year: int) -> list[Occurrence]:
    """Every occurrence starting in ``year`` under every Jewish variant (the default Islamic profile)."""
    return [o for jewish in JEWISH_VARIANTS for o in engine.year(year, jewish=jewish) if o.id == holiday_id]


# -- the whole catalogue is classified ---------------------------------------------------------------------


def test_tables_do_not_overlap() -> None:
    assert not set(MODERN) & set(ANCIENT)


def test_every_holiday_is_either_modern_with_a_year_or_older_than_1900(catalogue: Catalogue) -> None:
    ids = {h.id for h in catalogue.holidays}
    unclassified = sorted(ids - set(MODERN) - set(ANCIENT))
    assert not unclassified, (
        f"no published first year recorded for {unclassified}: add it to MODERN with "
        "its source (and `since` to the catalogue), or to ANCIENT if it predates 1900"
    )
    assert not (set(MODERN) | set(ANCIENT)) - ids, "the tables name holidays the catalogue does not have"


def citation(since: Since) -> str:
    """The table's source as one line, for assertion messages."""
    return ", ".join(part for part in (since.publisher, since.title, since.url) if part)


@pytest.mark.parametrize("holiday_id", sorted(MODERN))
def test_modern_observance_has_its_published_first_year(catalogue: Catalogue, holiday_id: str) -> None:
    assert first_year_of(catalogue, holiday_id) == MODERN[holiday_id].year, citation(MODERN[holiday_id])


@pytest.mark.parametrize("holiday_id", sorted(MODERN))
def test_the_source_of_the_first_year_is_cited_for_users(catalogue: Catalogue, holiday_id: str) -> None:
    # Users see the holiday's `sources`, not the comments of the YAML file: the source that dates
    # the first year must be among them (by its address, or by its title where it is not online).
    since, holiday = MODERN[holiday_id], catalogue.get(holiday_id)
    assert holiday is not None
    if since.url is not None:
        cited = [s for s in holiday.sources if s.url == since.url]
    else:
        cited = [s for s in holiday.sources if s.title == since.title]
    assert cited, f"{holiday_id}: `sources` does not cite {citation(since)}"


@pytest.mark.parametrize("holiday_id", sorted(MODERN))
def test_no_occurrence_before_the_first_year(engine: Engine, holiday_id: str) -> None:
    since = MODERN[holiday_id].year
    early = [o for year in range(FIRST_YEAR, since) for o in occurrences_of(engine, holiday_id, year)]
    assert early == [], f"{holiday_id} before {since}: {[o.start for o in early]}"
    assert occurrences_of(engine, holiday_id, since), f"{holiday_id} missing in its first year {since}"


@pytest.mark.parametrize("holiday_id", sorted(ANCIENT))
def test_ancient_observance_is_there_from_1900(catalogue: Catalogue, engine: Engine, holiday_id: str) -> None:
    holiday = catalogue.get(holiday_id)
    assert holiday is not None
    assert holiday.since is None, f"{holiday_id} is older than 1900 ({ANCIENT[holiday_id]}) but has since"
    found = occurrences_of(engine, holiday_id, FIRST_YEAR) + occurrences_of(engine, holiday_id, FIRST_YEAR + 1)
    assert found, f"{holiday_id} has no occurrence in 1900-1901"


# -- rules that changed: a date before and after the change ------------------------------------------------


def test_volkstrauertag_first_held_on_invocavit_1925(the_one: Callable[..., Occurrence]) -> None:
    # Wikipedia, "Volkstrauertag": "Der Volkstrauertag wurde erstmals am 1. März 1925 begangen."
    # https://de.wikipedia.org/wiki/Volkstrauertag
    assert the_one("remembrance-sunday", 1925).start == date(1925, 3, 1)


@pytest.mark.parametrize("year", [1926, 1930, 1933, 1950, 1951])
def test_volkstrauertag_on_reminiscere_before_1952(the_one: Callable[..., Occurrence], year: int) -> None:
    # Lexikon Drittes Reich, "Volkstrauertag": from 1926 on Reminiscere, the 5th Sunday before Easter
    # (http://www.lexikon-drittes-reich.de/Volkstrauertag); epd/EKKW: on the 2nd Sunday of Lent until
    # it moved to November in 1952 (https://www.ekkw.de/glaube/wissenswert_986.htm).
    # Easter from python-dateutil's own computus.
    assert the_one("remembrance-sunday", year).start == easter(year, EASTER_WESTERN) - timedelta(days=35)


def test_volkstrauertag_in_november_from_1952(the_one: Callable[..., Occurrence]) -> None:
    # DW Kalenderblatt, "16.11.1952: Volkstrauertag" - first held at its new place in the calendar,
    # https://kalenderblatt.de/index.php?what=ged&page=1&autorid=5020&tag=16&monat=11&year=2021&dayisset=1&lang=de
    assert the_one("remembrance-sunday", 1952).start == date(1952, 11, 16)
    # 1950 (spring) versus 1952 (November): the published change.
    assert the_one("remembrance-sunday", 1950).start.month == 3


@pytest.mark.parametrize("year", [1934, 1939, 1945, 1949])
def test_no_volkstrauertag_in_the_heldengedenktag_years_and_before_its_revival(
    starting_in: Callable[..., list[Occurrence]], year: int
) -> None:
    # 1934-1945 replaced by the Nazi "Heldengedenktag" (Lexikon Drittes Reich, above), revived with the first
    # Bundestag commemoration in 1950 (tagesschau.de, https://www.tagesschau.de/multimedia/bilder/volkstrauertag-131.html).
    assert starting_in("remembrance-sunday", year) == []


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1910, date(1910, 1, 19)), (1923, date(1923, 1, 19)), (1924, date(1924, 1, 6)), (2025, date(2025, 1, 6))],
)
def test_armenian_christmas_julian_until_the_1923_reform(
    the_one: Callable[..., Occurrence], year: int, expected: date
) -> None:
    # A. Fortescue, The Lesser Eastern Churches (1913), p. 437: the Armenians "now all use the Julian
    # Calendar", Epiphany on 6 January (= 19 January Gregorian from March 1900 to 2099),
    # https://en.wikisource.org/wiki/Page:Lesser_Eastern_Churches.djvu/459; Gregorian since 1923
    # (armenian-lectionary, https://pypi.org/project/armenian-lectionary/).
    assert the_one("armenian-christmas", year).start == expected


@pytest.mark.parametrize(
    ("year", "computus"),
    [(1910, EASTER_ORTHODOX), (1923, EASTER_ORTHODOX), (1924, EASTER_WESTERN), (2025, EASTER_WESTERN)],
)
def test_vardavar_98_days_after_the_easter_of_its_calendar(
    the_one: Callable[..., Occurrence], year: int, computus: int
) -> None:
    # Fortescue (above): Transfiguration on the seventh Sunday after Pentecost = Easter + 98, Julian
    # computus before the reform; Gregorian Easter since 1923 (armenian-lectionary, above).
    assert the_one("armenian-vardavar", year).start == easter(year, computus) + timedelta(days=98)


def test_vardavar_moves_with_the_reform_in_a_year_the_two_easters_differ(the_one: Callable[..., Occurrence]) -> None:
    # 1910: Western Easter 27 March, Orthodox 1 May (dateutil) - the old rule must not give the new date.
    assert easter(1910, EASTER_WESTERN) != easter(1910, EASTER_ORTHODOX)
    assert the_one("armenian-vardavar", 1910).start != easter(1910, EASTER_WESTERN) + timedelta(days=98)


def test_womens_day_from_its_fixed_date(
    starting_in: Callable[..., list[Occurrence]], the_one: Callable[..., Occurrence]
) -> None:
    # MDR: 8 March fixed in 1921; 1911 (first held) was 19 March and is not modelled.
    assert starting_in("international-womens-day", 1911) == []
    assert the_one("international-womens-day", 1921).start == date(1921, 3, 8)


# -- the grammar of dated rules ----------------------------------------------------------------------------

DATED = """\
version: "t"
holidays:
  - id: mourning
    tradition: christianity
    names: {de: Trauertag, en: Mourning}
    description: {de: Gedenktag., en: Day of remembrance.}
    rule:
      - {until: 1933, rule: easter -35}
      - {since: 1950, until: 1951, rule: easter -35}
      - {since: 1952, rule: 6th sunday before 12-25}
    category: memorial
    sources: [{publisher: "Test", title: "test"}]
  - id: shifted
    tradition: judaism
    names: {de: Verschoben, en: Shifted}
    description: {de: Test., en: Test.}
    rule:
      - {until: 1999, rule: {diaspora: hebrew 23 Tishrei, israel: hebrew 22 Tishrei}}
      - {since: 2000, rule: hebrew 1 Tishrei}
    until: 2010
    category: minor
    sources: [{publisher: "Test", title: "test"}]
"""


@pytest.fixture(scope="module")
def dated_engine() -> Engine:
    return Engine(loads(DATED, "dated.yaml"))


def _starts(engine: Engine, holiday_id: str, year: int, jewish: str = "diaspora") -> list[date]:
    return [o.start for o in engine.year(year, jewish=jewish) if o.id == holiday_id]


def test_each_year_takes_the_rule_in_force(dated_engine: Engine) -> None:
    reminiscere = [easter(y, EASTER_WESTERN) - timedelta(days=35) for y in (1900, 1933, 1950, 1951)]
    assert [_starts(dated_engine, "mourning", y) for y in (1900, 1933, 1950, 1951)] == [[d] for d in reminiscere]
    assert _starts(dated_engine, "mourning", 1952) == [date(1952, 11, 16)]


def test_a_gap_between_dated_rules_has_no_occurrence(dated_engine: Engine) -> None:
    assert [y for y in range(1934, 1950) if _starts(dated_engine, "mourning", y)] == []


def test_the_span_comes_from_the_dated_rules_and_the_holiday(dated_engine: Engine) -> None:
    mourning, shifted = dated_engine.catalogue.get("mourning"), dated_engine.catalogue.get("shifted")
    assert (mourning.since, mourning.until) == (None, None)
    assert (shifted.since, shifted.until) == (None, 2010)
    assert mourning.rule_in(1940) is None and mourning.rule_in(1951) is not None
    assert _starts(dated_engine, "shifted", 2010) and not _starts(dated_engine, "shifted", 2011)


def test_dated_rules_keep_jewish_variants(dated_engine: Engine) -> None:
    # 1990: 22 Tishrei 5751 = 11 October 1990, Simchat Torah in the diaspora a day later
    # (Hebcal, Jewish holidays 5751, https://www.hebcal.com/holidays/1990-1991).
    assert _starts(dated_engine, "shifted", 1990, "israel") == [date(1990, 10, 11)]
    assert _starts(dated_engine, "shifted", 1990, "diaspora") == [date(1990, 10, 12)]
    # 2000: 1 Tishrei 5761 = 30 September 2000, the same in both variants
    # (Hebcal, Jewish holidays 5761, https://www.hebcal.com/holidays/2000-2001).
    assert (
        _starts(dated_engine, "shifted", 2000, "israel")
        == _starts(dated_engine, "shifted", 2000)
        == [date(2000, 9, 30)]
    )


def test_a_plain_rule_still_works_beside_dated_ones(engine: Engine, the_one: Callable[..., Occurrence]) -> None:
    # Christmas has one rule for every year; its plan is unchanged.
    assert the_one("christmas", 1900).start == date(1900, 12, 25)
    assert engine.catalogue.get("christmas").eras == ()


def test_errors_in_dated_rules_name_the_line_of_the_variant() -> None:
    broken = DATED.replace(
        "{since: 1950, until: 1951, rule: easter -35}", "{since: 1930, until: 1951, rule: easter -35}"
    )
    with pytest.raises(CatalogueError) as caught:
        loads(broken, "dated.yaml")
    (error,) = caught.value.errors
    assert error.startswith("dated.yaml:9: holiday 'mourning': field 'rule': dated rule from 1930 overlaps")
