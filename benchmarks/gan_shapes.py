"""How good are Lab 1's samples after N iterations on this machine, and when do all classes appear?

Trains a GAN on a labelled built-in set (shapes, or scikit-learn's digits), as a student who
presses Start with the Model tab's defaults for a variant would, and every ``--every``
iterations judges its samples with the mode-collapse monitor of the app (the same class probe,
a small CNN trained on the real images): the share of each class among the samples, the
classes covered, the diversity and the app's verdict, and the Fréchet distance between the
probe's features of samples and of real images (FID's formula, with this probe in place of
Inception). That distance is set between two references measured the same way: the
untrained generator and real images never trained on. Each step's sample grid is saved for
a person to look at.

    python benchmarks/gan_shapes.py [--variant 1] [--iterations N] [--every 250]
                                    [--data shapes|digits] [--size 32] [--set NAME=VALUE ...]
                                    [--threads N]

The last line is the headline, e.g. ``shapes 32px, variant 1 defaults (2500 it., widths 32,
lr 2e-04, m 64): all 3 classes from iteration 1500; at 2500 Fréchet distance 31 (untrained
232, real 5.4), diversity 0.95, 71 s on cpu (2,250 img/s)``.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from scipy import linalg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.common import compute, variants  # noqa: E402
from services.common.paths import cache_dir  # noqa: E402
from services.gan import collapse, config, data, model  # noqa: E402
from services.gan.speedups import speed_up  # noqa: E402
from services.gan.trainer import Trainer  # noqa: E402

SAMPLES = 1000
FAIR_SHARE = 0.5  # a class "appears" when it holds at least half of an equal share of the samples


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


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", type=int, default=1, help="whose Model-tab defaults to train")
    parser.add_argument("--data", choices=data.BUILTINS, help="default: the variant's built-in stand-in")
    parser.add_argument("--size", type=int, help="default: the variant's size")
    parser.add_argument("--iterations", type=int, help="default: the variant's")
    parser.add_argument("--every", type=int, default=250, help="iterations between measurements")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="another value of a Model-tab setting",
    )
    parser.add_argument("--threads", type=int, help="torch threads (default: torch's own)")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.threads:
        torch.set_num_threads(args.threads)
    variant = variants.get(args.variant)
    name = args.data or variant.builtin or "shapes"
    size = args.size or variant.size
    choices = config.defaults_for(variant)
    for setting in args.set:
        field, _, value = setting.partition("=")
        default = getattr(config.DEFAULT, field)
        choices[field] = (int if default is None else type(default))(value)
    if args.iterations:
        choices["iterations"] = args.iterations
    cfg = config.for_data(size, 1, choices).check()

    label = "_".join([name, f"{size}px", *(s.replace("=", "") for s in args.set)])  # names the grids
    real = data.load_builtin(name, size, 1)
    held_out = data.load_builtin(name, size, 1, count=min(SAMPLES, len(real)), seed=1)  # never trained on
    monitor = collapse.Monitor(real.images, real.labels, real.class_names)
    reference = features(monitor.probe, real.images[:SAMPLES])
    trainer = speed_up(Trainer(cfg, real.images))
    untrained = model.sample(trainer.generator, cfg, seed=1, n=SAMPLES)
    print(
        f"{name} {size}px, {len(real)} images; probe accuracy on held-out real images {monitor.probe.accuracy:.1%}"
    )
    print(f"config: {cfg}")

    seconds, all_from, measured = 0.0, None, {}
    while trainer.step_count < cfg.iterations:
        began = time.perf_counter()
        trainer.steps(min(args.every, cfg.iterations - trainer.step_count))
        seconds += time.perf_counter() - began
        fakes = model.sample(trainer.generator, cfg, seed=1, n=SAMPLES)
        measured = monitor.measure(fakes)
        shares = np.asarray(measured["histogram"]) / SAMPLES
        every_class = bool((shares >= FAIR_SHARE / len(shares)).all())
        all_from = (all_from or trainer.step_count) if every_class else None
        distance = frechet(features(monitor.probe, fakes), reference)
        grid = cache_dir("benchmarks") / f"gan_{label}_{trainer.step_count:05d}.png"
        data.to_pil_grid(fakes[:64], nrow=8, scale=2).save(grid)
        print(
            f"iteration {trainer.step_count:5d}  {seconds:6.1f} s  Fréchet {distance:7.1f}  "
            f"shares {' '.join(f'{s:.2f}' for s in shares)}  covered {measured['modes_covered']}"
            f"  diversity {measured['diversity']:.2f}  collapsed {measured['collapsed']}",
            flush=True,
        )

    untrained_distance = frechet(features(monitor.probe, untrained), reference)
    real_distance = frechet(features(monitor.probe, held_out.images), reference)
    speed = cfg.iterations * cfg.batch * cfg.k / seconds
    classes = len(real.class_names)
    appear = f"all {classes} classes from iteration {all_from}" if all_from else f"not all {classes} classes"
    print(f"sample grids: {cache_dir('benchmarks')}/gan_{label}_*.png")
    print(
        f"{name} {size}px, variant {variant.number} defaults ({cfg.iterations} it., widths "
        f"{cfg.g_width}/{cfg.d_width}, lr {cfg.lr_g:.0e}/{cfg.lr_d:.0e}, m {cfg.batch}): {appear}; at "
        f"{cfg.iterations} Fréchet distance {distance:.1f} (untrained {untrained_distance:.1f}, real "
        f"{real_distance:.1f}), diversity {measured['diversity']:.2f}, {seconds:.0f} s on "
        f"{compute.device()} ({speed:,.0f} img/s)"
    )


if __name__ == "__main__":
    main()
