"""Fault-injection checkpoints: make the fault tests deterministic.

A run with `PIPELINE_FAULT=<stage>:<action>[:<argument>]` in its environment, at
`checkpoint(<stage>)`:
  * `pause:<fifo>` writes `<stage>` to `<fifo>.ready`, then blocks until someone
    opens `<fifo>` for writing (a test sends its signal while the process waits
    there, then releases it): no sleeps, no timing races;
  * `raise` raises `OSError(ENOSPC)`, as a full disk would;
  * `kill` sends SIGKILL to the calling process (with `checkpoint(stage, name)`
    only when `name` equals the argument: the worker converting that file dies,
    as under the out-of-memory killer);
  * `hang[:<name>]` never returns (the per-file time limit's test).
Without the variable, a checkpoint costs one dictionary lookup.

Stages: `convert` (parent, after the first file's result), `worker` (in the
process converting a file), `write` (scratch folder partly written), `swap`
(everything written, just before the one rename), `swapped` (just after it).
"""

from __future__ import annotations

import errno
import os
import signal
import time
from pathlib import Path

_VARIABLE = "PIPELINE_FAULT"


def checkpoint(stage: str, name: str | None = None) -> None:
    spec = os.environ.get(_VARIABLE)
    if not spec:
        return
    wanted, _, rest = spec.partition(":")
    if wanted != stage:
        return
    action, _, argument = rest.partition(":")
    if action == "pause":
        fifo = Path(argument)
        Path(f"{fifo}.ready").write_text(stage)
        with open(fifo, encoding="utf-8") as f:  # blocks until a writer opens it
            f.read()
    elif action == "raise":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"<fault injected at {stage}>")
    elif action == "kill" and (not argument or argument == name):
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "hang" and (not argument or argument == name):
        while True:  # a conversion that never ends, as a hostile input's might
            time.sleep(3600)
