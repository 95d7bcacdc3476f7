"""What defines the training of an own diffusion model, in one place (as nanoGPT keeps it).

``OwnConfig`` is a run's config: the data's format and classes, the U-Net's widths, and how
it trains (DDPM's noise-prediction loss, AdamW, an exponential moving average of the
weights, condition dropout for classifier-free guidance). ``DEFAULT`` is what the Train tab
starts from: on a 2-core CPU it draws the built-in shapes of the right class within minutes.
"""

from __future__ import annotations

import numbers
from dataclasses import asdict, dataclass, field, fields

from services.common.errors import UserError

SIZES = (28, 32, 64)  # Lab 1's image sides, px
WIDTHS = {"small": (16, 32, 64), "medium": (32, 64, 64), "large": (64, 128, 128)}  # U-Net channels per level
TRAIN_TIMESTEPS = 1000  # DDPM's T
# DDPM's linear betas (1e-4 to 0.02): noise up to sigma 157, where A1111's samplers work well (a cosine
# schedule ends near sigma 30 000, and Euler-type samplers starting there draw noise)
NOISE_SCHEDULE = "linear"
SAMPLE_STEPS = 25  # denoising steps of the live samples, the measurements and the defaults
SAMPLE_CFG = 3.0  # their guidance scale


@dataclass
class OwnConfig:
    """A run's config.json, as a dict."""

    size: int = 32  # image side, px (the data's)
    channels: int = 1  # 1 = grayscale, 3 = RGB (the data's)
    classes: list[str] = field(default_factory=list)  # the data's class names; one class when unlabelled
    width: str = "small"  # the U-Net's channels, a key of WIDTHS
    batch: int = 32
    iterations: int = 3000  # optimizer steps (the shapes are drawn in their class from about 2 000)
    lr: float = 2e-3  # AdamW's rate after a short warm-up
    warmup: int = 100  # steps of linear warm-up of the rate
    cond_dropout: float = 0.1  # share of images trained without their class: the unconditional model of CFG
    ema: float = 0.999  # the EMA's decay once warmed up; samples use the averaged weights
    seed: int = 0
    sample_every: int = 100  # steps between live sample grids
    eval_every: int = 500  # steps between quality measurements (class accuracy, Fréchet distance)
    checkpoint_every: int = 250  # steps between checkpoints (and at least every 30 s)

    @property
    def levels(self) -> tuple[int, ...]:
        """Channels per U-Net level: three levels (32 -> 16 -> 8 px; 28 -> 14 -> 7), four at 64 px."""
        widths = WIDTHS[self.width]
        return widths + (widths[-1],) if self.size == 64 else widths

    @property
    def n_classes(self) -> int:
        return max(1, len(self.classes))

    def check(self) -> OwnConfig:
        """Raise ``UserError`` for a value that cannot train; return self when all are fine."""
        if not _is_int(self.size) or self.size not in SIZES:
            raise UserError("sd.own.err.size", value=self.size, sizes=", ".join(map(str, SIZES)))
        if self.channels not in (1, 3) or not _is_int(self.channels):
            raise UserError("sd.own.err.channels", value=self.channels)
        if self.width not in WIDTHS:
            raise UserError("sd.own.err.value", name="width", value=self.width)
        for name, low, high in (
            ("batch", 2, 512),
            ("iterations", 1, 1_000_000),
            ("warmup", 0, 100_000),
            ("seed", 0, 2**31 - 1),
            ("sample_every", 1, 1_000_000),
            ("eval_every", 1, 1_000_000),
            ("checkpoint_every", 1, 1_000_000),
        ):
            value = getattr(self, name)
            if not _is_int(value) or not low <= value <= high:
                raise UserError("sd.own.err.value", name=name, value=value)
        for name, low, high in (("lr", 1e-6, 0.1), ("cond_dropout", 0.0, 0.5), ("ema", 0.0, 0.99999)):
            value = getattr(self, name)
            if not _is_number(value) or not low <= value <= high:
                raise UserError("sd.own.err.value", name=name, value=value)
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> OwnConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


DEFAULT = OwnConfig()


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
