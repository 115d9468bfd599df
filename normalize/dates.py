"""The project's one date grammar lives in extract/dates.py (the readers parse the
as-of date with it too, and extract must not import normalize); normalizers import it
from here so that their imports do not change."""

from extract.dates import (
    LANGUAGES,
    DateRange,
    as_of_date,
    find_date_ranges,
    numeric_order,
    parse_date_range,
)

__all__ = ["LANGUAGES", "DateRange", "as_of_date", "find_date_ranges", "numeric_order", "parse_date_range"]
