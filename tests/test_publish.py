"""`normalize.publish` on its own: the swap, its fallback, and what killed runs leave."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from normalize import publish as pub


def _writer(content: str):
    def write_files(scratch):
        (scratch / "events.csv").write_text(content)
        (scratch / "sub").mkdir()
        (scratch / "sub" / "part.parquet").write_text(content)

    return write_files


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _state(out):
    return {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("exchange", [True, False], ids=["one-rename", "two-renames"])
def test_publish_replaces_the_folder_as_a_whole(tmp_path, monkeypatch, exchange):
    if not exchange:  # a kernel or file system without RENAME_EXCHANGE
        monkeypatch.setattr(pub, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    first = pub.publish(out, _writer("old"))
    assert first.atomic and first.files == ("events.csv", "sub")
    (out / "mine.txt").write_text("keep")
    (out / ".cache").mkdir()
    (out / ".cache" / "entry").write_text("cached")
    second = pub.publish(out, _writer("new"))
    assert second.atomic is exchange
    assert _state(out) == {
        ".cache/entry": "cached", ".published": "events.csv\nsub\n", "events.csv": "new", "mine.txt": "keep",
        "sub/part.parquet": "new",
    }  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_files_the_last_run_wrote_and_this_one_does_not_are_dropped(tmp_path):
    out = tmp_path / "out"
    pub.publish(out, _writer("old"))
    pub.publish(out, lambda scratch: (scratch / "events.csv").write_text("new"))
    assert not (out / "sub").exists() and (out / "events.csv").read_text() == "new"


def test_killed_between_the_two_renames_the_old_output_comes_back(tmp_path):
    out = tmp_path / "out"
    pub.publish(out, _writer("old"))
    aside = tmp_path / f".out.old-{_dead_pid()}-0badcafe"
    os.rename(out, aside)  # where the fallback stood when the run was killed
    pub.clean_stale(out)
    assert (out / "events.csv").read_text() == "old" and not aside.exists()


def test_a_scratch_folder_of_a_live_run_is_left_alone(tmp_path):
    out = tmp_path / "out"
    pub.publish(out, _writer("old"))
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = tmp_path / f".out.writing-{live.pid}-0badcafe"
        theirs.mkdir()
        dead = tmp_path / f".out.writing-{_dead_pid()}-0badcafe"
        dead.mkdir()
        assert pub.clean_stale(out) == [dead]
        assert theirs.is_dir()
    finally:
        live.kill()
        live.wait()


def test_a_symlinked_output_folder_stays_a_link(tmp_path):
    target = tmp_path / "real"
    pub.publish(target, _writer("old"))
    link = tmp_path / "link"
    link.symlink_to(target)
    pub.publish(link, _writer("new"))
    assert link.is_symlink() and (target / "events.csv").read_text() == "new"


def test_a_failing_writer_leaves_the_old_output_and_no_scratch(tmp_path):
    out = tmp_path / "out"
    pub.publish(out, _writer("old"))

    def broken(scratch):
        (scratch / "events.csv").write_text("half")
        raise OSError(28, "No space left on device", str(scratch / "events.csv"))

    with pytest.raises(pub.OutputError) as raised:
        pub.publish(out, broken)
    assert "No space left on device" in str(raised.value)
    assert (out / "events.csv").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_out_that_is_a_file(tmp_path):
    target = tmp_path / "a_file"
    target.write_text("x")
    with pytest.raises(pub.OutputError, match="exists and is not a folder"):
        pub.publish(target, _writer("new"))
    assert target.read_text() == "x"


@pytest.mark.parametrize(("published", "says"), [(False, "nothing was written"), (True, "already complete")])
def test_interrupted_tells_which_output_is_in_place(tmp_path, published, says):
    import signal

    exc = pub.Interrupted(signal.SIGTERM, tmp_path, published)
    assert says in exc.message and exc.exit_status == 143 and isinstance(exc, KeyboardInterrupt)


def test_an_output_folder_that_is_a_mount_point_is_replaced_file_by_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    pub.publish(out, _writer("old"))
    (out / "mine.txt").write_text("keep")
    real = os.path.ismount
    monkeypatch.setattr(pub.os.path, "ismount", lambda p: str(p) == str(out) or real(p))
    result = pub.publish(out, lambda scratch: (scratch / "events.csv").write_text("new"))
    assert result.atomic is False
    assert _state(out) == {".published": "events.csv\n", "events.csv": "new", "mine.txt": "keep"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_real_mount_point(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(out)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        pub.publish(out, _writer("old"))
        pub.publish(out, _writer("new"))
        assert _state(out) == {
            ".published": "events.csv\nsub\n",
            "events.csv": "new",
            "sub/part.parquet": "new",
        }
    finally:
        subprocess.run(["umount", "-l", str(out)], check=False)
