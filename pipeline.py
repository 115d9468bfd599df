"""Convert WCO progress reports and action plans into a normalized events dataset.

Library:  pipeline.run(paths) -> Dataset   (pandas DataFrames; .write(dir))
CLI:      python pipeline.py INPUT... [--out DIR]
          python pipeline.py audit OUTPUT_DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import InputNotFound, PipelineError

READABLE = {".txt", ".text", ".md", ".docx", ".pdf"}


def collect_inputs(paths) -> list[Path]:
    """Files named directly, and every readable report under a folder (recursively)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READABLE and not p.name.startswith(".")
            )  # fmt: skip
        elif path.is_file():
            files.append(path)
        else:
            raise InputNotFound(f"{path}: no such file or folder")
    return list(dict.fromkeys(files))


def convert(path: Path):
    """One file through every stage: read, then normalize."""
    from extract import read
    from normalize import normalize

    return normalize(read(path))


def run(paths, *, on_error=None):
    """Convert every report under `paths`. A file that fails is recorded in
    `Dataset.errors` (and passed to `on_error`); the others still convert."""
    from normalize.dataset import Dataset

    if isinstance(paths, (str, Path)):
        paths = [paths]
    normalized, errors = [], []
    for path in collect_inputs(paths):
        try:
            normalized.append(convert(path))
        except PipelineError as exc:
            errors.append({"file": str(path), "stage": "read", "error_type": type(exc).__name__, "message": str(exc)})
            if on_error:
                on_error(path, exc)
    return Dataset.from_normalized(normalized, errors)


def audit_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="pipeline.py audit",
        description="Check that every record's source text still stands at its recorded place.",
    )
    parser.add_argument("output_dir", help="a folder written by a conversion run")
    args = parser.parse_args(argv)
    from normalize.audit import audit

    if not (Path(args.output_dir) / "documents.csv").is_file():
        print(f"Error: {args.output_dir}: not an output folder (no documents.csv)", file=sys.stderr)
        return 2
    checked, problems = audit(args.output_dir)
    for p in problems:
        print(f"MISMATCH {p.source_file}: {p.record}: {p.reason}")
    if problems:
        print(f"audit failed: {len(problems)} of {checked} records no longer match their source")
        return 1
    print(f"audit passed: {checked} records match their sources")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["audit"]:
        return audit_main(argv[1:])
    parser = argparse.ArgumentParser(prog="pipeline.py", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    parser.add_argument("--out", default="output", help="output folder (default: output/)")
    args = parser.parse_args(argv)
    try:
        dataset = run(args.inputs, on_error=lambda p, e: print(f"Error: {e}", file=sys.stderr))
        dataset.write(args.out)
    except PipelineError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    docs = dataset.documents
    print(
        f"{len(docs)} documents, {len(dataset.actions)} actions, {len(dataset.events)} events, "
        f"{len(dataset.warnings)} warnings, {len(dataset.errors)} failed -> {args.out}/"
    )
    return 1 if len(dataset.errors) else 0


if __name__ == "__main__":
    sys.exit(main())
