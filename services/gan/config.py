"""What defines a GAN training run, and every value derived from it, in one place (as nanoGPT keeps them).

``GanConfig`` is a run's config.json. From it follow the depth of the networks (the image
size), the side of the generator's first feature map, and how often a run saves sample
grids, measures mode collapse and writes checkpoints (the run length). ``DEFAULT`` and the
option lists below are what the Model tab starts from and offers.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from services.common.errors import UserError

SIZES = (28, 32, 64)  # image sides, px
CHANNELS = (1, 3)  # gray or RGB
LOSSES = ("nonsaturating", "minimax")  # the generator's loss: see losses.py
PRECISIONS = ("auto", "fp32")  # "auto": bfloat16 where the hardware has it (speedups.py)


@dataclass
class GanConfig:
    """Everything that defines a training run; a run's config.json is this, as a dict."""

    size: int = 32  # image side, px: 28, 32 or 64
    channels: int = 1  # 1 = grayscale, 3 = RGB
    latent: int = 100  # length of the noise vector z
    g_width: int = 64  # feature maps of the generator's last hidden layer (ngf)
    d_width: int = 64  # feature maps of the discriminator's first layer (ndf)
    depth: int | None = None  # stride-2 layers per network; None: as many as the size allows
    batch: int = 64  # minibatch size m
    iterations: int = 2000  # generator updates
    k: int = 1  # discriminator updates per generator update
    lr_g: float = 2e-4
    lr_d: float = 2e-4
    beta1: float = 0.5
    beta2: float = 0.999
    loss: str = "nonsaturating"  # or "minimax", the generator loss of the manual
    label_smoothing: float = 0.0  # 0.1 makes the discriminator's target for real images 0.9
    seed: int = 0
    # None: follows the run length, see __post_init__
    sample_every: int | None = None  # steps between sample grids
    eval_every: int | None = None  # steps between mode-collapse measurements
    checkpoint_every: int | None = None  # steps between checkpoints
    precision: str = "auto"  # "auto": bfloat16 mixed precision where the hardware has it; "fp32"

    def __post_init__(self):
        if not _is_int(self.iterations):
            return  # check() names the bad value
        # snapshots often enough to watch a short demo, rarely enough not to slow a long run:
        # 200 iterations: a grid every 10 steps, a measurement and a checkpoint every 50;
        # 1 000: 50 and 200; 2 000 and more: 100 and 250
        every = max(10, min(100, self.iterations // 20 // 10 * 10))
        measure = max(50, min(250, self.iterations // 5 // 10 * 10))
        if self.sample_every is None:
            self.sample_every = every
        if self.eval_every is None:
            self.eval_every = measure
        if self.checkpoint_every is None:
            self.checkpoint_every = measure

    @property
    def layers(self) -> int:
        """The number of stride-2 layers: ``depth``, or all that keep the first map at least 4 px."""
        return self.depth if self.depth is not None else max_depth(self.size)

    @property
    def start_side(self) -> int:
        """Side of the generator's first feature map (4 at 32 and 64 px, 7 at 28 px)."""
        return self.size >> self.layers

    def check(self) -> GanConfig:
        """Raise ``UserError`` for a value that cannot train; return self when all are fine."""
        if not _is_int(self.size) or self.size not in SIZES:
            raise UserError("gan.config.size", value=self.size, sizes=", ".join(map(str, SIZES)))
        if not _is_int(self.channels) or self.channels not in CHANNELS:
            raise UserError("gan.config.channels", value=self.channels)
        _check_int("latent", self.latent, 1, 1024)
        _check_int("g_width", self.g_width, 1, 1024)
        _check_int("d_width", self.d_width, 1, 1024)
        if self.depth is not None and (
            not _is_int(self.depth) or not 1 <= self.depth <= max_depth(self.size)
        ):
            raise UserError("gan.config.depth", value=self.depth, size=self.size, most=max_depth(self.size))
        _check_int("batch", self.batch, 2, 4096)
        _check_int("iterations", self.iterations, 1, 10_000_000)
        _check_int("k", self.k, 1, 100)
        for name in ("lr_g", "lr_d"):
            value = getattr(self, name)
            if not _is_number(value) or not 0 < value <= 1:
                raise UserError("gan.config.lr", value=value)
        for name in ("beta1", "beta2"):
            value = getattr(self, name)
            if not _is_number(value) or not 0 <= value < 1:
                raise UserError("gan.config.beta", value=value)
        if self.loss not in LOSSES:
            raise UserError("gan.config.loss", value=self.loss)
        if not _is_number(self.label_smoothing) or not 0 <= self.label_smoothing < 0.5:
            raise UserError("gan.config.smoothing", value=self.label_smoothing)
        _check_int("seed", self.seed, 0, 2**63 - 1)
        for name in ("sample_every", "eval_every", "checkpoint_every"):
            _check_int(name, getattr(self, name), 1, 10_000_000)
        if self.precision not in PRECISIONS:
            raise UserError("gan.config.precision", value=self.precision)
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> GanConfig:
        """A config from a dict; unknown keys (from a newer or older version) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def max_depth(size: int) -> int:
    """How many times the side halves before the feature map would drop below 4 px."""
    depth = 0
    while size % 2 == 0 and size // 2 >= 4:
        size //= 2
        depth += 1
    return depth


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _check_int(name: str, value, low: int, high: int) -> None:
    if not _is_int(value) or not low <= value <= high:
        raise UserError(f"gan.config.{name}", value=value, low=low, high=high)


# --- what the Model tab starts from and offers ----------------------------------------------------

# DCGAN's values, with narrower networks so a laptop CPU trains in minutes
DEFAULT = GanConfig(g_width=32, d_width=32, iterations=1000)
# the fields the Model tab sets; the image format comes from the Data tab
HYPERPARAMETERS = ("latent", "g_width", "d_width", "depth", "batch", "iterations", "k", "lr_g", "lr_d")
HYPERPARAMETERS += ("beta1", "beta2", "loss", "label_smoothing", "seed")
LEARNING_RATES = (1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3)
WIDTHS = (4, 8, 16, 32, 64, 128)
BATCHES = (16, 32, 64, 128, 256)
BETA2S = (0.9, 0.99, 0.999)


# What differs from DEFAULT for each variant's image format (size, channels), chosen with
# benchmarks/gan_shapes.py on the built-in stand-ins (README, "Measured figures"), so that the first
# run a student starts on a CPU shows every class:
FORMAT_DEFAULTS = {
    # digits and garments (variants 6 and 3): at DCGAN's rates D wins within 100 iterations on the
    # 1 797 built-in digits and G goes flat gray; a D four times slower keeps the game going, and all
    # ten digits are drawn from iteration 750
    (28, 1): {"lr_d": 5e-5, "iterations": 1500},
    # shapes (variant 1): rings and discs are drawn from ~2 000 iterations, squares join by ~4 000 (all
    # three classes covered, Fréchet distance 48 vs 228 untrained), triangles stay the rarest; 5 000
    # iterations take about 4 minutes on a 2-core CPU
    (32, 1): {"iterations": 5000},
    # photos (variants 2, 4, 5, 7-10): Kaggle only, so not measured here; DCGAN's rates, and as many
    # iterations as a few minutes of a laptop CPU allow at 64 px RGB
    (64, 3): {"iterations": 1500},
}


def defaults_for(variant) -> dict:
    """The Model tab's starting values for a ``variants.Variant``: one per ``HYPERPARAMETERS``."""
    choices = {name: getattr(DEFAULT, name) for name in HYPERPARAMETERS}
    return choices | FORMAT_DEFAULTS.get((variant.size, variant.channels), {})


def for_data(size: int, channels: int, choices: dict) -> GanConfig:
    """The config of the Model tab's ``choices`` (one value per ``HYPERPARAMETERS``) for images
    of this format; a depth chosen for a larger size becomes the deepest this one allows."""
    most = max_depth(size)
    depth = min(choices["depth"] or most, most)
    return GanConfig(size=size, channels=channels, **{**choices, "depth": depth})
