"""The one definition of list markers and continuation (extract/bullets.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.bullets import content_chars, continues, is_unfinished, leading_marker, strip_marker


@pytest.mark.parametrize(
    "text, rest",
    [
        ("• Workshop", "Workshop"),
        ("•\tWorkshop", "Workshop"),
        ("\uf0b7\tWorkshop", "Workshop"),  # Symbol-font bullet, unmapped
        ("\uf0a7Workshop", "Workshop"),  # Wingdings square touching the text
        ("-\tWorkshop", "Workshop"),
        ("– Workshop", "Workshop"),
        ("— Workshop", "Workshop"),
        ("* Workshop", "Workshop"),
        ("o Workshop", "Workshop"),
        ("▪ Workshop", "Workshop"),
        ("➢ Workshop", "Workshop"),
        ("a) Workshop", "Workshop"),
        ("(ii) Workshop", "Workshop"),
        ("iv. Workshop", "Workshop"),
        ("1. Workshop", "Workshop"),
        ("12) Workshop", "Workshop"),
        ("(B) Workshop", "Workshop"),
        ("  •   Workshop", "Workshop"),
    ],
)
def test_markers_are_recognised_and_taken_off(text, rest):
    assert strip_marker(text) == (rest, True)


@pytest.mark.parametrize(
    "text",
    [
        "-based approach",
        "—and more",
        "of the meeting",
        "A. Smith presented",  # an initial, not an enumerator
        "2015. The year",
        "e.g. a workshop",
        "1.",  # a marker alone is not an entry
        "•",
        "Workshop",
        "(China, 2015)",
    ],
)
def test_words_and_bare_markers_are_not_entries(text):
    assert leading_marker(text) is None
    assert strip_marker(text) == (text, False)


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("Workshop on Risk Management", "in Ecuador (22-26 June 2015)", True),  # lower case
        ("Workshop on Risk Management (Ecuador,", "22-26 June 2015)", True),  # open parenthesis
        ("Workshop on Risk Management,", "Customs Valuation (Peru, 2015)", True),  # trailing comma
        ("Workshop on Risk Management (Ecuador, 2015)", "Forum on Trade (Peru, 2015)", False),
        ("Workshop (Ecuador, 2015)", "• next item", False),  # a marker opens an entry
        ("", "anything", False),
    ],
)
def test_continuation(previous, text, expected):
    assert continues(previous, text) is expected


def test_unfinished():
    assert is_unfinished("Seminar (Lomé, Togo")
    assert is_unfinished("Seminar on A -")
    assert not is_unfinished("Seminar (Lomé, Togo, 2019)")


def test_content_chars_ignore_markers_only():
    assert content_chars(" - A • B\n\uf0b7 C") == 3
    assert content_chars("Cross-Border") == len("Cross-Border")
    assert content_chars("a) x (ii) y") == 2


@given(st.text(max_size=200))
def test_content_chars_never_exceed_non_blank_chars(text):
    assert 0 <= content_chars(text) <= len("".join(text.split()))
