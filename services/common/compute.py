"""The compute device and the lock that serializes work on one accelerator.

torch is imported only when a device is asked for, so the app (and the LLM lab) start
without it.
"""

import importlib.util
import os
import threading
from contextlib import contextmanager
from functools import cache


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


def synchronize(kind: str) -> None:
    """Wait for queued GPU work, so timings measure the work and not its launch."""
    import torch

    if kind == "cuda":
        torch.cuda.synchronize()
    elif kind == "mps":
        torch.mps.synchronize()


class AcceleratorLock:
    """One user at a time on the accelerator; others can see how many wait ahead."""

    def __init__(self):
        self._lock = threading.Lock()
        self._count = threading.Lock()
        self._waiting = 0

    @property
    def waiting(self) -> int:
        return self._waiting

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    @contextmanager
    def hold(self, on_wait=None):
        """Hold the accelerator; ``on_wait(ahead)`` is called if it must wait first."""
        if not self._lock.acquire(blocking=False):
            with self._count:
                self._waiting += 1
                ahead = self._waiting
            if on_wait:
                on_wait(ahead)
            self._lock.acquire()
            with self._count:
                self._waiting -= 1
        try:
            yield
        finally:
            self._lock.release()


ACCELERATOR = AcceleratorLock()
