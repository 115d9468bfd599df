"""Convert WCO progress reports and action plans into a normalized events dataset.

Library:  pipeline.run(paths) -> Dataset   (pandas DataFrames; .write(dir))
CLI:      python pipeline.py INPUT... [--out DIR] [--jobs N] [--no-cache]
          python pipeline.py audit OUTPUT_DIR
          python pipeline.py diff OLD NEW [--out DIR]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

from extract.errors import InputNotFound, PipelineError

READABLE = {".txt", ".text", ".md", ".docx", ".pdf"}
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def collect_inputs(paths) -> list[Path]:
    """Files named directly, every readable report under a folder (recursively),
    and glob patterns (`reports/**/*.pdf`)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READABLE
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
        elif path.is_file():
            files.append(path)
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not matches:
                raise InputNotFound(f"{raw}: the pattern matches no file")
            files += matches
        else:
            raise InputNotFound(f"{path}: no such file or folder")
    return list(dict.fromkeys(files))


def run(
    paths,
    *,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    executor: str = "local",
    scheduler=None,
):
    """Convert every report under `paths` into a Dataset. A file that fails is
    recorded in `Dataset.errors`; the others still convert. `executor="dask"`
    runs the per-file conversion on the Dask cluster at `scheduler`."""
    from normalize.batch import convert_many
    from normalize.dataset import Dataset

    if isinstance(paths, (str, Path)):
        paths = [paths]
    results = convert_many(
        collect_inputs(paths),
        jobs=jobs,
        cache_dir=cache_dir,
        progress=progress,
        executor=executor,
        scheduler=scheduler,
    )
    return Dataset.from_results(results)


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
        return EXIT_USAGE
    checked, problems = audit(args.output_dir)
    for p in problems:
        print(f"MISMATCH {p.source_file}: {p.record}: {p.reason}")
    if problems:
        print(f"audit failed: {len(problems)} of {checked} records no longer match their source")
        return EXIT_SOME_FAILED
    print(f"audit passed: {checked} records match their sources")
    return EXIT_OK


def convert_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="pipeline.py",
        description="Convert WCO progress reports (.txt, .docx, .pdf) into a normalized events dataset.",
        epilog="Subcommand: `pipeline.py audit OUTPUT_DIR` checks a dataset against its sources.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files, folders or glob patterns")
    parser.add_argument("--out", default="output", help="output folder (default: output/)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers (default: all cores)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="convert every file again, ignoring the cache"
    )
    parser.add_argument("--cache-dir", help="where converted results are cached (default: OUT/.cache)")
    parser.add_argument(
        "--executor", choices=["local", "dask"], default="local", help="local process pool (default) or Dask"
    )
    parser.add_argument(
        "--scheduler", help="Dask scheduler address (with --executor dask), e.g. tcp://host:8786"
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.executor == "dask" and not args.scheduler:
        parser.error("--executor dask needs --scheduler ADDRESS")
    cache_dir = None if args.no_cache else (args.cache_dir or Path(args.out) / ".cache")
    try:
        dataset = run(
            args.inputs, jobs=args.jobs, cache_dir=cache_dir, progress=True,
            executor=args.executor, scheduler=args.scheduler,
        )  # fmt: skip
    except PipelineError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for error in dataset.errors.to_dict("records"):
        print(f"Error: {error['message']}", file=sys.stderr)
    dataset.write(args.out, partitioned=args.executor == "dask")
    no_table = int((dataset.documents["actions"] == 0).sum()) if len(dataset.documents) else 0
    print(
        f"{len(dataset.documents)} documents, {len(dataset.actions)} actions, {len(dataset.events)} events, "
        f"{len(dataset.warnings)} warnings, {len(dataset.errors)} failed, {no_table} with no action table"
        f" -> {args.out}/"
    )
    return EXIT_SOME_FAILED if len(dataset.errors) else EXIT_OK


def load_version(source: str | Path):
    """(events, documents) of one version: an output folder, or report file(s) to convert."""
    import pandas as pd

    path = Path(source)
    if path.is_dir() and (path / "events.csv").is_file():
        read = {"dtype": str, "keep_default_na": False}
        events = pd.read_csv(path / "events.csv", **read).replace("", None)
        return events, pd.read_csv(path / "documents.csv", **read).replace("", None)
    dataset = run([path])
    if len(dataset.errors):
        raise PipelineError(dataset.errors.iloc[0]["message"])
    return dataset.events, dataset.documents


def diff_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="pipeline.py diff",
        description="Events added, removed and changed between two versions of a report.",
    )
    parser.add_argument("old", help="old version: a report file or an output folder")
    parser.add_argument("new", help="new version: a report file or an output folder")
    parser.add_argument("--out", default=".", help="folder for diff.csv (default: current folder)")
    args = parser.parse_args(argv)
    from normalize.versions import diff_events

    try:
        changes = diff_events(*load_version(args.old), *load_version(args.new))
    except PipelineError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    Path(args.out).mkdir(parents=True, exist_ok=True)
    changes.to_csv(Path(args.out) / "diff.csv", index=False, lineterminator="\n")
    if changes.empty:
        print("no changes")
    else:
        print(changes.fillna("").to_string(index=False, max_colwidth=60))
    counts = changes["change"].value_counts()
    print(", ".join(f"{counts.get(c, 0)} {c}" for c in ("added", "removed", "changed")) + " -> diff.csv")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["audit"]:
            return audit_main(argv[1:])
        if argv[:1] == ["diff"]:
            return diff_main(argv[1:])
        return convert_main(argv)
    except KeyboardInterrupt:
        print("Interrupted: nothing was written; the previous output is as it was.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
