"""Write `<code>/calendar.csv` (month and weekday names) for each language from CLDR.

    .venv/bin/python extract/data/lang/make_calendar.py

The names come from the Unicode CLDR data that Babel ships (wide and abbreviated,
format and stand-alone forms), so no one types them by hand and a language is added
by adding its code below.  tests/test_dates.py checks that the committed files are
what this script writes.  Forms CLDR lacks ("Sept", "setiembre") belong in the
hand-written `<code>/dates.toml`, not here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.dates import get_day_names, get_month_names

LANGUAGES = ("en", "fr", "es")
HERE = Path(__file__).resolve().parent


def generate(code: str) -> str:
    """The CSV text for one language: kind,number,name (months 1-12, weekdays ISO 1=Monday)."""
    rows: list[tuple[str, int, str]] = []
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, code).items():
                rows.append(("month", number, name))
            # Babel numbers weekdays from 0 = Monday; the CSV uses ISO 8601 (1 = Monday).
            for number, name in get_day_names(width, context, code).items():
                rows.append(("weekday", number + 1, name))
    unique = sorted(set(rows), key=lambda r: (r[0], r[1], r[2]))
    return "kind,number,name\n" + "".join(f"{k},{n},{name}\n" for k, n, name in unique)


def main() -> None:
    for code in sys.argv[1:] or LANGUAGES:
        folder = HERE / code
        folder.mkdir(exist_ok=True)
        (folder / "calendar.csv").write_text(generate(code), encoding="utf-8")


if __name__ == "__main__":
    main()
