"""Training speed of Lab 1's ``Trainer`` against the textbook DCGAN loop, in one process.

The reference is the loop of pytorch/examples ``dcgan/main.py``: a ``TensorDataset`` in a
``DataLoader(shuffle=True)``, the discriminator updated on the real batch and on the
detached fake batch, the generator on the same fake batch, ``.item()`` for D(x) and
D(G(z)) every step, plain float32. Both train the same architecture (``model.build``) with the
same batch and the same Adam settings on built-in shapes. The app's trainer (the plain
Algorithm 1 of trainer.py with speedups.py) runs once as configured by default
(``precision="auto"``), once forced to float32 and, on CUDA, once without the CUDA graph,
to show what each of its choices is worth. Rounds alternate between the contenders, so a noisy, shared
machine slows all of them alike; a round's speed is images per second, and the headline
takes the median round ratio. Both run with the app's thread settings (importing
``services.common.compute`` first: OpenMP threads sleep while they wait).

``--compile`` adds the trainer with G and D under ``torch.compile`` (inductor; the CPU
backend builds C++), printing its compile time. Measured on 2 cores of a Xeon without AMX, it
took 89 s to compile, longer than half of a 1,000-iteration run at 28 px, and trained no
faster: at DCGAN's sizes the convolutions, which it leaves to oneDNN, take ~80-88% of the
time. So the app does not compile.

    python benchmarks/gan_train.py [--sizes 64 28] [--rounds 5] [--seconds 3] [--compile]

The last line is the headline: the lower of the two sizes' speedups.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# first, as in the app: importing compute sets the OpenMP wait policy that torch reads once
from services.common import compute  # noqa: E402

# isort: split
import torch  # noqa: E402

from services.gan import data, model  # noqa: E402
from services.gan.config import GanConfig  # noqa: E402
from services.gan.speedups import speed_up  # noqa: E402
from services.gan.trainer import Trainer  # noqa: E402


def reference(cfg: GanConfig, images: torch.Tensor, device: str):
    """pytorch/examples dcgan/main.py's training loop; ``run(n)`` does n iterations."""
    netG, netD = (m.to(device) for m in model.build(cfg))
    criterion = torch.nn.BCEWithLogitsLoss()  # the example's BCELoss after a sigmoid, in the stable form
    optimizerD = torch.optim.Adam(netD.parameters(), lr=cfg.lr_d, betas=(cfg.beta1, cfg.beta2))
    optimizerG = torch.optim.Adam(netG.parameters(), lr=cfg.lr_g, betas=(cfg.beta1, cfg.beta2))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(images), batch_size=cfg.batch, shuffle=True
    )
    batches = iter(loader)

    def run(n: int) -> int:
        nonlocal batches
        seen = 0
        for _ in range(n):
            try:
                (real_cpu,) = next(batches)
            except StopIteration:
                batches = iter(loader)
                (real_cpu,) = next(batches)
            # (1) update D: maximize log(D(x)) + log(1 - D(G(z)))
            netD.zero_grad()
            real = real_cpu.to(device)
            b = real.size(0)
            label = torch.full((b,), 1.0, device=device)
            output = netD(real).view(-1)
            errD_real = criterion(output, label)
            errD_real.backward()
            D_x = output.sigmoid().mean().item()
            noise = torch.randn(b, cfg.latent, device=device)
            fake = netG(noise)
            label.fill_(0.0)
            output = netD(fake.detach()).view(-1)
            errD_fake = criterion(output, label)
            errD_fake.backward()
            D_G_z1 = output.sigmoid().mean().item()
            errD = errD_real + errD_fake
            optimizerD.step()
            # (2) update G: maximize log(D(G(z)))
            netG.zero_grad()
            label.fill_(1.0)
            output = netD(fake).view(-1)
            errG = criterion(output, label)
            errG.backward()
            D_G_z2 = output.sigmoid().mean().item()
            optimizerG.step()
            assert all(map(torch.isfinite, (errD, errG))) and 0 <= D_x + D_G_z1 + D_G_z2 <= 3
            seen += b
        return seen

    return run


def app_trainer(cfg: GanConfig, images: torch.Tensor, device: str, cuda_graph: bool = True, compiled=False):
    trainer = speed_up(Trainer(cfg, images, device=device), cuda_graph=cuda_graph)
    if compiled:  # measured, not kept: see the docstring
        began = time.perf_counter()
        for network in (trainer.generator, trainer.discriminator):
            network.forward = torch.compile(network.forward)
        trainer.steps(2)  # compiles G and D, forward and backward
        print(f"{cfg.size}px torch.compile: {time.perf_counter() - began:.0f} s to compile", flush=True)

    def run(n: int) -> int:
        stats = trainer.steps(n)
        assert all(map(torch.isfinite, torch.tensor(list(stats.values()))))
        return n * cfg.batch

    return run


def timed(run, n: int, device: str) -> tuple[int, float]:
    compute.synchronize(device)
    began = time.perf_counter()
    seen = run(n)
    compute.synchronize(device)
    return seen, time.perf_counter() - began


def measure(
    size: int, rounds: int, seconds: float, device: str, compiled: bool
) -> dict[str, tuple[float, float]]:
    """{name: (images per second over all rounds, median speedup over the reference per round)}."""
    cfg = GanConfig(size=size, channels=1)
    images = data.load_builtin("shapes", size, 1).images
    contenders = {
        "reference": reference(cfg, images, device),
        "trainer": app_trainer(cfg, images, device),
        "trainer fp32": app_trainer(GanConfig(size=size, channels=1, precision="fp32"), images, device),
    }
    if device == "cuda":
        contenders["trainer no graph"] = app_trainer(cfg, images, device, cuda_graph=False)
    if compiled:
        contenders["trainer compiled"] = app_trainer(cfg, images, device, compiled=True)
    for run in contenders.values():  # warm-up: allocator, oneDNN kernels, first batches
        timed(run, 3, device)
    # iterations per round so that the reference takes about ``seconds``
    seen, spent = timed(contenders["reference"], 3, device)
    n = max(2, round(seconds / (spent / 3)))
    totals = {name: [0, 0.0] for name in contenders}
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for r in range(rounds):
        order = list(contenders) if r % 2 == 0 else list(reversed(contenders))
        for name in order:
            seen, spent = timed(contenders[name], n, device)
            totals[name][0] += seen
            totals[name][1] += spent
            rates[name].append(seen / spent)
    result = {}
    for name in contenders:
        ratios = [a / b for a, b in zip(rates[name], rates["reference"], strict=True)]
        result[name] = (totals[name][0] / totals[name][1], statistics.median(ratios))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 28])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0, help="length of one reference round")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    parser.add_argument("--compile", action="store_true", help="also time the trainer under torch.compile")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = compute.device()
    print(
        f"device {device}, torch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY')}, load {os.getloadavg()[0]:.1f}"
    )
    headline = None
    for size in args.sizes:
        result = measure(size, args.rounds, args.seconds, device, args.compile)
        ref_rate = result["reference"][0]
        trainers = [name for name in result if name != "reference"]
        for name in reversed(trainers):  # the default trainer last, next to the headline
            rate, speedup = result[name]
            print(
                f"{size}px {name}: {rate:.0f} img/s, reference {ref_rate:.0f} img/s, speedup {speedup:.2f}x"
            )
        rate, speedup = result["trainer"]
        line = f"speedup {speedup:.2f}x (trainer {rate:.0f} img/s, reference {ref_rate:.0f} img/s, {device}, {size}px)"
        if headline is None or speedup < headline[0]:
            headline = (speedup, line)
    print(headline[1])


if __name__ == "__main__":
    main()
