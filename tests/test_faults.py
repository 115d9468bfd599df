"""Faults at every stage of a run leave the previous output or the new one whole,
never a mix; what killed runs leave behind is cleaned by the next run; the
environment's failures are one `Error:` line and an exit status.

Signals are made deterministic with `PIPELINE_FAULT=<stage>:pause:<fifo>`
(normalize/faults.py): the run blocks on a FIFO at that stage, the test sends its
signal there, then releases the FIFO. No sleeps decide anything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline
from tests.conftest import ROOT, SAMPLES, SEED_000, SEED_001

OLD_INPUT = SAMPLES / f"{SEED_000}.txt"
NEW_INPUT = SAMPLES / f"{SEED_001}.txt"


def _files(folder: Path) -> dict[str, bytes]:
    """The output as a reader sees it (hidden entries aside). A database file is not
    byte-identical from one run to the next: it counts by its presence only."""
    return {
        f.name: b"<database>" if f.suffix == ".duckdb" else f.read_bytes()
        for f in folder.iterdir()
        if f.is_file() and not f.name.startswith(".")
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Reference old and new outputs, written once."""
    base = tmp_path_factory.mktemp("reference")
    assert pipeline.main([str(OLD_INPUT), "--out", str(base / "old"), "--no-cache"]) == 0
    assert pipeline.main([str(NEW_INPUT), "--out", str(base / "new"), "--no-cache"]) == 0
    return {"old": _files(base / "old"), "new": _files(base / "new"), "dir": base}


def _old_output(tmp_path, outputs) -> Path:
    out = tmp_path / "out"
    shutil.copytree(outputs["dir"] / "old", out)
    (out / "notes.txt").write_text("the user's own file")  # not ours: must survive every run
    return out


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith((f".{out.name}.",)))


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended before the checkpoint: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the checkpoint was never reached")
        time.sleep(0.05)


def _release(fifo: Path, proc: subprocess.Popen) -> None:
    """Open the FIFO for writing once the process waits on it again: after a signal
    it leaves the blocking open for a moment (to run its handler) and then re-enters
    it, or it exits. ENXIO says nobody has the FIFO open for reading right now."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            return
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        time.sleep(0.02)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# stage -> what a reader of OUT must see after SIGINT there
SIGINT_OUTCOME = {"convert": "old", "write": "old", "swap": "new", "swapped": "new"}
# after SIGKILL: a dead process completes nothing
SIGKILL_OUTCOME = {"convert": "old", "write": "old", "swap": "old", "swapped": "new"}
CASES = [(signal.SIGINT, stage, seen) for stage, seen in SIGINT_OUTCOME.items()]
CASES += [(signal.SIGKILL, stage, seen) for stage, seen in SIGKILL_OUTCOME.items()]
CASES += [(signal.SIGTERM, stage, seen) for stage, seen in SIGINT_OUTCOME.items()]


@pytest.mark.parametrize(("signum", "stage", "seen"), CASES, ids=lambda v: getattr(v, "name", v))
def test_signal_at_every_stage_leaves_one_whole_output(tmp_path, outputs, signum, stage, seen):
    out = _old_output(tmp_path, outputs)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    # Two inputs and two jobs: the conversion runs in the worker pool.
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(NEW_INPUT, inputs)
    (inputs / "other.txt").write_text(NEW_INPUT.read_text(encoding="utf-8") + "\n")  # other bytes
    env = {**os.environ, "PIPELINE_FAULT": f"{stage}:pause:{fifo}"}
    proc = subprocess.Popen(
        [sys.executable, "pipeline.py", str(inputs), "--out", str(out), "--jobs", "2", "--no-cache"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_for(Path(f"{fifo}.ready"), proc)
        workers = _children(proc.pid)
        if stage == "convert":
            assert len(workers) == 2, "the pool should be converting"
        proc.send_signal(signum)
        if signum != signal.SIGKILL:
            _release(fifo, proc)  # a noted signal lets the swap complete
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == (-signal.SIGKILL if signum == signal.SIGKILL else 128 + signum)
    assert "Traceback" not in err
    if signum != signal.SIGKILL:
        said = "new output was already complete" if seen == "new" else "nothing was written"
        assert said in err, err
    files = _files(out)
    files.pop("notes.txt", None)
    expected = outputs[seen] if seen == "old" else {**outputs["new"]}
    if seen == "new":  # the second input's rows differ from the reference's: compare the file set
        assert sorted(files) == sorted(expected)
        assert files["documents.csv"] != outputs["old"]["documents.csv"]
    else:
        assert files == expected
    deadline = time.monotonic() + 30  # workers die with their parent (the kernel tells them)
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "pool workers outlived their parent"
    # The next run leaves no scratch folder and gives back what the killed one carried away.
    assert pipeline.main([str(NEW_INPUT), "--out", str(out), "--no-cache"]) == 0
    assert _leftovers(out) == []
    assert (out / "notes.txt").read_text() == "the user's own file"
    assert _files(out) == {**outputs["new"], "notes.txt": b"the user's own file"}


def test_a_killed_worker_is_that_files_error_and_the_others_convert(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for name in (f"{SEED_000}.txt", f"{SEED_001}.txt"):
        shutil.copy(SAMPLES / name, src)
    (src / "third.txt").write_text((SAMPLES / f"{SEED_001}.txt").read_text(encoding="utf-8") + "\n")
    monkeypatch.setenv("PIPELINE_FAULT", f"worker:kill:{SEED_001}.txt")  # as the OOM killer would
    ds = pipeline.run([src], jobs=2)
    assert ds.errors[["file", "stage", "error_type"]].values.tolist() == [
        [str(src / f"{SEED_001}.txt"), "worker", "WorkerDied"]
    ]
    assert sorted(ds.documents["doc"]) == [SEED_000, "third"]
    assert len(ds.events) == 144


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


@contextlib.contextmanager
def _tmpfs(where: Path, size: str):
    _mount_tmpfs(where, size)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_read_only_output_folder(tmp_path, outputs, capsys):
    with _tmpfs(tmp_path / "mnt", "20m") as mnt:
        out = _old_output(mnt, outputs)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        assert pipeline.main([str(NEW_INPUT), "--out", str(out)]) == pipeline.EXIT_OUTPUT
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert f"Error: {mnt}" in err and "Read-only file system" in err
        assert _files(out) == {**outputs["old"], "notes.txt": b"the user's own file"}


def _fill(mnt: Path, leave: int) -> None:
    """Fill the file system but `leave` bytes."""
    stat = os.statvfs(mnt)
    free = stat.f_bavail * stat.f_frsize
    with open(mnt / "ballast", "wb") as f, contextlib.suppress(OSError):
        f.write(b"\0" * max(free - leave, 0))


def test_disk_full_while_writing_the_output(tmp_path, outputs, capsys):
    with _tmpfs(tmp_path / "mnt", "4m") as mnt:
        out = _old_output(mnt, outputs)
        _fill(mnt, 64 * 1024)
        assert pipeline.main([str(OLD_INPUT), "--out", str(out), "--no-cache"]) == pipeline.EXIT_OUTPUT
        err = capsys.readouterr().err
        assert "Traceback" not in err and "No space left on device" in err and "\nError: " in err
        assert _files(out) == {**outputs["old"], "notes.txt": b"the user's own file"}
        assert _leftovers(out) == []


def test_disk_full_while_writing_the_cache(tmp_path, capsys):
    with _tmpfs(tmp_path / "mnt", "1m") as mnt:
        cache = mnt / "cache"
        _fill(mnt, 8 * 1024)
        ds = pipeline.run([OLD_INPUT], cache_dir=cache)
        assert len(ds.events) == 144 and ds.errors.empty
        err = capsys.readouterr().err
        assert "cache entry not written" in err and "No space left on device" in err
        assert not cache.exists() or list(cache.iterdir()) == []  # no truncated temporary file


def test_a_failed_cache_write_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    """The same as above where no tmpfs can be mounted: the fault is injected."""
    monkeypatch.setenv("PIPELINE_FAULT", "cache-write:raise")
    cache = tmp_path / "cache"
    ds = pipeline.run([OLD_INPUT], cache_dir=cache)
    assert len(ds.events) == 144
    assert list(cache.iterdir()) == []
    assert "cache entry not written" in capsys.readouterr().err


def test_out_naming_an_existing_file(tmp_path, capsys):
    target = tmp_path / "a_file"
    target.write_text("keep me")
    assert pipeline.main([str(NEW_INPUT), "--out", str(target)]) == pipeline.EXIT_USAGE
    err = capsys.readouterr().err
    assert err == f"Error: {target}: exists and is not a folder\n"
    assert target.read_text() == "keep me"


def test_a_file_name_that_is_not_utf8(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    name = os.fsencode(src) + b"/report_\xff\xfe.txt"
    try:
        shutil.copy(NEW_INPUT, name)
    except OSError as exc:  # some file systems refuse such names
        pytest.skip(str(exc))
    shutil.copy(OLD_INPUT, src)
    out = tmp_path / "out"
    assert pipeline.main([str(src), "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "report_\\xff\\xfe.txt" in documents and f"{SEED_000}.txt" in documents


def test_stale_scratch_folders_of_killed_runs_are_removed(tmp_path, outputs):
    out = _old_output(tmp_path, outputs)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.writing-{dead.pid}-0badcafe"
    stale.mkdir()
    (stale / "events.csv").write_text("partial")
    older = out / ".writing-abc123"  # the layout of earlier versions
    older.mkdir()
    assert pipeline.main([str(NEW_INPUT), "--out", str(out), "--no-cache"]) == 0
    assert _leftovers(out) == [] and not older.exists()


def test_environment_errors_during_the_swap_keep_the_old_output(tmp_path, outputs, monkeypatch, capsys):
    out = _old_output(tmp_path, outputs)
    monkeypatch.setenv("PIPELINE_FAULT", "swap:raise")
    assert pipeline.main([str(NEW_INPUT), "--out", str(out), "--no-cache"]) == pipeline.EXIT_OUTPUT
    assert os.strerror(errno.ENOSPC) in capsys.readouterr().err
    assert _files(out) == {**outputs["old"], "notes.txt": b"the user's own file"}
    assert _leftovers(out) == []


def test_busy_workers_die_with_a_killed_parent(tmp_path):
    """Workers blocked in the middle of a file (here: on the FIFO) are killed by the
    kernel when their parent dies; they do not convert on for nobody."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(NEW_INPUT, inputs)
    (inputs / "other.txt").write_text(NEW_INPUT.read_text(encoding="utf-8") + "\n")
    env = {**os.environ, "PIPELINE_FAULT": f"worker:pause:{fifo}"}
    proc = subprocess.Popen(
        [sys.executable, "pipeline.py", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for(Path(f"{fifo}.ready"), proc)
        workers = _children(proc.pid)
        assert workers
        proc.kill()
        proc.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
    for w in alive:  # do not leave them behind even when the test fails
        with contextlib.suppress(OSError):
            os.kill(w, signal.SIGKILL)
    assert not alive, "pool workers outlived their parent"


def test_a_file_over_the_time_limit_is_that_files_error(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for name in (f"{SEED_000}.txt", f"{SEED_001}.txt"):
        shutil.copy(SAMPLES / name, src)
    (src / "third.txt").write_text((SAMPLES / f"{SEED_001}.txt").read_text(encoding="utf-8") + "\n")
    monkeypatch.setenv("PIPELINE_FAULT", f"worker:hang:{SEED_001}.txt")  # converts for ever
    monkeypatch.setenv("PIPELINE_FILE_TIMEOUT", "5")
    ds = pipeline.run([src], jobs=2)
    assert ds.errors[["file", "error_type"]].values.tolist() == [[str(src / f"{SEED_001}.txt"), "TimedOut"]]
    assert "stopped after 5 s" in ds.errors["message"].iloc[0]
    assert sorted(ds.documents["doc"]) == [SEED_000, "third"] and len(ds.events) == 144
