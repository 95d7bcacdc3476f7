"""How fast the trainer runs on this machine, and so how long a planned run will take before it starts.

The speed of a network shape (size, widths, depth, m, k, precision) is measured with the
trainer the runs use, on a minibatch of blank images (its speed does not depend on the
pictures), timed over about a second after a warm-up. Estimates for that shape then use it for
a few minutes: it is the speed of the machine as it is now, and a machine busy with other work
trains slower, so an old figure is measured again.
"""

import threading
import time

from services.common import compute
from services.gan.config import GanConfig

MEASURE_S = 1.0  # timed for at least this long...
MEASURE_STEPS = 2  # ...and at least this many iterations
KEEP_S = 300.0  # how long a measurement stands for the machine's speed
_MEASURED: dict[tuple, tuple[float, float]] = {}  # shape -> (when, real images through D per second)
_LOCK = threading.Lock()  # one measurement at a time: two would slow each other


def images_per_s(cfg: GanConfig) -> float:
    """Real images through the discriminator per second (m·k per iteration, as runs report it)."""
    shape = _shape(cfg)
    with _LOCK:
        when, speed = _MEASURED.get(shape, (float("-inf"), 0.0))
        if time.monotonic() - when > KEEP_S:
            speed = _measure(cfg)
            _MEASURED[shape] = (time.monotonic(), speed)
        return speed


def training_seconds(cfg: GanConfig, steps: int | None = None) -> float:
    """How long ``steps`` iterations (all of ``cfg.iterations`` by default) train here."""
    steps = cfg.iterations if steps is None else steps
    return steps * cfg.batch * cfg.k / images_per_s(cfg)


def _shape(cfg: GanConfig) -> tuple:
    """What the time of an iteration depends on (not the learning rates, losses or seed)."""
    timed = ("size", "channels", "latent", "g_width", "d_width", "batch", "k", "precision")
    return (*(getattr(cfg, name) for name in timed), cfg.layers, compute.device())


def _measure(cfg: GanConfig) -> float:
    import torch  # here: app.py may run where torch is missing

    from services.gan.speedups import GRAPH_WARMUP, speed_up
    from services.gan.trainer import Trainer

    cfg.check()
    blank = torch.zeros(cfg.batch, cfg.channels, cfg.size, cfg.size)
    # on CUDA the first iterations run eagerly and the next one is recorded as a graph
    warmup = GRAPH_WARMUP + 2 if compute.device() == "cuda" else 1
    with compute.ACCELERATOR.hold():
        trainer = speed_up(Trainer(cfg, blank))
        trainer.steps(warmup)  # its statistics are read back: the device has finished
        began, done = time.perf_counter(), 0
        while done < MEASURE_STEPS or time.perf_counter() - began < MEASURE_S:
            trainer.steps(MEASURE_STEPS)
            done += MEASURE_STEPS
        elapsed = time.perf_counter() - began
    return done * cfg.batch * cfg.k / elapsed
