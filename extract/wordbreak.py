"""Line breaks inside a word: a narrow table cell (LibreOffice sets a column a few
characters wide) breaks a word that does not fit on a line wherever the line is
full, with no hyphen (`Nati` / `onal`, `Wor` / `ksho` / `p`). Joining those lines
with a space makes `Nati onal Wor ksho p`; joining every line without one glues
real words. The page says which break is which:

- a break between words leaves the line short of the column's right edge whenever
  the next line's first character would have fitted after it; a break inside a
  word comes only where the line is full (the next character did not fit);
- a word is broken only when it is wider than the column: a word that fits on a
  line of its own is moved there whole;
- a break into a capital after a small letter starts a word;
- the pieces are words or not (`extract/data/lang/<iso>/words.txt`, every language:
  a report may mix them): `Regi` + `onal` is a word, neither piece is one.

A break that passes the first three tests is only possible; the words decide. The
pieces of a run of possible breaks are grouped so that as few tokens as possible
are unknown (an acronym counts half, a lone letter as unknown), then into as few
tokens as possible: `Post` / `al` is `Postal` (a word too wide for its column is
one word the column broke), `in` / `to` stays two (a short word made of words is
weak evidence), `on` / `Risk` stays two (no known word is made).
The answer is `join_wrapped`'s `inside_word` (extract/tables.py), the one rule that
joins wrapped lines; `looks_broken` tells the text a narrow cell still left broken.
"""

from __future__ import annotations

import math
import re
from functools import cache

from .glyphs import line_run
from .language import LANG_DATA, languages, read_list

_SHORT = 5  # letters: a joined word shorter than this needs fewer unknown pieces to win
_MAX_PIECES = 6  # a word broken over more lines than this is not put back
_TOLERANCE = 0.25  # pt: rounding of glyph positions
_PART = re.compile(r"[-'’/]")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


@cache
def _words() -> frozenset[str]:
    words: set[str] = set()
    for code in languages():
        path = LANG_DATA / code / "words.txt"  # large: read plainly, not through read_list
        if path.is_file():
            words.update(w for w in path.read_text(encoding="utf-8").splitlines() if not w.startswith("#"))
    return frozenset(words | _function_words())


@cache
def _function_words() -> frozenset[str]:
    return frozenset(
        w.casefold() for code in languages() for w in read_list(LANG_DATA / code / "function_words.txt")
    )


@cache
def _endings() -> tuple[tuple[str, str], ...]:
    out = set()
    for code in languages():
        for line in read_list(LANG_DATA / code / "word_endings.csv")[1:]:  # after the header
            ending, _, stem = line.partition(",")
            out.add((ending.strip(), stem.strip()))
    return tuple(sorted(out, key=lambda e: (-len(e[0]), e)))


def is_word(text: str) -> bool:
    """A word of one of the report languages (any case; a listed stem with a known
    ending: `workshops`, `régionaux`)."""
    word = text.casefold()
    words = _words()
    if word in words:
        return True
    return any(
        word.endswith(end) and len(word) - len(end) >= 2 and word[: len(word) - len(end)] + stem in words
        for end, stem in _endings()
    )


def _cost(token: str) -> float:
    """How unknown a token is: 0 a word or a number, 0.5 an acronym, 1 anything else
    (a lone letter too, unless it is elided: `d'Ivoire`)."""
    token = _EDGE_PUNCT.sub("", token)
    cost = 0.0
    elided = re.match(r"^\w['’]", token) is not None
    for k, part in enumerate(_PART.split(token)):
        if not part or part.isdigit():
            continue
        if len(part) == 1:
            cost += 0.0 if elided and k == 0 else 1.0
        elif is_word(part):
            continue
        elif part.isupper() and part.isalpha() and len(part) <= 6:
            cost += 0.5
        else:
            cost += 1.0
    return cost


def _placed(line: dict, skip: int) -> list[tuple[str, float, float]]:
    """(character, x0, x1) of `line["text"][skip:]`; NaN for a space the layout added."""
    text = line["text"][skip:]
    xs = line_run(text, line, skip, 0, 0).xs
    return [(ch, xs[2 * i], xs[2 * i + 1]) for i, ch in enumerate(text)]


def _tokens(placed: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """(text, x0, x1) of each run of non-space characters."""
    out: list[tuple[str, float, float]] = []
    run: list[tuple[str, float, float]] = []
    for item in [*placed, (" ", math.nan, math.nan)]:
        if item[0].isspace():
            if run:
                xs = [x for _, a, b in run for x in (a, b) if not math.isnan(x)]
                out.append(
                    ("".join(c for c, _, _ in run), min(xs, default=math.nan), max(xs, default=math.nan))
                )
            run = []
        else:
            run.append(item)
    return out


def word_breaks(pieces: list[tuple[dict, int]], edge: float | None) -> list[bool]:
    """For each line after the first of one paragraph (`(line, skip)` pieces, as the
    PDF reader assembles them), whether the break before it cuts a word. `edge`: the
    furthest right any line of the cell's column reaches (None: no column)."""
    n = len(pieces)
    out = [False] * max(n - 1, 0)
    if edge is None or n < 2:
        return out
    # Most lines stop short of the column's edge: decided from the lines alone, before
    # any character is placed (this runs for every wrapped paragraph of every table).
    full = [_full(pieces[k][0], pieces[k + 1][0], edge) for k in range(n - 1)]
    if not any(full):
        return out
    placed = [_placed(line, skip) for line, skip in pieces]
    tokens = [_tokens(p) for p in placed]
    # The line's own ends: a ligature (`ff`) is one char of two letters, never matched.
    for (line, skip), toks in zip(pieces, tokens, strict=True):
        if toks:
            toks[-1] = (toks[-1][0], toks[-1][1], line["x1"])
            if not skip:
                toks[0] = (toks[0][0], line["x0"], toks[0][2])
    possible = [full[k] and _possible(tokens[k], tokens[k + 1]) for k in range(n - 1)]
    if not any(possible):
        return out
    # Runs of pieces joined by possible breaks: the last token of a line, the lines
    # that are one token, and the first token of the line that ends the run.
    k = 0
    while k < n - 1:
        if not possible[k]:
            k += 1
            continue
        chain = [k]  # breaks k, k+1, ...
        while chain[-1] + 1 < n - 1 and possible[chain[-1] + 1] and len(tokens[chain[-1] + 1]) == 1:
            chain.append(chain[-1] + 1)
        frags = [tokens[k][-1]] + [tokens[b + 1][0] for b in chain]
        starts = [pieces[b + 1][0]["x0"] for b in chain]  # where a moved word would start
        for b, joined in zip(chain, _group(frags, starts, edge), strict=True):
            out[b] = joined
        k = chain[-1] + 1
    return out


def _full(line: dict, next_line: dict, edge: float) -> bool:
    """The line reaches so far right that the next line's first character would not
    have fitted after it."""
    first = next((c for c in next_line.get("chars", []) if c["text"].strip()), None)
    width = (first["x1"] - first["x0"]) if first else 0.0
    return line["x1"] + width > edge - _TOLERANCE


def _possible(before: list, after: list) -> bool:
    """The break after a full line may be inside a word: no letter case or punctuation
    says a word starts."""
    if not before or not after:
        return False
    (a_text, _, a_x1), (b_text, _, _) = before[-1], after[0]
    if not (a_text[-1].isalnum() and b_text[0].isalnum()) or math.isnan(a_x1):
        return False
    return not (a_text[-1].islower() and b_text[0].isupper())


def _group(frags: list[tuple[str, float, float]], starts: list[float], edge: float) -> list[bool]:
    """Whether each break between the fragments is inside a word: the grouping with the
    fewest unknown tokens, then the fewest tokens, each joined token wider than the
    line it would have had alone."""
    n = len(frags)
    width = [(x1 - x0) if not math.isnan(x0) else 0.0 for _, x0, x1 in frags]
    # best[i]: (cost, tokens, breaks) for fragments[:i]
    best: list[tuple[float, int, tuple[bool, ...]]] = [(0.0, 0, ())]
    for i in range(1, n + 1):
        options = []
        for j in range(max(0, i - _MAX_PIECES), i):
            if j + 1 < i and sum(width[j:i]) <= edge - starts[max(j - 1, 0)] + _TOLERANCE:
                continue  # the whole word fits on a line: it would not have been broken
            cost, tokens, breaks = best[j]
            token = "".join(f[0] for f in frags[j:i])
            extra = _cost(token)
            if j + 1 < i and len(_EDGE_PUNCT.sub("", token)) < _SHORT:
                extra += 0.3  # a short word made of words (`in` + `to`): weak evidence
            glue = (True,) * (i - j - 1)
            options.append((cost + extra, tokens + 1, breaks + ((False,) if j else ()) + glue))
        best.append(min(options, key=lambda o: (round(o[0], 3), o[1])))
    return list(best[n][2])


def looks_broken(text: str) -> bool:
    """Text a narrow column left in pieces: among its words, at least three and a
    fifth are short fragments no language knows (`Nati onal Wor ksho p`)."""
    tokens = [_EDGE_PUNCT.sub("", t) for t in text.split()]
    letters = [t for t in tokens if t.isalpha()]
    common = _function_words()
    short = [t for t in letters if len(t) <= 4 and not t.isupper() and t.casefold() not in common]
    if len(short) < 3 or len(short) < 0.2 * len(letters):
        return False  # most text: decided without the large word lists
    short = [t for t in short if not is_word(t)]
    return len(short) >= 3 and len(short) >= 0.2 * len(letters)
