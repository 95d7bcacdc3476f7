"""Do Lab 2's own diffusion models draw the right class after a few minutes of training on this machine?

Trains the Own model tab's default model (services/diffusion/own, DEFAULT config) on the
built-in shapes at 32 px for a fixed wall time, as a student who presses Start would, then
draws an equal number of images of every class with the tab's default settings (Euler a,
25 steps, its CFG) and judges them with Lab 1's class probe trained on the real shapes
(services/diffusion/own/quality.py): the share drawn in the asked class, and the Fréchet
distance of the probe's features to real shapes, next to the same distance for real shapes
never trained on. The sample grid is saved for a person to look at.

    python benchmarks/own_diffusion.py [--minutes 10] [--data shapes|digits] [--per-class 100]

The last line is the headline, e.g. ``class accuracy 0.94 (fd 12.3, 10 min, cpu, 32px, 25 steps)``.
"""

import argparse
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.common import compute  # noqa: E402
from services.common.paths import cache_dir  # noqa: E402
from services.diffusion.own import training  # noqa: E402
from services.diffusion.own.config import DEFAULT, SAMPLE_CFG, SAMPLE_STEPS, OwnConfig  # noqa: E402
from services.diffusion.own.quality import Judge  # noqa: E402
from services.diffusion.own.trainer import Trainer  # noqa: E402
from services.gan import data  # noqa: E402

CHUNK = 25  # steps between looks at the clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--data", choices=data.BUILTINS, default="shapes")
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--per-class", type=int, default=100, help="images drawn of each class to judge")
    args = parser.parse_args()
    device = compute.device()

    real = data.load_builtin(args.data, args.size, 1)
    held_out = data.load_builtin(args.data, args.size, 1, count=1000, seed=1)  # never trained on
    cfg = OwnConfig(
        size=args.size, channels=1, classes=real.class_names, iterations=1_000_000
    )  # the wall time ends it
    print(
        f"defaults: width {DEFAULT.width}, batch {cfg.batch}, lr {cfg.lr:g}, {torch.get_num_threads()} threads"
    )
    trainer = Trainer(cfg, real.images, real.labels)
    began = time.perf_counter()
    while time.perf_counter() - began < args.minutes * 60:
        trainer.steps(CHUNK)
    seconds = time.perf_counter() - began
    print(
        f"trained {trainer.step_count} steps in {seconds:.0f} s ({trainer.step_count * cfg.batch / seconds:.0f} images/s)"
    )

    judge = Judge(real.images, real.labels, real.class_names)
    print(f"probe accuracy on held-out real images {judge.probe.accuracy:.1%}")
    asked = [c for c in range(cfg.n_classes) for _ in range(args.per_class)]
    drawn = time.perf_counter()
    images = training.draw(trainer.averaged(), cfg, asked, seed=1)
    drawn = time.perf_counter() - drawn
    measured = judge.measure(images, asked=asked)
    reference = judge.measure(held_out.images)["fd"]
    grid = cache_dir("benchmarks") / f"own_diffusion_{args.data}_{args.size}px.png"
    data.to_pil_grid(images[:: max(1, args.per_class // 10)], nrow=10, scale=2).save(grid)
    print(f"drew {len(asked)} images in {drawn:.0f} s; classes of samples {measured['histogram']}")
    print(f"Fréchet distance of real {args.data} never trained on: {reference:.2f}; sample grid: {grid}")
    print(f"{args.data}, Euler a, CFG {SAMPLE_CFG:g}, {args.per_class} images per class")
    print(
        f"class accuracy {measured['class_accuracy']:.2f} (fd {measured['fd']:.2f}, {args.minutes:g} min, "
        f"{device}, {args.size}px, {SAMPLE_STEPS} steps)"
    )


if __name__ == "__main__":
    main()
