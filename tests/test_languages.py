"""French and Spanish reports (issue 11), and prose items `<title> held in <place> on <date>`
in every language (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.language import detect_language, languages
from extract.meta import doc_type, find_title, is_cover_line
from extract.model import Action, Item, Paragraph, Row
from extract.tables import map_header
from normalize.events import classify_scope, classify_type, parse_event
from normalize.lang import english_acronyms
from tests.conftest import FIXTURES, SAMPLES, SEED_000, load_jsonl
from tests.scoring import score

FRENCH, BILINGUAL, SPANISH = f"{SEED_000}_fr", f"{SEED_000}_bilingual", "002_es_000_excerpt"
SAMPLE_LANGUAGE = {FRENCH: "fr", BILINGUAL: "fr", SPANISH: "es"}
FORMATS = [".txt", ".docx", ".pdf"]
GOLD = {
    FRENCH: f"{FRENCH}.events.jsonl",
    BILINGUAL: f"{FRENCH}.events.jsonl",
    SPANISH: f"{SPANISH}.events.jsonl",
}


@pytest.fixture(scope="module")
def run():
    """The English seed and every rendering of its French, bilingual and Spanish versions."""
    import pipeline

    files = [SAMPLES / f"{SEED_000}.txt"] + [SAMPLES / f"{s}{f}" for s in SAMPLE_LANGUAGE for f in FORMATS]
    return pipeline.run(files, jobs=2)


def _records(df) -> list[dict]:
    return [{k: (None if v != v else v) for k, v in r.items()} for r in df.to_dict("records")]


def _of(ds, table: str, name: str) -> list[dict]:
    df = getattr(ds, table)
    return _records(df[df["source_file"] == str(SAMPLES / name)])


# --- Language of a document ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Council endorsed the guidance and the PTC was invited to contribute to the work of the Group.",
         "en"),
        ("Le Conseil a approuvé le Guide et le CTP a été invité à contribuer aux travaux du Groupe.", "fr"),
        ("El Consejo aprobó la Guía y el CTP fue invitado a contribuir a los trabajos del Grupo.", "es"),
        # An English title cited in a French report, and bilingual headers: still French.
        ("Le Secrétariat a participé au « Public Forum of the World Trade Organization on the Future "
         "of Trade » et à la réunion du Comité. Mesure / Action. État d'avancement / Progress. "
         "Les résultats de l'enquête ont été présentés aux Membres.", "fr"),
        ("", "en"),  # nothing to tell: the default
        ("Atelier (Équateur, 22-26 juin 2015)", "en"),  # too few function words to overrule it
    ],
)  # fmt: skip
def test_language_from_function_words(text, language):
    assert detect_language(text) == language


@given(st.text(max_size=300))
def test_language_is_always_a_known_code(text):
    assert detect_language(text) in languages()


@given(st.lists(st.sampled_from(["Workshop", "on", "the", "of", "WTO", "Forum", "Trade"]), max_size=8))
def test_an_english_title_cited_in_french_prose_does_not_change_its_language(title):
    prose = (
        "Le Secrétariat de l'OMD a participé à la réunion du Comité et a présenté les résultats des travaux"
    )
    assert detect_language(f"{prose} « {' '.join(title)} » {prose}") == "fr"


# --- Column headers, title and cover block -------------------------------------------


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        (["", "Mesure", "Organe responsable", "Calendrier/Échéance", "État d'avancement"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["N°", "MESURE", "ORGANE RESPONSABLE", "ECHEANCE", "ETAT D'AVANCEMENT", "Observations"],
         ["no", "action", "responsible_body", "timeframe", "progress", "remarks"]),
        (["", "Mesure / Action", "Organe responsable / Responsible body",
          "Calendrier/Échéance / Timeframe/Deadline", "État d'avancement / Progress"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["", "Medida", "Órgano responsable", "Plazo", "Estado de avance"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["Nº", "Acciones", "Responsable", "Calendario", "Progreso", "Comentarios"],
         ["no", "action", "responsible_body", "timeframe", "progress", "remarks"]),
        # Optional plural endings, typographic apostrophes.
        (["N°", "Activité", "Chef(s) de file", "Calendrier", "Réalisations", "Observations"],
         ["no", "action", "responsible_body", "timeframe", "progress", "remarks"]),
        (["N°", "Mesure", "Organe(s) responsable(s)", "Échéance", "État d’avancement / Observations"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["No.", "Action", "Responsible Body(ies)", "Timeframe", "Progress"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        # A narrow column's header broken inside words, as a PDF reader joins its lines.
        (["N °", "Mesure", "Organe(s ) responsa ble(s)", "Éché ance", "État d’avancemen t / Observations"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["No", "Action", "Respon sible body", "Time frame", "Prog ress"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
    ],
)  # fmt: skip
def test_header_synonyms_in_every_language(header, columns):
    assert map_header(header) == columns


@pytest.mark.parametrize(
    ("line", "cover"),
    [
        ("WORLD CUSTOMS ORGANIZATION", True),
        ("ORGANISATION MONDIALE DES DOUANES", True),
        ("Organización Mundial de Aduanas", True),
        ("Créée en 1952 sous le nom de Conseil de coopération douanière", True),
        ("PERMANENT TECHNICAL COMMITTEE", True),
        ("COMITÉ TECHNIQUE PERMANENT", True),
        ("Comisión de Política General", True),
        ("- 211th/212th Sessions -", True),
        ("- 211e/212e sessions -", True),
        ("PROGRESS IN IMPLEMENTING THE ECP ACTION PLAN", False),
        ("ÉTAT D'AVANCEMENT DE LA MISE EN ŒUVRE DU PLAN D'ACTION", False),
        ("Committee work programme for 2016-2018 and the progress of its five working groups", False),
    ],
)
def test_cover_block_lines(line, cover):
    assert is_cover_line(line) is cover


def test_title_skips_the_cover_block_and_drops_the_as_of_parenthetical():
    lines = ["WORLD CUSTOMS ORGANIZATION", "ORGANISATION MONDIALE DES DOUANES", "COMITÉ TECHNIQUE PERMANENT",
             "- 211e/212e sessions -", "PC0426F1a", "Bruxelles, le 26 octobre 2015.",
             "ÉTAT D'AVANCEMENT DE LA MISE EN ŒUVRE DU PLAN D'ACTION (AU 31 JUILLET 2024)"]  # fmt: skip
    title = find_title([Paragraph(t, 0, len(t)) for t in lines])
    assert title == "ÉTAT D'AVANCEMENT DE LA MISE EN ŒUVRE DU PLAN D'ACTION"
    assert doc_type(title, []) == "progress_report"
    assert doc_type("Plan d'action du DCE pour la phase III", []) == "action_plan"
    assert doc_type("Plan de acción del PCE", []) == "action_plan"
    assert doc_type("Informe de situación", []) == "progress_report"


# --- Keywords: the same types and scopes whatever the language -------------------------


@pytest.mark.parametrize(
    ("title", "language", "event_type", "scope"),
    [
        ("Atelier national sur la gestion des risques", "fr", "workshop", "national"),
        ("Atelier de formation de la BID sur les OEA", "fr", "training", None),  # "Training Workshop"
        ("Atelier d'accréditation des conseillers", "fr", "accreditation", None),
        ("Séminaire sous-régional sur l'évaluation en douane", "fr", "seminar", "sub-regional"),
        ("Réunion de suivi de la Conférence de l'ONU", "fr", "meeting", None),  # head: Réunion
        ("Préparation d'un nouveau cours de formation en ligne sur le transit", "fr", "course", None),
        ("Mission de diagnostic", "fr", "mission", None),
        ("Lancement du programme OEA", "fr", "launch", None),
        ("Congrès mondial des chambres de commerce", "fr", "conference", "global"),
        ("Taller regional sobre el Programa Mercator", "es", "workshop", "regional"),
        ("Seminario nacional sobre valoración", "es", "seminar", "national"),
        ("Foro mundial sobre comercio electrónico", "es", "forum", "global"),
        ("WTO Public Forum 2015", "fr", "forum", None),  # an English title in a French report
    ],
)
def test_event_type_and_scope_keywords_per_language(title, language, event_type, scope):
    assert classify_type(title, "event", language) == event_type
    assert classify_scope(title, language) == scope


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Atelier national sur l'ETM de la BAsD", "Atelier national sur l'TRS de la ADB"),
        ("Atelier conjoint OMD-UPU", "Atelier conjoint WCO-UPU"),
        ("Taller sobre el AFC (OMA)", "Taller sobre el TFA (WCO)"),
        ("Réunion du CG/CKR", "Réunion du RKC/MC"),
        ("Atelier sur le CAPTEUR", "Atelier sur le CAPTEUR"),  # whole acronyms only
    ],
)
def test_acronyms_of_other_languages_read_the_english_way(text, expected):
    assert english_acronyms(text) == expected


# --- Prose items: the title ends where the place or date phrase begins -----------------

REFERENCE = date(2022, 12, 31)
ACTION = Action(
    "doc", "doc.txt", 1, "SECTION", "1", "Do", "WCO", ("WCO",), None, None, None, True, 1, 0, 0,
    Row((), 1, 0, 0),
)  # fmt: skip


def _event(text: str, language: str):
    return parse_event(Item(ACTION, 1, text, 0, len(text), 1, None, False), REFERENCE, language)


@pytest.mark.parametrize(
    ("text", "language", "title", "iso3", "city", "start", "end", "kind"),
    [
        ("National Workshop on Post Clearance Audit (PCA) held in Tehran, Iran (Islamic Republic of) "
         "from 15 to 19 April 2018", "en", "National Workshop on Post Clearance Audit (PCA)",
         "IRN", "Tehran", "2018-04-15", "2018-04-19", "event"),
        ("National Workshop on Risk Management held at WCO Headquarters on 5-7 June 2018", "en",
         "National Workshop on Risk Management", "BEL", "Brussels", "2018-06-05", "2018-06-07", "event"),
        ("Sub-regional Workshop on AEO took place in Nairobi, Kenya, in November 2019", "en",
         "Sub-regional Workshop on AEO", "KEN", "Nairobi", "2019-11", "2019-11", "event"),
        ("Regional Seminar on Valuation held on 3 May 2017", "en",
         "Regional Seminar on Valuation", None, None, "2017-05-03", "2017-05-03", "event"),
        # A paragraph that goes on after the phrase is prose: its sentences stay the title.
        ("A diagnostic mission took place in Lao PDR from 6 to 10 February 2017. A visit is planned.", "en",
         "A diagnostic mission took place in Lao PDR from 6 to 10 February 2017. A visit is planned.",
         "LAO", None, "2017-02-06", "2017-02-10", "event"),
        # A finite passive clause keeps the sentence as the title (the seed's gold does so).
        ("Regional Seminar on Valuation was organized at WCO Headquarters on 3 May 2017", "en",
         "Regional Seminar on Valuation was organized at WCO Headquarters on 3 May 2017",
         "BEL", "Brussels", "2017-05-03", "2017-05-03", "event"),
        # Not a place phrase: the title stays whole.
        ("Sub-Regional Workshop on Simplification organized by GIZ and OSCE", "en",
         "Sub-Regional Workshop on Simplification organized by GIZ and OSCE",
         None, None, None, None, "event"),
        # A statement that mentions where a meeting was held stays a statement.
        ("The Council endorsed the guidance at the meeting held in Brussels in June 2015", "en",
         "The Council endorsed the guidance at the meeting held in Brussels in June 2015",
         "BEL", "Brussels", "2015-06", "2015-06", "development"),
        ("Atelier national sur la gestion des risques organisé à Port-Louis, Maurice, "
         "du 28 novembre au 2 décembre 2016", "fr", "Atelier national sur la gestion des risques",
         "MUS", "Port Louis", "2016-11-28", "2016-12-02", "event"),
        ("L'atelier régional sur le CAP a eu lieu à Abidjan, Côte d'Ivoire, en mars 2018", "fr",
         "L'atelier régional sur le CAP", "CIV", "Abidjan", "2018-03", "2018-03", "event"),
        ("Le Forum mondial de l'OMD s'est tenu au Siège de l'OMD les 10 et 11 juin 2019", "fr",
         "Le Forum mondial de l'OMD s'est tenu au Siège de l'OMD les 10 et 11 juin 2019",
         "BEL", "Brussels", "2019-06-10", "2019-06-11", "event"),
        ("Une réunion d'experts a été organisée afin de recueillir les bonnes pratiques (septembre 2015)",
         "fr", "Une réunion d'experts a été organisée afin de recueillir les bonnes pratiques",
         None, None, "2015-09", "2015-09", "development"),
        ("Taller nacional sobre gestión de riesgos celebrado en Lima, Perú, del 3 al 5 de mayo de 2019",
         "es", "Taller nacional sobre gestión de riesgos", "PER", "Lima", "2019-05-03", "2019-05-05",
         "event"),
        ("La Conferencia regional se celebró en la Sede de la OMA el 4 de abril de 2019", "es",
         "La Conferencia regional se celebró en la Sede de la OMA el 4 de abril de 2019",
         "BEL", "Brussels", "2019-04-04", "2019-04-04", "event"),
        # Place parentheticals, nested qualifiers included.
        ("Atelier national (Port-Louis, Maurice, du 28 novembre au 2 décembre 2016)", "fr",
         "Atelier national", "MUS", "Port Louis", "2016-11-28", "2016-12-02", "event"),
        ("Regional Workshop (Bolivia (Plurinational State of), Friday, 18 June 2021)", "en",
         "Regional Workshop", "BOL", None, "2021-06-18", "2021-06-18", "event"),
        ("Atelier national sur la gestion des risques (Équateur, 24-26 septembre 2019)", "fr",
         "Atelier national sur la gestion des risques", "ECU", None, "2019-09-24", "2019-09-26", "event"),
    ],
)  # fmt: skip
def test_prose_items(text, language, title, iso3, city, start, end, kind):
    e = _event(text, language)
    assert (e.title, e.country_iso3, e.city, e.start_date, e.end_date, e.kind) == (
        title, iso3, city, start, end, kind,
    )  # fmt: skip
    assert text[e.title_span[0] : e.title_span[1]] == e.title


_PROSE_TITLES = st.sampled_from(
    ["National Workshop on Risk Management", "Regional Seminar on AEO", "Sub-regional Forum on Transit"]
)
_PLACES = st.sampled_from(
    [("Nairobi, Kenya", "KEN"), ("Kenya", "KEN"), ("WCO Headquarters", "BEL"), ("Lima, Peru", "PER")]
)
_DATES = st.sampled_from(
    [("from 15 to 19 April 2018", "2018-04-15"), ("on 3 May 2017", "2017-05-03"), ("in June 2016", "2016-06")]
)


@given(_PROSE_TITLES, st.sampled_from(["held", "organized", "organised", "convened", "hosted"]),
       st.sampled_from(["in", "at"]), _PLACES, _DATES)  # fmt: skip
def test_a_held_phrase_gives_title_place_and_date(title, verb, preposition, place, when):
    (where, iso3), (phrase, start) = place, when
    e = _event(f"{title} {verb} {preposition} {where} {phrase}", "en")
    assert (e.title, e.country_iso3, e.start_date) == (title, iso3, start)


# --- The samples, in every format ----------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", list(SAMPLE_LANGUAGE))
def test_language_title_and_type_of_each_sample(run, sample, fmt):
    doc = _of(run, "documents", f"{sample}{fmt}")[0]
    assert doc["language"] == SAMPLE_LANGUAGE[sample]
    assert doc["doc_type"] == "progress_report"
    assert str(doc["as_of"]) == "2015-10-25"
    assert doc["title"].startswith(("ÉTAT D'AVANCEMENT", "ESTADO DE AVANCE"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", list(SAMPLE_LANGUAGE))
def test_every_action_as_in_english(run, sample, fmt):
    english = {a["action_no"]: a for a in _of(run, "actions", f"{SEED_000}.txt")}
    got = _of(run, "actions", f"{sample}{fmt}")
    assert len(got) == (18 if sample == SPANISH else 20)  # the Spanish excerpt leaves out actions 1 and 6
    for a in got:
        e = english[a["action_no"]]
        assert (a["section_no"], a["continuous"], a["deadline"]) == (
            e["section_no"],
            e["continuous"],
            e["deadline"],
        )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", list(SAMPLE_LANGUAGE))
def test_every_event_has_the_english_place_and_dates(run, sample, fmt):
    fields = ("country_iso3", "city", "start_date", "end_date", "date_precision", "kind")
    english = {(e["action_no"], e["item_no"]): e for e in _of(run, "events", f"{SEED_000}.txt")}
    got = _of(run, "events", f"{sample}{fmt}")
    assert len(got) == (61 if sample == SPANISH else 144)
    wrong = [
        (
            e["action_no"],
            e["item_no"],
            [(f, english[(e["action_no"], e["item_no"])][f], e[f]) for f in fields],
        )
        for e in got
        if any(e[f] != english[(e["action_no"], e["item_no"])][f] for f in fields)
    ]
    assert wrong == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", list(SAMPLE_LANGUAGE))
def test_every_event_fully_correct_against_the_gold_titles_in_the_report_language(run, sample, fmt):
    gold = [{**g, "doc": sample} for g in load_jsonl(FIXTURES / GOLD[sample])]
    got = [{**e, "doc": sample} for e in _of(run, "events", f"{sample}{fmt}")]
    result = score(gold, got)
    assert result.fully_correct == len(gold) == len(got), result.misses


def test_country_as_the_report_spelled_it(run):
    events = {(e["action_no"], e["item_no"]): e for e in _of(run, "events", f"{FRENCH}.txt")}
    assert (events[("6", 23)]["country"], events[("6", 23)]["title"]) == (
        "Ecuador", "Atelier national sur la gestion des risques",
    )  # fmt: skip
    if "country_text" in run.events.columns:  # the column is the analyst's to add
        assert events[("6", 23)]["country_text"] == "Équateur"
        assert events[("1", 7)]["country_text"] == "République du Congo"


# --- The same event, the same key, in English and in French ----------------------------

_ENGLISH = load_jsonl(FIXTURES / f"{SEED_000}.events.jsonl")


@pytest.mark.parametrize(
    "item",
    [pytest.param((g["action_no"], g["item_no"]), id=f"{g['action_no']}.{g['item_no']}") for g in _ENGLISH],
)
def test_event_key_equal_in_english_and_french(run, item):
    """Every rendering of the English, French and bilingual-header seed gives the item
    one key: its words are read as language-independent concepts (normalize/topics.py)."""

    def key(name):
        found = [e for e in _of(run, "events", name) if (int(e["action_no"]), e["item_no"]) == item]
        return found[0]["event_key"]

    names = [f"{SEED_000}.txt"] + [f"{stem}{fmt}" for stem in (FRENCH, BILINGUAL) for fmt in FORMATS]
    assert len({key(name) for name in names}) == 1, {name: key(name) for name in names}


def test_event_key_mostly_equal_in_english_and_spanish(run):
    """The Spanish excerpt: 57 of its 61 items key as in English (measured); the others
    differ by a word the glossaries do not equate (`report` / `elo` for `Draft Study
    Report` / `proyecto de estudio`, a verb the translator chose differently)."""
    english = {(e["action_no"], e["item_no"]): e["event_key"] for e in _of(run, "events", f"{SEED_000}.txt")}
    spanish = _of(run, "events", f"{SPANISH}.txt")
    equal = sum(english[(e["action_no"], e["item_no"])] == e["event_key"] for e in spanish)
    assert len(spanish) == 61 and equal >= 57
