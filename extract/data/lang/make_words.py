"""Write each language's `words.txt`: the stems of its Hunspell dictionary, lower
case, one a line, split at hyphens and apostrophes, two letters or more. The PDF
reader looks words up there to tell a word a narrow cell broke across lines
(`Regi` / `onal`) from two words (extract/wordbreak.py).

    python extract/data/lang/make_words.py   # needs hunspell-en-us, hunspell-fr-classical, hunspell-es
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = {"en": "en_US", "fr": "fr", "es": "es_ES"}
HUNSPELL = Path("/usr/share/hunspell")
HEADER = "# Hunspell {name}.dic stems (make_words.py): lower case, split at - and ', two letters or more.\n"


def words(name: str) -> list[str]:
    lines = (HUNSPELL / f"{name}.dic").read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    out = set()
    for line in lines:
        stem = line.split("/")[0].split("\t")[0].strip()
        out |= {p.casefold() for p in re.split(r"[-'’]", stem) if len(p) >= 2 and p.isalpha()}
    return sorted(out)


def main() -> None:
    for code, name in SOURCES.items():
        path = HERE / code / "words.txt"
        path.write_text(HEADER.format(name=name) + "".join(f"{w}\n" for w in words(name)), encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
