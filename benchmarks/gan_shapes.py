"""How good are Lab 1's shapes after a few minutes of training on this machine?

Trains the GAN of the Model tab's defaults (DCGAN, 32 px grayscale, widths 32, batch 64,
non-saturating loss) on the built-in shapes for a fixed wall time, as a student who presses Start would, then
compares its samples with real shapes through the class probe of the mode-collapse tab (a
small CNN trained on the real shapes): the Fréchet distance between the probe's features
of samples and of real shapes (FID's formula, with this probe in place of Inception),
set between two references measured the same way, the untrained generator and real shapes
never trained on; plus the classes covered and the diversity. The sample grid is saved
for a person to look at.

    python benchmarks/gan_shapes.py [--minutes 3] [--size 32] [--width 32]

The last line is the headline, e.g. ``shapes 32px after 180 s (cpu): 2400 steps, Fréchet
distance 3.1 (untrained 120.4, real shapes 0.4), 3/3 classes, diversity 0.83``.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from scipy import linalg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.common import compute  # noqa: E402
from services.common.paths import cache_dir  # noqa: E402
from services.gan import collapse, data, model  # noqa: E402
from services.gan.config import DEFAULT, GanConfig  # noqa: E402
from services.gan.speedups import speed_up  # noqa: E402
from services.gan.trainer import Trainer  # noqa: E402

SAMPLES = 1000


def features(probe: collapse.ClassProbe, images: torch.Tensor) -> np.ndarray:
    """The probe's last hidden layer (before dropout and the class head)."""
    body = probe.network[:-2]
    with torch.inference_mode():
        return torch.cat([body(x) for x in images.float().cpu().split(512)]).double().numpy()


def frechet(a: np.ndarray, b: np.ndarray) -> float:
    """|mu_a - mu_b|^2 + Tr(S_a + S_b - 2 (S_a S_b)^1/2), as FID computes it."""
    mu_a, mu_b = a.mean(0), b.mean(0)
    eps = 1e-6 * np.eye(a.shape[1])  # features that never fire leave the covariance singular
    s_a, s_b = np.cov(a, rowvar=False) + eps, np.cov(b, rowvar=False) + eps
    root = linalg.sqrtm(s_a @ s_b).real
    return float(((mu_a - mu_b) ** 2).sum() + np.trace(s_a + s_b - 2 * root))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument(
        "--width", type=int, default=DEFAULT.g_width, help="G and D widths (the Model tab's default)"
    )
    args = parser.parse_args()
    device = compute.device()

    real = data.load_builtin("shapes", args.size, 1)
    held_out = data.load_builtin("shapes", args.size, 1, count=SAMPLES, seed=1)  # shapes never trained on
    cfg = GanConfig(size=args.size, channels=1, g_width=args.width, d_width=args.width, iterations=10_000_000)
    trainer = speed_up(Trainer(cfg, real.images))
    untrained = model.sample(trainer.generator, cfg, seed=1, n=SAMPLES)
    began = time.perf_counter()
    while time.perf_counter() - began < args.minutes * 60:
        trainer.steps(25)
    seconds = time.perf_counter() - began

    fakes = model.sample(trainer.generator, cfg, seed=1, n=SAMPLES)
    probe = collapse.ClassProbe.train(real.images, real.labels, len(real.class_names))
    histogram = collapse.class_histogram(probe.predict(fakes), probe.n_classes)
    grid = cache_dir("benchmarks") / f"gan_shapes_{args.size}px.png"
    data.to_pil_grid(fakes[:64], nrow=8, scale=2).save(grid)
    print(f"probe accuracy on held-out real shapes {probe.accuracy:.1%}; classes of samples {histogram}")
    print(f"sample grid: {grid}")
    reference = features(probe, real.images[:SAMPLES])
    distance = {name: frechet(features(probe, x), reference) for name, x in
                (("fakes", fakes), ("untrained", untrained), ("held_out", held_out.images))}  # fmt: skip
    print(
        f"shapes {args.size}px after {seconds:.0f} s ({device}): {trainer.step_count} steps, "
        f"Fréchet distance {distance['fakes']:.1f} (untrained {distance['untrained']:.1f}, "
        f"real shapes {distance['held_out']:.1f}), "
        f"{collapse.modes_covered(histogram)}/{probe.n_classes} classes, "
        f"diversity {collapse.diversity(fakes, real.images):.2f}"
    )


if __name__ == "__main__":
    main()
