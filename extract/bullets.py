"""What a list marker is and what carries an item on: the one definition every
reader (text, Word, PDF), the item splitter and the coverage audit share.

A *marker* opens a list entry: a bullet glyph of any kind, or an enumerator
(`1.`, `1)`, `a)`, `(i)`). It is markup, not content: readers take it off the
text (and mark the paragraph as a list entry), coverage does not count it.

A paragraph without a marker *continues* the entry above it when it starts in
lower case or when that entry is visibly unfinished (an open parenthesis, a
trailing comma or hyphen), or when the layout aligns it with the entry's text
(readers decide that part: they know the indentation).
"""

from __future__ import annotations

import re
from functools import cache

# Glyph bullets: typographic shapes (•◦▪▫■□●○‣⁃∙·), arrows and checks some templates
# use, and the private-use code points (U+F000-U+F0FF) that Symbol and Wingdings
# bullets become when their font is not mapped. A glyph may touch the text.
GLYPH_BULLETS = "•◦▪▫■□●○‣⁃∙·➢➤►▸▹▶→✓✔❖◆◇\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8"
_GLYPH = r"[" + re.escape(GLYPH_BULLETS) + r"\uf000-\uf0ff]"
# Dash-like bullets and `o` (the Wingdings circle written out as a letter) need a space
# after them: `-based`, `—and` and `of` are words, not items.
DASH_BULLETS = "-–—*‐−"
_DASH = r"[" + re.escape(DASH_BULLETS) + r"]"
BULLET = rf"(?:{_GLYPH}|{_DASH}(?=\s)|o(?=\s))"
# Enumerators: 1-3 digits or one letter or a short roman numeral, with `.` or `)`,
# or in parentheses. Upper-case letters only with `)` or in parentheses: `A. Smith`
# is a name. Always followed by white space.
_ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})"
ENUMERATOR = (
    r"(?:\(\s*(?:\d{1,3}|[a-zA-Z]|" + _ROMAN + r")\s*\)"
    r"|(?:\d{1,3}|[a-z]|" + _ROMAN + r")[.)]"
    r"|[A-Z]\))(?=\s)"
)
MARKER = rf"(?:{BULLET}|{ENUMERATOR})"

LEADING_MARKER = re.compile(rf"^\s*{MARKER}\s*")
LEADING_BULLET = re.compile(rf"^\s*{BULLET}\s*")
# All marker characters and white space, for stripping the edges of a fragment.
MARKUP_CHARS = " \t\n\r\f\v" + GLYPH_BULLETS + DASH_BULLETS
# A marker counts as markup at the start of the text or after white space.
_MARKUP_RUN = re.compile(rf"\s+|(?:(?<=\s)|^){MARKER}")

# An entry is visibly unfinished when it ends with one of these.
_UNFINISHED_END = re.compile(r"[,\-–—/&(+]\s*$")


def leading_marker(text: str) -> re.Match | None:
    """The marker opening `text` (bullet or enumerator, with the white space after it)."""
    m = LEADING_MARKER.match(text)
    return m if m and m.end() < len(text) and text[m.end() :].strip() else None


def strip_marker(text: str) -> tuple[str, bool]:
    """`text` without its opening marker, and whether it had one."""
    m = leading_marker(text)
    return (text[m.end() :], True) if m else (text, False)


def marker_char(text: str) -> str | None:
    """The bullet glyph opening `text` (None for an enumerator or no marker)."""
    return text.lstrip()[0] if LEADING_BULLET.match(text) else None


@cache
def inline_bullet(glyph: str) -> re.Pattern:
    """The same bullet glyph met again inside a line: white space, the glyph, and
    (for a dash or `o`, which are also letters and punctuation) white space after it."""
    tail = r"(?=\s)\s*" if glyph in DASH_BULLETS + "o" else r"\s*"
    return re.compile(r"\s" + re.escape(glyph) + tail)


def content_chars(text: str) -> int:
    """Characters of `text` that are content: white space and markers aside."""
    return len(_MARKUP_RUN.sub("", text))


def is_unfinished(text: str) -> bool:
    """An entry that visibly goes on: an unclosed parenthesis or a trailing comma,
    hyphen, slash, ampersand."""
    return text.count("(") > text.count(")") or bool(_UNFINISHED_END.search(text))


def continues(previous: str, text: str) -> bool:
    """Does a paragraph without a marker carry on the entry `previous`?"""
    if not previous.strip() or not text.strip() or leading_marker(text):
        return False
    first = text.lstrip()[0]
    return first.islower() or first in ",.;:)]" or is_unfinished(previous)
