"""Publish an output folder as a whole: every file is written into a scratch folder
beside OUT, which then takes OUT's place in one rename. A reader of OUT sees the
previous output or the new one, never a mix, whatever kills the run and when.

    publish(out_dir, write_files) -> Published

* `write_files(scratch)` writes every output file into `scratch` (a new, empty
  folder on the same file system as OUT).
* The swap is one `renameat2(RENAME_EXCHANGE)` of the scratch folder with OUT
  (Linux 3.15+, every local file system we know). Where the kernel or file system
  refuses it, two renames (OUT aside, scratch into place) stand in; a run killed
  between them leaves OUT missing and the old folder beside it, which the next run
  puts back before doing anything else.
* What OUT holds that this code did not write (the `.cache` folder, a user's own
  files) is carried over into the new folder before the swap; a journal in the
  scratch folder names it, so a run killed half-way through carrying gives it back.
  Files the previous run wrote (listed in `OUT/.published`) and this run no longer
  writes are dropped with the old folder.
* SIGINT and SIGTERM are caught for the whole process (Python runs signal
  handlers in the main thread, whatever thread the kernel picked): before the swap
  they abort it and the scratch folder is removed; during it they are only noted,
  the swap completes, and the caller hears that the new output is in place.
* Scratch folders of killed runs (`.OUT.writing-<pid>-*` beside OUT, and the
  `OUT/.writing-*` of older versions) are removed by the next run.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .faults import checkpoint

MANIFEST = ".published"  # names of the files the run that wrote OUT produced
_JOURNAL = ".carried-"  # + scratch folder name: entries carried over from the old OUT
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(OSError):
    """OUT cannot be written (not a folder, read-only, disk full ...). The previous
    output, if any, is as it was."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Interrupted(KeyboardInterrupt):
    """A signal stopped the run. `published` says whether the new output is in place
    (the signal came during the swap, which was completed) or not (nothing changed)."""

    def __init__(self, signum: int, out_dir: Path | None, published: bool) -> None:
        super().__init__(signum)
        self.signum = signum
        self.out_dir = out_dir  # None: before any output folder was touched
        self.published = published

    @property
    def message(self) -> str:
        if self.published:
            return f"Interrupted: the new output was already complete and is in place in {self.out_dir}/."
        where = f" in {self.out_dir}/" if self.out_dir else ""
        return f"Interrupted: nothing was written; the previous output{where} is as it was."

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


@dataclass(frozen=True)
class Published:
    out_dir: Path
    files: tuple[str, ...]  # names written, sorted
    atomic: bool  # True: one rename (exchange); False: two renames (fallback)


# --- signals ---------------------------------------------------------------------------


class _SignalGuard:
    """SIGINT/SIGTERM for the whole process while OUT is being published: raise at
    once outside the critical section, only note the signal inside it."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.critical = False
        self.swapped: list[bool] = []  # non-empty once the new output is in place
        self.received: int | None = None
        self._previous: dict[int, object] = {}

    def _handle(self, signum, frame) -> None:
        self.received = signum
        if not self.critical:
            raise Interrupted(signum, self.out, published=bool(self.swapped))

    def __enter__(self) -> _SignalGuard:
        if threading.current_thread() is threading.main_thread():  # handlers live in the main thread only
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def terminate_as_interrupt():
    """While files convert (before any output is touched), SIGTERM stops the run the
    way Ctrl-C does: cleanly, with the message that nothing was written and exit
    status 143, instead of the silent death its default action is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum, frame):
        raise Interrupted(signum, None, published=False)

    previous = signal.signal(signal.SIGTERM, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- renames -----------------------------------------------------------------------------


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call; False where the kernel or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner_pid(name: str) -> int | None:
    try:
        return int(name.rsplit(".", 1)[-1].split("-")[1])
    except (IndexError, ValueError):
        return None


def scratch_prefix(out: Path) -> str:
    return f".{out.name}.writing-"


def _old_prefix(out: Path) -> str:
    return f".{out.name}.old-"


def clean_stale(out: Path) -> list[Path]:
    """Undo what killed runs left beside OUT; returns the folders removed."""
    parent = out.parent
    removed: list[Path] = []
    if not parent.is_dir():
        return removed
    for entry in sorted(parent.iterdir()):
        name = entry.name
        if not name.startswith((scratch_prefix(out), _old_prefix(out))) or not entry.is_dir():
            continue
        pid = _owner_pid(name)
        if pid is not None and pid != os.getpid() and _pid_alive(pid):
            continue  # another run on the same OUT is writing right now
        if name.startswith(_old_prefix(out)) and not out.exists():
            os.rename(entry, out)  # killed between the two renames of the fallback: the old output returns
            continue
        _discard(out, entry)  # killed while carrying entries over: they go back to OUT
        removed.append(entry)
    if out.is_dir():  # scratch folders inside OUT (a mount point; or older versions)
        for entry in sorted(out.glob(".writing-*")):
            pid = _owner_pid(entry.name)
            if pid is not None and pid != os.getpid() and _pid_alive(pid):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _environment_error(exc: OSError, fallback: Path) -> OutputError:
    if isinstance(exc, OutputError):
        return exc
    return OutputError(exc.filename or fallback, exc.strerror or str(exc))


def publish(out_dir: str | Path, write_files: Callable[[Path], None]) -> Published:
    """Write OUT anew through `write_files(scratch)` and swap it in as a whole.

    Raises `OutputError` when OUT cannot be written (the previous output stays),
    `Interrupted` on SIGINT/SIGTERM (its `published` says which output is in place)."""
    out = Path(out_dir).absolute()
    if out.is_symlink():
        out = out.resolve()  # swap the folder the link points to, keep the link
    if out.exists() and not out.is_dir():
        raise OutputError(out, "exists and is not a folder")
    with _SignalGuard(out) as guard:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            clean_stale(out)
            scratch, inside = _make_scratch(out)
        except OSError as exc:
            raise _environment_error(exc, out) from exc
        swapped = guard.swapped
        try:
            write_files(scratch)
            names = sorted(p.name for p in scratch.iterdir())
            (scratch / MANIFEST).write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
            guard.critical = True  # from here on a signal is noted and the swap completes
            if inside:
                atomic = _move_in(out, scratch, names, swapped)
            else:
                atomic = _swap(out, scratch, set(names), swapped)
        except BaseException as exc:
            if not swapped:
                _discard(out, scratch)
            if isinstance(exc, OSError) and not swapped:
                raise _environment_error(exc, out) from exc
            raise
        finally:
            guard.critical = False
        if guard.received is not None:
            raise Interrupted(guard.received, out, published=True)
    return Published(out, tuple(names), atomic)


def _make_scratch(out: Path) -> tuple[Path, bool]:
    """(scratch folder, whether it lies inside OUT). Beside OUT, so that OUT can be
    swapped whole; inside OUT only where OUT cannot be renamed (it is a mount point,
    a Docker volume say) or nothing can be created beside it (a read-only parent)."""
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    inside = out / f".writing-{token}"
    if out.is_dir() and os.path.ismount(out):
        inside.mkdir()
        return inside, True
    beside = out.parent / f"{scratch_prefix(out)}{token}"
    try:
        beside.mkdir()
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not (
            out.is_dir() and os.access(out, os.W_OK)
        ):
            raise
        inside.mkdir()
        return inside, True
    return beside, False


def _move_in(out: Path, scratch: Path, names: list[str], swapped: list[bool]) -> bool:
    """Where OUT itself cannot be renamed: its files replaced one rename each (not
    atomic as a whole: a kill in the middle leaves a mix, which the next run repairs)."""
    manifest = out / MANIFEST
    before = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    checkpoint("swap")
    swapped.append(True)  # from the first rename on, OUT is no longer the previous output
    try:
        for name in [*names, MANIFEST]:
            target = out / name
            if target.is_dir() and not target.is_symlink():
                os.rename(target, scratch / f".replaced-{name}")
            os.replace(scratch / name, target)
        for name in sorted(before - set(names) - {MANIFEST}):
            stale = out / name
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    stale.unlink()
    except OSError as exc:
        raise OutputError(
            exc.filename or out,
            f"{exc.strerror or exc}; {out} cannot be swapped whole (a mount point), so its files were "
            "being replaced one by one and it now holds a mix of old and new: run again",
        ) from exc
    checkpoint("swapped")
    shutil.rmtree(scratch, ignore_errors=True)
    return False


def _discard(out: Path, scratch: Path) -> None:
    """Remove a scratch folder that was never swapped in, giving back to OUT what
    had been carried over into it."""
    journal = scratch / f"{_JOURNAL}{scratch.name}"
    if journal.is_file() and out.is_dir():
        for carried in journal.read_text(encoding="utf-8").splitlines():
            if carried and (scratch / carried).exists() and not (out / carried).exists():
                with contextlib.suppress(OSError):
                    os.rename(scratch / carried, out / carried)
    shutil.rmtree(scratch, ignore_errors=True)


def _carry_over(out: Path, scratch: Path, names: set[str]) -> None:
    """Move into the new folder what OUT holds that this code did not write."""
    if not out.is_dir():
        return
    written_before = set()
    manifest = out / MANIFEST
    if manifest.is_file():
        written_before = set(manifest.read_text(encoding="utf-8").splitlines())
    carry = sorted(
        e.name
        for e in out.iterdir()
        if e.name not in names | written_before | {MANIFEST}
        and not e.name.startswith((_JOURNAL, ".writing-"))
    )
    if not carry:
        return
    (scratch / f"{_JOURNAL}{scratch.name}").write_text("".join(f"{n}\n" for n in carry), encoding="utf-8")
    for name in carry:
        os.rename(out / name, scratch / name)


def _swap(out: Path, scratch: Path, names: set[str], swapped: list[bool]) -> bool:
    """The one rename (or two, where exchange is refused). Appends to `swapped` the
    moment the new output is in place; what follows is tidying that cannot fail."""
    _carry_over(out, scratch, names)
    checkpoint("swap")
    old = None
    if not out.exists():
        os.rename(scratch, out)
        atomic = True
    elif _exchange(scratch, out):
        old, atomic = scratch, True  # the scratch name now holds the previous output
    else:
        old = out.parent / f"{_old_prefix(out)}{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(out, old)
        os.rename(scratch, out)
        atomic = False
    swapped.append(True)
    checkpoint("swapped")
    with contextlib.suppress(OSError):
        (out / f"{_JOURNAL}{scratch.name}").unlink()
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return atomic
