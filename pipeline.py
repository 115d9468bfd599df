"""Convert WCO progress reports and action plans into a normalized events dataset.

Library:  pipeline.run(paths) -> Dataset   (pandas DataFrames; .write(dir))
CLI:      wco-events [convert] INPUT... [--out DIR] [--jobs N] [--no-cache]   (or: python pipeline.py ...)
          wco-events audit OUTPUT_DIR
          wco-events diff OLD NEW [--out DIR]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

from extract.errors import InputNotFound, PipelineError, printable

# What a folder is searched for; a file named directly is read whatever its name.
READABLE = (".txt", ".docx", ".pdf")
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_OUTPUT, EXIT_INTERNAL = 3, 4  # the output could not be written; a bug of ours (see docs)
COMMANDS = ("convert", "audit", "diff")


def default_jobs() -> int:
    """The one default for parallel workers, for the library and the CLI: all cores."""
    return os.cpu_count() or 1


def version() -> str:
    """The version in pyproject.toml (a source checkout) or the installed metadata."""
    pyproject = Path(__file__).with_name("pyproject.toml")
    if pyproject.is_file():
        import tomllib

        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    from importlib.metadata import version as installed

    return installed("wco-progress")


def _extensions(include) -> tuple[str, ...]:
    extra = [e.strip().lower() for spec in include or () for e in spec.split(",") if e.strip()]
    return READABLE + tuple(e if e.startswith(".") else f".{e}" for e in extra)


def collect_inputs(paths, include=()) -> list[Path]:
    """Files named directly, every report under a folder (recursively: `.txt`, `.docx`,
    `.pdf`, plus the extensions in `include`), and glob patterns (`reports/**/*.pdf`)."""
    wanted = _extensions(include)
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in wanted
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
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    executor: str = "local",
    scheduler=None,
    include=(),
):
    """Convert every report under `paths` into a Dataset. A file that fails is
    recorded in `Dataset.errors`; the others still convert. `jobs` defaults to
    `default_jobs()` (all cores), as on the command line. `executor="dask"` runs
    the per-file conversion on the Dask cluster at `scheduler`."""
    from normalize.batch import convert_many
    from normalize.dataset import Dataset

    if isinstance(paths, (str, Path)):
        paths = [paths]
    results = convert_many(
        collect_inputs(paths, include),
        jobs=default_jobs() if jobs is None else jobs,
        cache_dir=cache_dir,
        progress=progress,
        executor=executor,
        scheduler=scheduler,
    )
    return Dataset.from_results(results)


def _prog() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "wco-events"
    return name if name in ("pipeline.py", "wco-events") else "wco-events"


def _verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_const", const=-1, dest="verbosity", default=0,
                       help="print only errors and warnings")  # fmt: skip
    group.add_argument("-v", "--verbose", action="store_const", const=1, dest="verbosity",
                       help="also print one line per file and the warnings by code")  # fmt: skip


def _say(args, message: str, level: int = 0) -> None:
    """Print `message` when the verbosity allows it (-q: -1, default: 0, -v: 1)."""
    if args.verbosity >= level:
        print(message)


def audit_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{_prog()} audit",
        description="Check that every record's source text still stands at its recorded place.",
        epilog="Exit status: 0 when every record matches, 1 when some do not, 2 for usage errors.",
    )
    parser.add_argument("output_dir", help="a folder written by a conversion run")
    _verbosity(parser)
    args = parser.parse_args(argv)
    from normalize.audit import MalformedOutput, audit

    try:
        result = audit(args.output_dir)
    except MalformedOutput as exc:
        print(f"Error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    for p in result.problems:
        print(f"MISMATCH {printable(p.source_file)}: {p.record}: {p.reason}")
    counts = (
        f"{result.records_checked} of {result.records} records (events and actions) "
        f"in {result.files_checked} of {result.files} files"
    )
    if result.problems:
        failed = f"{len(result.problems)} problems, {result.failed_records} records do not match"
        print(f"audit failed: {failed}; checked {counts}")
        return EXIT_SOME_FAILED
    _say(args, f"audit passed: {counts} match their sources")
    return EXIT_OK


def convert_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{_prog()} convert",
        description="Convert WCO progress reports (.txt, .docx, .pdf) into a normalized events dataset.",
        epilog="Exit status: 0 when every file converted, 1 when some failed or no report was found, "
        "2 for usage errors, 130 when interrupted.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files, folders or glob patterns")
    parser.add_argument("--out", default="output", help="output folder (default: output/)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help=f"parallel workers (default: all cores, {default_jobs()})",
    )
    parser.add_argument(
        "--include", action="append", metavar="EXT", default=[],
        help="also take files with these extensions from folders (e.g. --include .md); "
        "by default folders give .txt, .docx and .pdf",
    )  # fmt: skip
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
    _verbosity(parser)
    return parser


def convert_main(argv: list[str]) -> int:
    parser = convert_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.executor == "dask" and not args.scheduler:
        parser.error("--executor dask needs --scheduler ADDRESS")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        print(f"Error: {printable(args.out)}: exists and is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        files = collect_inputs(args.inputs, args.include)
    except PipelineError as exc:
        print(f"Error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if not files:
        looked = ", ".join(_extensions(args.include))
        print(
            f"Warning: no report found in {' '.join(args.inputs)} (folders are searched for {looked}; "
            "--include adds extensions); nothing was written",
            file=sys.stderr,
        )
        return EXIT_SOME_FAILED
    cache_dir = None if args.no_cache else (args.cache_dir or Path(args.out) / ".cache")
    dataset = run(
        files, jobs=args.jobs, cache_dir=cache_dir, progress=args.verbosity >= 0,
        executor=args.executor, scheduler=args.scheduler,
    )  # fmt: skip
    for error in dataset.errors.to_dict("records"):
        print(f"Error: {error['message']}", file=sys.stderr)
    from normalize.publish import OutputError

    try:
        dataset.write(args.out, partitioned=args.executor == "dask")
    except OutputError as exc:
        print(f"Error: {printable(str(exc))}", file=sys.stderr)
        print(
            f"Nothing was written; the previous output in {printable(args.out)}/ is as it was.",
            file=sys.stderr,
        )
        return EXIT_OUTPUT
    no_table = int((dataset.documents["actions"] == 0).sum()) if len(dataset.documents) else 0
    _say(
        args,
        f"{len(dataset.documents)} documents, {len(dataset.actions)} actions, {len(dataset.events)} events, "
        f"{len(dataset.warnings)} warnings, {len(dataset.errors)} failed, {no_table} with no action table"
        f" -> {args.out}/",
    )
    if args.verbosity > 0 and len(dataset.warnings):
        for code, n in dataset.warnings["code"].value_counts().sort_index().items():
            print(f"  {code}: {n}")
    return EXIT_SOME_FAILED if len(dataset.errors) else EXIT_OK


def load_version(source: str | Path):
    """(events, documents) of one version: an output folder, or report file(s) to convert."""
    path = Path(source)
    if path.is_dir() and (path / "events.csv").is_file():
        import pandas as pd

        from normalize.schema import read_csv

        return (
            pd.DataFrame(read_csv("events", path / "events.csv")),
            pd.DataFrame(read_csv("documents", path / "documents.csv")),
        )
    dataset = run([path], jobs=1)
    if len(dataset.errors):
        raise PipelineError(dataset.errors.iloc[0]["message"])
    return dataset.events, dataset.documents


def diff_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{_prog()} diff",
        description="Events added, removed and changed between two versions of a report.",
        epilog="Exit status (like diff): 0 when nothing changed, 1 when something did, 2 for errors.",
    )
    parser.add_argument("old", help="old version: a report file or an output folder")
    parser.add_argument("new", help="new version: a report file or an output folder")
    parser.add_argument("--out", default=".", help="folder for diff.csv (default: current folder)")
    _verbosity(parser)
    args = parser.parse_args(argv)
    from normalize.versions import diff_events

    try:
        changes = diff_events(*load_version(args.old), *load_version(args.new))
    except PipelineError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    target = Path(args.out) / "diff.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    changes.to_csv(target, index=False, lineterminator="\n")
    if changes.empty:
        _say(args, "no changes")
    elif args.verbosity >= 0:
        print(changes.fillna("").to_string(index=False, max_colwidth=60))
    counts = changes["change"].value_counts()
    summary = ", ".join(f"{counts.get(c, 0)} {c}" for c in ("added", "removed", "changed"))
    _say(args, f"{summary} -> {target}")
    return EXIT_SOME_FAILED if len(changes) else EXIT_OK


def main_parser() -> argparse.ArgumentParser:
    """The top-level help: the subcommands, and that a bare INPUT list converts."""
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Turn WCO progress reports (.txt, .docx, .pdf) into an auditable events dataset.",
        epilog=f"`{_prog()} INPUT...` is short for `{_prog()} convert INPUT...`; to convert a file named "
        f"like a subcommand, write `{_prog()} convert audit` or `./audit`. "
        f"`{_prog()} COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    sub.add_parser("convert", help="convert reports into a dataset (the default command)")
    sub.add_parser("audit", help="check a dataset against its sources")
    sub.add_parser("diff", help="events added, removed and changed between two versions")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        # The first word picks the subcommand; anything else is a list of inputs to convert.
        if argv[:1] == ["convert"]:
            return convert_main(argv[1:])
        if argv[:1] == ["audit"]:
            return audit_main(argv[1:])
        if argv[:1] == ["diff"]:
            return diff_main(argv[1:])
        if not argv:
            main_parser().print_usage(sys.stderr)
            print(f"{_prog()}: error: name the reports to convert, or a COMMAND (--help)", file=sys.stderr)
            return EXIT_USAGE
        if argv[0] in ("-h", "--help", "--version"):
            main_parser().parse_args(argv)
            return EXIT_OK
        return convert_main(argv)
    except KeyboardInterrupt as exc:  # normalize.publish.Interrupted tells which output is in place
        message = getattr(
            exc, "message", "Interrupted: nothing was written; the previous output is as it was."
        )
        print(message, file=sys.stderr)
        return getattr(exc, "exit_status", 130)
    except OSError as exc:  # the environment: permissions, a full disk, a missing folder
        where = printable(os.fsdecode(exc.filename)) if exc.filename else "pipeline"
        print(f"Error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except Exception as exc:  # noqa: BLE001 - our bug: one line, not a traceback (PIPELINE_DEBUG=1 shows it)
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        print(
            f"Internal error (a bug in this program, not in your files): {type(exc).__name__}: "
            f"{printable(str(exc))}; run with PIPELINE_DEBUG=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
