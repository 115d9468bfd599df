"""Many files at once: each converted in isolation (a broken file becomes an error
record, never a crash), optionally in parallel, with a content-addressed cache.

The unit of work is `convert_file(path) -> FileResult`, plain records only, so it
pickles to worker processes and serialises to the cache unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

PIPELINE_VERSION = "1"
_CODE_ROOTS = ("extract", "normalize")


@dataclass
class FileResult:
    path: str
    document: dict | None = None
    actions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    text: str = ""
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # defined in the document
    error: dict | None = None
    cached: bool = False


def convert_file(path: str | Path) -> FileResult:
    """Read and normalize one file; any failure is returned as an error record."""
    from extract import read

    from . import normalize
    from .dataset import document_records
    from .identity import acronym_table

    path = Path(path)
    stage = "read"
    try:
        doc = read(path)
        stage = "normalize"
        document, actions, events, warnings = document_records(normalize(doc))
        return FileResult(str(path), document, actions, events, warnings, doc.text, acronym_table([doc.text]))
    except Exception as exc:  # noqa: BLE001 - isolation: one bad file must not stop the batch
        from extract.errors import PipelineError

        message = str(exc) if isinstance(exc, PipelineError) else f"{path}: {type(exc).__name__}: {exc}"
        error = {"file": str(path), "stage": stage, "error_type": type(exc).__name__, "message": message}
        return FileResult(str(path), error=error)


@cache
def code_version() -> str:
    """PIPELINE_VERSION plus a hash of the code and data that produce the records,
    so a changed rule never serves stale cached output."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    for sub in _CODE_ROOTS:
        for f in sorted((root / sub).rglob("*")):
            if f.suffix in (".py", ".csv", ".toml") and "__pycache__" not in f.parts:
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    """Results keyed by (file content hash, code version)."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)

    def _key_path(self, path: Path) -> Path:
        from extract.layout import file_sha256

        return self.dir / f"{file_sha256(path)}-{code_version()}.json.gz"

    def get(self, path: Path) -> FileResult | None:
        try:
            entry = self._key_path(path)
            if not entry.is_file():
                return None
            with gzip.open(entry, "rt", encoding="utf-8") as f:
                result = FileResult(**json.load(f))
        except (OSError, ValueError, TypeError):
            return None  # an unreadable entry is a miss, never an error
        return _relocate(result, path)

    def put(self, path: Path, result: FileResult) -> None:
        if result.error is not None:
            return  # failures are retried on the next run
        self.dir.mkdir(parents=True, exist_ok=True)
        entry = self._key_path(path)
        tmp = entry.with_suffix(f".tmp{os.getpid()}")
        with gzip.open(tmp, "wt", encoding="utf-8") as f:
            json.dump(asdict(result), f, ensure_ascii=False)
        os.replace(tmp, entry)


def _relocate(result: FileResult, path: Path) -> FileResult:
    """The same content found under another name: records take the new name."""
    for record in [result.document, *result.actions, *result.events, *result.warnings]:
        if record is None:
            continue
        if "source_file" in record:
            record["source_file"] = str(path)
        if "doc" in record:
            record["doc"] = path.stem
    result.path = str(path)
    result.cached = True
    return result


NO_ACTION_TABLE = "no action table"


def file_status(result: FileResult) -> str:
    """`failed`, `no action table` (converted, but not one action: never `ok`), `cached` or `ok`."""
    if result.error:
        return "failed"
    if result.document is not None and not result.document.get("actions"):
        return NO_ACTION_TABLE
    return "cached" if result.cached else "ok"


def _progress(total: int):
    """A progress bar on a terminal, plain log lines otherwise."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="file", file=sys.stderr)

        def tick(result: FileResult) -> None:
            if file_status(result) == NO_ACTION_TABLE:  # never silent, even behind the bar
                bar.write(f"{NO_ACTION_TABLE} {result.path}", file=sys.stderr)
            bar.update(1)

        return tick, bar.close
    done = [0]

    def log(result: FileResult) -> None:
        done[0] += 1
        print(f"[{done[0]}/{total}] {file_status(result)} {result.path}", file=sys.stderr)

    return log, lambda: None


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _convert_on_dask(paths: list[Path], scheduler: str | None, tick) -> list[FileResult]:
    """The same per-file function on a Dask cluster (optional extra: `distributed`)."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        from extract.errors import PipelineError

        raise PipelineError(
            "--executor dask needs the optional extra: pip install 'dask[distributed]'"
        ) from exc
    with Client(scheduler) as client:
        futures = client.map(convert_file, [str(p) for p in paths], pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[FileResult | None] = [None] * len(paths)
        for future in as_completed(futures):
            results[index[future.key]] = future.result()
            tick(results[index[future.key]])
    return results


def convert_many(
    paths: list[Path],
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress=False,
    executor: str = "local",
    scheduler=None,
):
    """Convert every path; results come back in input order whatever `jobs` is.

    `executor="dask"` sends the files to the Dask scheduler at `scheduler` (an
    address, or a `distributed.LocalCluster`) instead of the local process pool."""
    store = Cache(cache_dir) if cache_dir else None
    results: list[FileResult | None] = [None] * len(paths)
    todo = []
    for i, path in enumerate(paths):
        hit = store.get(path) if store else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    tick, close = _progress(len(paths)) if progress else (lambda r: None, lambda: None)
    for r in results:
        if r is not None:
            tick(r)
    try:
        if executor == "dask" and todo:
            for i, result in zip(
                todo, _convert_on_dask([paths[i] for i in todo], scheduler, tick), strict=True
            ):
                results[i] = result
        elif jobs > 1 and len(todo) > 1:
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
            try:
                for i, result in zip(todo, pool.map(convert_file, [paths[i] for i in todo]), strict=True):
                    results[i] = result
                    tick(result)
            finally:  # on Ctrl-C: drop queued files instead of converting them before exiting
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            for i in todo:
                results[i] = convert_file(paths[i])
                tick(results[i])
    finally:
        close()
    if store:
        for i in todo:
            store.put(paths[i], results[i])
    return results
