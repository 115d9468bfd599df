"""Splitting Progress cells into items."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extract.model import HEADING, LIST_ITEM, Paragraph
from normalize.items import paragraph_pieces, region_of, split_inline_list


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
