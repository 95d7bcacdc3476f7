"""The compute device, and the queue that serializes work on one accelerator.

torch is imported only when a device is asked for, so the app (and the LLM lab) start
without it.
"""

import importlib.metadata
import importlib.util
import os
import platform
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from services.common.jobs import Cancelled

POLL_S = 0.2  # how often a waiting holder looks whether it should leave the queue


# OpenMP threads (torch's, the local LLM servers') that wait for each other sleep instead of
# spinning: on a machine shared with other work, a spinning thread keeps its core from the very
# thread it waits for. Measured on a busy 2-core machine, GAN training on 2 threads: 25-50 img/s
# spinning, ~215 img/s sleeping (~240 on 1 thread). Read once, when torch first loads: this
# module is imported before anything imports torch.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def torch_installed() -> bool:
    return importlib.util.find_spec("torch") is not None


@cache
def device() -> str:
    """'cuda', 'mps' or 'cpu': the best device this process can use."""
    if os.environ.get("GENLAB_DEVICE"):
        return os.environ["GENLAB_DEVICE"]
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def device_info() -> tuple[str, dict]:
    """A translation key and its parameters describing the device."""
    kind = device()
    if kind == "cuda":
        import torch

        return "device.cuda", {"name": torch.cuda.get_device_name(0)}
    if kind == "mps":
        return "device.mps", {}
    return "device.cpu", {"cores": os.cpu_count() or 1}


def device_known() -> bool:
    """Whether this process has asked for its device yet (so torch is loaded): every model and
    training asks first, so before that nothing is on any device."""
    return device.cache_info().currsize > 0


def device_info_cheap() -> tuple[str, dict]:
    """``device_info()`` once the device is known; before that a guess that never imports torch
    (call it where torch is installed).

    ``import torch`` takes seconds, and the sidebar shows this line on the first page, before
    any lab's work has loaded torch. The guess reads the NVIDIA driver's GPU list (unless the
    installed torch is a CPU-only build) and the platform; the first work that asks for the
    device turns it into the exact answer.
    """
    if device_known():
        return device_info()
    gpu = _nvidia_gpu_name()
    if gpu and not importlib.metadata.version("torch").endswith("+cpu"):
        return "device.cuda", {"name": gpu}
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "device.mps", {}
    return "device.cpu", {"cores": os.cpu_count() or 1}


def _nvidia_gpu_name(driver: Path = Path("/proc/driver/nvidia/gpus")) -> str | None:
    """The first GPU's model, as the Linux NVIDIA driver lists it; None without one."""
    for info in sorted(driver.glob("*/information")):
        for line in info.read_text(errors="replace").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == "Model" and value.strip():
                return value.strip()
    return None


def fast_bfloat16(kind: str) -> bool:
    """Whether a device of this kind computes bfloat16 faster than float32: in matrix units built for it.

    On a CPU that takes AMX tiles. AVX-512 BF16 alone does not count: its dot-product
    instruction does as many multiply-adds per cycle as float32 FMAs do, and the casts come
    on top; measured on a Xeon without AMX, DCGAN training ran at 0.83x and an SD 1.5 U-Net
    step at 0.6x of float32 under bfloat16 autocast.
    """
    import torch

    if kind == "cuda":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported(including_emulation=False)
    if kind == "cpu":
        return getattr(torch.cpu, "_is_amx_tile_supported", lambda: False)()
    return False


def synchronize(kind: str) -> None:
    """Wait for queued GPU work, so timings measure the work and not its launch."""
    import torch

    if kind == "cuda":
        torch.cuda.synchronize()
    elif kind == "mps":
        torch.mps.synchronize()


@dataclass(frozen=True)
class Holder:
    """Whose work waits for the accelerator, as the queue shows it: a kind of work and a session, never a name."""

    kind: str = ""  # the job's kind: "generation", "sweep", "gan"...; "" for work outside a job
    owner: str | None = None  # the session's owner hash (services/common/owners.py)
    job_id: str | None = None


@dataclass(frozen=True, eq=False)  # each turn is itself: two alike are still two turns
class Turn:
    """One place in the queue: whose, since when it waits, and since when it runs (None: still waiting)."""

    holder: Holder
    queued: float
    started: float | None = None


class AcceleratorLock:
    """One piece of work at a time on the accelerator; the rest wait in the order they came.

    Everybody on a server shares the accelerator, so the queue is public: ``queue()`` lists
    each turn (the running one first) with its times, and a waiting holder is told its place
    whenever it changes and may leave before its turn comes.
    """

    def __init__(self):
        self._changed = threading.Condition()
        self._turns: list[Turn] = []  # the first one holds the accelerator once it has started

    def queue(self) -> list[Turn]:
        with self._changed:
            return list(self._turns)

    @property
    def waiting(self) -> int:
        return sum(turn.started is None for turn in self.queue())

    @property
    def busy(self) -> bool:
        return any(turn.started is not None for turn in self.queue())

    @contextmanager
    def hold(self, on_wait=None, should_stop=None, holder: Holder | None = None):
        """Hold the accelerator, queueing first if it is busy.

        ``on_wait(ahead)`` is told how many turns are ahead (the running one included) each time
        that changes; when ``should_stop()`` turns true before the turn comes, the holder leaves
        the queue and ``jobs.Cancelled`` is raised.
        """
        turn = Turn(holder or Holder(), time.time())
        with self._changed:
            self._turns.append(turn)
            try:
                told = 0
                while self._turns[0] is not turn:
                    ahead = self._turns.index(turn)
                    if on_wait and ahead != told:
                        on_wait(ahead)
                        told = ahead
                    if should_stop and should_stop():
                        raise Cancelled()
                    self._changed.wait(POLL_S)
            except BaseException:
                self._leave(turn)
                raise
            turn = self._turns[0] = replace(turn, started=time.time())
        try:
            yield
        finally:
            with self._changed:
                self._leave(turn)

    def _leave(self, turn: Turn) -> None:
        self._turns.remove(turn)
        self._changed.notify_all()


ACCELERATOR = AcceleratorLock()
