"""Many files at once: each converted in isolation (a broken file becomes an error
record, never a crash), optionally in parallel, with a content-addressed cache.

The unit of work is `convert_file(path) -> FileResult`, plain records only, so it
pickles to worker processes and serialises to the cache unchanged.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import zlib
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from extract.errors import printable

from .faults import checkpoint
from .publish import terminate_as_interrupt

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
    duplicate_of: str | None = None  # same bytes as this earlier input: converted once, listed with a warning


def convert_file(path: str | Path) -> FileResult:
    """Read and normalize one file; any failure is returned as an error record:
    the file's own problem, the environment's, or (named as such) our bug."""
    from extract import read
    from extract.errors import describe_failure

    from . import normalize
    from .dataset import document_records
    from .identity import acronym_table
    from .schema import missing_required

    path = Path(path)
    checkpoint("worker", path.name)
    stage = "read"
    try:
        doc = read(path)
        stage = "normalize"
        document, actions, events, warnings = document_records(normalize(doc))
        gaps = [
            f"{table}.{gap}"
            for table, records in (("documents", [document]), ("actions", actions), ("events", events))
            for gap in missing_required(table, records)
        ]
        if gaps:  # e.g. a row whose number the reader lost: this file fails, named, the run goes on
            raise ValueError(f"values the tables require are missing: {', '.join(gaps[:5])}")
        result = FileResult(
            str(path), document, actions, events, warnings, doc.text, acronym_table([doc.text])
        )
    except Exception as exc:  # noqa: BLE001 - isolation: one bad file must not stop the batch
        name = printable(str(path))
        error_type, message = describe_failure(exc, name, stage)
        error = {"file": name, "stage": stage, "error_type": error_type, "message": printable(message)}
        return FileResult(name, error=error)
    if printable(str(path)) != str(path):
        _relocate(result, path, cached=False)
    return result


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


_ENTRY_SCHEMA = 2
_RESULT_TYPES = {
    "path": str, "document": dict, "actions": list, "events": list, "warnings": list, "text": str,
    "acronyms": dict, "error": type(None), "cached": bool, "duplicate_of": type(None),
}  # fmt: skip


def _checksum(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class Cache:
    """Results keyed by (file content hash, code version). An entry holds its schema
    number, its key, the result and a SHA-256 of the result: anything that does not
    check out (truncated, altered, a folder, another schema) is a miss, deleted and
    rebuilt, never an error. Entries are written to a temporary file and renamed, so
    a full disk or a kill leaves no partial entry under an entry's name."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)
        self.rebuilt: list[str] = []  # entries found invalid this run: "<entry>: <why>"
        self.failed: list[str] = []  # entries that could not be written: "<entry>: <why>"

    def entry(self, sha256: str) -> Path:
        return self.dir / f"{sha256}-{code_version()}.json.gz"

    def get(self, path: Path, sha256: str) -> FileResult | None:
        entry = self.entry(sha256)
        if not entry.exists() and not entry.is_symlink():
            return None
        try:
            with gzip.open(entry, "rt", encoding="utf-8") as f:
                stored = json.load(f)
            result = self._validated(stored, entry.name, sha256)
        except (OSError, EOFError, ValueError, TypeError, KeyError, zlib.error) as exc:
            self._discard(entry, f"{type(exc).__name__}: {exc}")
            return None
        return _relocate(result, path)

    @staticmethod
    def _validated(stored, name: str, sha256: str) -> FileResult:
        if not isinstance(stored, dict) or stored.get("schema") != _ENTRY_SCHEMA:
            raise ValueError("not a cache entry of this version")
        if stored.get("key") != name or not isinstance(stored.get("result"), dict):
            raise ValueError("the entry names another key")
        payload = stored["result"]
        if _checksum(payload) != stored.get("checksum"):
            raise ValueError("checksum mismatch")
        if set(payload) != set(_RESULT_TYPES):
            raise ValueError("fields differ from a result's")
        for key, kind in _RESULT_TYPES.items():
            if not isinstance(payload[key], kind):
                raise ValueError(f"{key} is not a {kind.__name__}")
        if payload["document"].get("sha256") != sha256:
            raise ValueError("the entry describes another file")
        return FileResult(**payload)

    def _discard(self, entry: Path, why: str) -> None:
        self.rebuilt.append(f"{printable(str(entry))}: {why}")
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            pass  # a read-only cache: the entry is just not used

    def put(self, sha256: str, result: FileResult) -> None:
        if result.error is not None or result.duplicate_of is not None:
            return  # failures are retried on the next run
        payload = asdict(result)
        payload["cached"] = False
        entry = self.entry(sha256)
        tmp = None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            stored = {
                "schema": _ENTRY_SCHEMA,
                "key": entry.name,
                "checksum": _checksum(payload),
                "result": payload,
            }
            fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=self.dir)
            with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as f:
                json.dump(stored, f, ensure_ascii=False)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; entries are as shareable as the output
            checkpoint("cache-write")
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            os.replace(tmp, entry)
            tmp = None
        except OSError as exc:  # a full disk, a read-only cache: the result is still good
            self.failed.append(f"{printable(str(exc.filename or entry))}: {exc.strerror or exc}")
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def clean_stale(self) -> None:
        """Temporary files of runs killed while writing an entry."""
        if self.dir.is_dir():
            for tmp in self.dir.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    tmp.unlink()


def _relocate(result: FileResult, path: Path, cached: bool = True) -> FileResult:
    """The same content found under another name: records take the new name."""
    name, stem = printable(str(path)), printable(path.stem)
    for record in [result.document, *result.actions, *result.events, *result.warnings]:
        if record is None:
            continue
        if "source_file" in record:
            record["source_file"] = name
        if "doc" in record:
            record["doc"] = stem
    result.path = name
    result.cached = cached
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
        status = "duplicate" if result.duplicate_of and not result.error else file_status(result)
        print(f"[{done[0]}/{total}] {status} {result.path}", file=sys.stderr)

    return log, lambda: None


def _worker_init(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch cleanly, and die
    with it: the kernel kills a worker whose parent is gone (PR_SET_PDEATHSIG), so a
    killed run leaves no worker converting for nobody."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: a terminated worker just ends
    with contextlib.suppress(OSError, AttributeError):  # Linux only; elsewhere the pool's own checks
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _died(path: Path) -> FileResult:
    name = printable(str(path))
    message = (
        f"{name}: the worker process converting this file died "
        "(killed by a signal, e.g. by the out-of-memory killer); the other files were converted"
    )
    return FileResult(
        name, error={"file": name, "stage": "worker", "error_type": "WorkerDied", "message": message}
    )


def _timed_out(path: Path, limit: float) -> FileResult:
    name = printable(str(path))
    message = f"{name}: stopped after {limit:g} s (the per-file time limit); the other files were converted"
    return FileResult(
        name, error={"file": name, "stage": "worker", "error_type": "TimedOut", "message": message}
    )


def _kill_workers(pool) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.kill()


def _convert_in_pool(paths: list[Path], jobs: int, tick, time_limit: float | None = None) -> list[FileResult]:
    """Convert in a process pool, at most `jobs` files in flight, so that when a
    worker dies (SIGKILL, out of memory) the files it may have held are known: the
    pool is rebuilt, the files that were only waiting are converted as before, and
    each file that was in flight is tried again alone; one that kills its worker
    alone is that file's error. With `time_limit` (seconds per file), a file still
    converting after it is that file's error: the workers are killed, the others
    that were in flight go back to the queue."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    results: list[FileResult | None] = [None] * len(paths)
    pending = list(range(len(paths)))[::-1]  # a stack: pop() takes them in input order
    suspects: list[int] = []
    while pending or suspects:
        alone = not pending  # only suspects left: one at a time, one worker
        queue = pending if pending else [suspects.pop()]
        width = 1 if alone else max(1, min(jobs, len(pending)))
        pool = ProcessPoolExecutor(max_workers=width, initializer=_worker_init, initargs=(os.getpid(),))
        in_flight: dict = {}
        started: dict = {}
        try:
            while queue or in_flight:
                while queue and len(in_flight) < width:
                    i = queue.pop()
                    future = pool.submit(convert_file, paths[i])
                    in_flight[future], started[future] = i, time.monotonic()
                timeout = None
                if time_limit:
                    timeout = max(0.0, min(started[f] for f in in_flight) + time_limit - time.monotonic())
                done, _ = wait(in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
                if not done:  # the oldest file in flight ran out of time
                    now = time.monotonic()
                    for future, i in list(in_flight.items()):
                        if now - started[future] >= time_limit:
                            results[i] = _timed_out(paths[i], time_limit)
                            tick(results[i])
                        else:
                            pending.append(i)  # innocent: converted again by the next pool
                    _kill_workers(pool)
                    in_flight.clear()
                    break
                broken = False
                for future in done:
                    i = in_flight.pop(future)
                    try:
                        results[i] = future.result()
                    except BrokenProcessPool:
                        broken = True
                        if not alone:
                            suspects.append(i)
                            continue
                        results[i] = _died(paths[i])
                    tick(results[i])
                if broken:
                    suspects += in_flight.values()  # their worker pool is gone with them
                    in_flight.clear()
                    break
                checkpoint("convert")
        finally:  # on Ctrl-C: drop queued files instead of converting them before exiting
            pool.shutdown(wait=True, cancel_futures=True)
    return results


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


def _sha256(path: Path) -> str | FileResult:
    from extract.errors import describe_failure
    from extract.layout import file_sha256

    try:
        return file_sha256(path)
    except OSError as exc:  # unreadable, vanished, a folder: that file's error, not the batch's
        name = printable(str(path))
        error_type, message = describe_failure(exc, name)
        return FileResult(
            name, error={"file": name, "stage": "read", "error_type": error_type, "message": message}
        )


def _duplicate(path: Path, first: Path) -> FileResult:
    name, stem = printable(str(path)), printable(path.stem)
    warning = {
        "doc": stem,
        "source_file": name,
        "code": "duplicate_input",
        "detail": f"same content as {printable(str(first))}: converted once, counted once",
    }
    return FileResult(name, warnings=[warning], duplicate_of=printable(str(first)))


def convert_many(
    paths: list[Path],
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress=False,
    executor: str = "local",
    scheduler=None,
    time_limit: float | None = None,
):
    """Convert every path; results come back in input order whatever `jobs` is.

    `time_limit`: seconds one file may take (default: the `PIPELINE_FILE_TIMEOUT`
    environment variable, else none); with one, files convert in worker processes
    even with `jobs=1`, and a file over the limit is that file's error (`TimedOut`).

    An input whose bytes equal an earlier input's is converted once: it comes back
    as a result with `duplicate_of` set and one `duplicate_input` warning.
    `executor="dask"` sends the files to the Dask scheduler at `scheduler` (an
    address, or a `distributed.LocalCluster`) instead of the local process pool."""
    store = Cache(cache_dir) if cache_dir else None
    limit = (
        time_limit if time_limit is not None else float(os.environ.get("PIPELINE_FILE_TIMEOUT") or 0) or None
    )
    if store:
        store.clean_stale()
    results: list[FileResult | None] = [None] * len(paths)
    hashes: dict[int, str] = {}
    first_of: dict[str, int] = {}
    todo = []
    for i, path in enumerate(paths):
        sha = _sha256(path)
        if isinstance(sha, FileResult):
            results[i] = sha
            continue
        if sha in first_of:
            results[i] = _duplicate(path, paths[first_of[sha]])
            continue
        first_of[sha] = i
        hashes[i] = sha
        hit = store.get(path, sha) if store else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    tick, close = _progress(len(paths)) if progress else (lambda r: None, lambda: None)
    for r in results:
        if r is not None:
            tick(r)
    try:
        with terminate_as_interrupt():  # SIGTERM while converting: stopped like Ctrl-C, and said so
            if executor == "dask" and todo:
                for i, result in zip(
                    todo, _convert_on_dask([paths[i] for i in todo], scheduler, tick), strict=True
                ):
                    results[i] = result
            elif (jobs > 1 and len(todo) > 1) or (limit and todo):
                converted = _convert_in_pool([paths[i] for i in todo], jobs, tick, limit)
                for i, result in zip(todo, converted, strict=True):
                    results[i] = result
            else:
                for i in todo:
                    results[i] = convert_file(paths[i])
                    tick(results[i])
                    checkpoint("convert")
    finally:
        close()
    if store:
        for i in todo:
            store.put(hashes[i], results[i])
        for line in store.rebuilt:
            print(f"Warning: {line}: invalid cache entry, converted again", file=sys.stderr)
        for line in store.failed:
            print(f"Warning: {line}: cache entry not written (the output is not affected)", file=sys.stderr)
    return results
