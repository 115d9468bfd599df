"""Splitting Progress cells into items."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.bullets import content_chars
from extract.model import HEADING, LIST_ITEM, Paragraph
from normalize.items import ITEM, NOTE, REGION, paragraph_pieces, paragraph_role, region_of, split_inline_list


def _texts(text):
    return [text[p.start : p.end] for p in split_inline_list(text)]


def test_inline_bullets_split_into_items():
    text = "- A Workshop (China, 1 May 2015) - B Forum (Peru, 2 May 2015)"
    assert _texts(text) == ["A Workshop (China, 1 May 2015)", "B Forum (Peru, 2 May 2015)"]


def test_dash_inside_a_title_is_not_a_bullet():
    text = (
        "- Conference - Costa Rica in the Multilateral Trading System (Costa Rica, 25 August 2015)"
        " - APEC Customs Business Dialogue (ACBD) (Philippines, 25 August 2015)"
    )
    assert _texts(text) == [
        "Conference - Costa Rica in the Multilateral Trading System (Costa Rica, 25 August 2015)",
        "APEC Customs Business Dialogue (ACBD) (Philippines, 25 August 2015)",
    ]


def test_dash_inside_parentheses_or_lower_case_continuation_is_kept():
    assert _texts("- Forum (Kenya - Nairobi, 3 May 2015) - Next Meeting (Chad, 2015)") == [
        "Forum (Kenya - Nairobi, 3 May 2015)",
        "Next Meeting (Chad, 2015)",
    ]
    assert _texts("- Workshop on rules - of origin in Africa - Second Item here") == [
        "Workshop on rules - of origin in Africa",
        "Second Item here",
    ]


def test_other_bullet_glyphs():
    assert _texts("• First item here • Second item here") == ["First item here", "Second item here"]


def test_list_item_paragraph_is_one_item_even_with_a_dash():
    p = Paragraph("Conference - Costa Rica in the System (Costa Rica, 2015)", 0, 57, LIST_ITEM)
    pieces, prose = paragraph_pieces(p)
    assert len(pieces) == 1 and not prose


def test_prose_paragraph_is_one_record():
    text = "The survey was run. The results were presented on 8-9 October 2015. A - B."
    pieces, prose = paragraph_pieces(Paragraph(text, 0, len(text)))
    assert [text[p.start : p.end] for p in pieces] == [text] and prose


def test_region_headings():
    assert region_of(Paragraph("(Asia/Pacific)", 0, 14)) == "Asia/Pacific"
    assert region_of(Paragraph("West and Central Africa", 0, 23, HEADING)) == "West and Central Africa"
    assert region_of(Paragraph("(June 2015)", 0, 11)) is None
    assert region_of(Paragraph("Workshop (China)", 0, 16)) is None


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40), max_size=8))
def test_splitting_loses_no_non_blank_character(parts):
    text = "- " + " - ".join(parts)
    pieces = split_inline_list(text)
    kept = "".join(text[p.start : p.end] for p in pieces)
    # Everything outside the items is bullets and blanks.
    outside = list(text)
    for p in pieces:
        outside[p.start : p.end] = [" "] * (p.end - p.start)
    assert re.fullmatch(r"[\s\-–—•▪◦‣*o]*", "".join(outside)), (text, pieces)
    assert all(p.start < p.end for p in pieces)
    assert len(kept) <= len(text)


def test_only_the_opening_glyph_separates_entries():
    text = (
        "- National Workshop on the TFA (TFA) – Mercator Programme (Lomé, Togo, 2019)"
        " - Forum on Data (Peru, 2016)"
    )
    assert _texts(text) == [
        "National Workshop on the TFA (TFA) – Mercator Programme (Lomé, Togo, 2019)",
        "Forum on Data (Peru, 2016)",
    ]
    assert _texts("• Seminar A - Phase II (Chad, 2016) • Seminar B (Mali, 2016)") == [
        "Seminar A - Phase II (Chad, 2016)",
        "Seminar B (Mali, 2016)",
    ]


@pytest.mark.parametrize(
    ("text", "item", "prose"),
    [
        ("a) Regional Workshop (Peru, 2016)", "Regional Workshop (Peru, 2016)", False),
        ("(iii) Regional Workshop (Peru, 2016)", "Regional Workshop (Peru, 2016)", False),
        ("\uf0b7 Regional Workshop (Peru, 2016)", "Regional Workshop (Peru, 2016)", False),
        ("In 2016 the Council met.", "In 2016 the Council met.", True),
    ],
)
def test_enumerators_and_private_use_bullets_open_an_entry(text, item, prose):
    pieces, is_prose = paragraph_pieces(Paragraph(text, 0, len(text)))
    assert [text[p.start : p.end] for p in pieces] == [item] and is_prose is prose


_P = Paragraph
_ITEM = _P("- Workshop (Japan, 3 May 2016)", 0, 30)


@pytest.mark.parametrize(
    ("paragraph", "following", "expected"),
    [
        (_P("(Asia/Pacific)", 0, 14), _ITEM, (REGION, "Asia/Pacific")),
        (_P("(Asia/Pacific)", 0, 14), None, (REGION, "Asia/Pacific")),  # a known region heads even nothing
        (_P("Europe", 0, 6, HEADING), _ITEM, (REGION, "Europe")),
        (_P("Pacific Alliance States", 0, 23, HEADING), _ITEM, (REGION, "Pacific Alliance States")),  # layout
        (_P("Launch of the AEO Compendium", 0, 28, HEADING), _P("(to be confirmed)", 0, 17), (ITEM, None)),
        (_P("Launch of the AEO Compendium", 0, 28, HEADING), _ITEM, (ITEM, None)),  # reads as an event
        (_P("Pacific Alliance States", 0, 23, HEADING), None, (ITEM, None)),  # heads nothing
        (_P("(to be confirmed)", 0, 17), _ITEM, (NOTE, None)),
        (_P("(to be confirmed)", 0, 17, HEADING), None, (NOTE, None)),
        (_P("Workshop (China)", 0, 16), _ITEM, (ITEM, None)),
        (_P("(June 2015)", 0, 11), _ITEM, (ITEM, None)),  # digits: never a heading
    ],
)
def test_sub_heading_only_for_a_region_or_a_layout_heading_over_an_item(paragraph, following, expected):
    assert paragraph_role(paragraph, following) == expected


_MARKERS = st.sampled_from(["- ", "– ", "• ", "•\t", "\uf0b7 ", "o ", "a) ", "(ii) ", "3. ", "* ", ""])
_WORDS = st.text(alphabet='Abc xyz()-–,."éÉ0123 ', max_size=30)


@given(st.lists(st.tuples(_MARKERS, _WORDS), min_size=1, max_size=8))
def test_paragraph_pieces_lose_no_content_character(entries):
    text = " ".join(m + w for m, w in entries)
    pieces, _ = paragraph_pieces(Paragraph(text, 0, len(text)))
    outside = list(text)
    for p in pieces:
        assert 0 <= p.start < p.end <= len(text)
        outside[p.start : p.end] = [" "] * (p.end - p.start)
    assert content_chars("".join(outside)) == 0, (text, pieces)
