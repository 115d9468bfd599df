"""Hostile Progress cells convert in time linear in their size (issue 12).

Not a test: prints seconds per size so the growth can be read. Run:
    .venv/bin/python benchmarks/bench_items_linear.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.bullets import content_chars  # noqa: E402
from extract.tables import map_header_cell  # noqa: E402
from extract.text import cell_paragraphs  # noqa: E402
from normalize.items import split_inline_list  # noqa: E402

CASES = {
    "split_inline_list: '- x' bullets": (lambda n: "- x " * n, split_inline_list),
    "split_inline_list: '- Two words' bullets": (lambda n: "- Two words " * n, split_inline_list),
    "map_header_cell: a cell of spaces": (lambda n: " " * (n * 4), map_header_cell),
    "map_header_cell: '/ ' repeated": (lambda n: "/ " * (n * 2), map_header_cell),
    "content_chars: '- ' repeated": (lambda n: "- " * (n * 2), content_chars),
    "text cell: '<a ' never closed": (lambda n: "<a " * n, lambda t: cell_paragraphs(t, 1)),
}
SIZES = (25_000, 50_000, 100_000, 250_000)


def main() -> None:
    for name, (make, fn) in CASES.items():
        timings = []
        for n in SIZES:
            text = make(n)
            t0 = time.perf_counter()
            fn(text)
            timings.append(time.perf_counter() - t0)
        ratio = timings[-1] / max(timings[0], 1e-9)
        cells = "  ".join(f"{n:>7}: {t:6.3f}s" for n, t in zip(SIZES, timings, strict=True))
        print(f"{name:42} {cells}   x{ratio:.0f} for x{SIZES[-1] // SIZES[0]} input")


if __name__ == "__main__":
    main()
