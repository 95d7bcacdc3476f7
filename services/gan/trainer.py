"""The manual's Algorithm 1, as plain PyTorch:

    for each iteration:
        for k steps:
            sample m noise vectors z and m real images x
            update D by ascending  1/m sum [log D(x) + log(1 - D(G(z)))]
        sample m noise vectors z
        update G by descending 1/m sum log(1 - D(G(z)))   (minimax)
              or by ascending  1/m sum log D(G(z))        (non-saturating)

The losses are in losses.py. The speed-ups (channels-last layout, fused Adam, bfloat16, CUDA
graph replay) are in speedups.py, which configures a ``Trainer`` from outside; without them
it trains just the same, only slower.
"""

import contextlib
from collections.abc import Callable
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import safe_open, save_file

from services.common import compute
from services.common.errors import UserError
from services.gan import losses
from services.gan.config import GanConfig
from services.gan.model import build

STATS = ("loss_d", "loss_g", "d_real", "d_fake")  # what an iteration reports, in this order


class Trainer:
    """Algorithm 1 on one device, the whole dataset resident there as one tensor.

    Minibatches are random rows of that tensor (no DataLoader, no per-image collate), and
    the statistics stay on the device until ``steps`` reads them once.
    """

    def __init__(self, cfg: GanConfig, images: torch.Tensor, device: str | None = None):
        cfg.check()
        if images.ndim != 4 or tuple(images.shape[1:]) != (cfg.channels, cfg.size, cfg.size):
            shape = " × ".join(map(str, images.shape))
            raise UserError("gan.data.shape", shape=shape, size=cfg.size, channels=cfg.channels)
        if len(images) < cfg.batch:
            raise UserError("gan.data.too_few", count=len(images), batch=cfg.batch)
        self.cfg = cfg
        self.device = torch.device(device or compute.device())
        self.generator, self.discriminator = (model.to(self.device) for model in build(cfg))
        self.data = images.to(self.device, torch.float32)
        betas = (cfg.beta1, cfg.beta2)
        self.opt_g = torch.optim.Adam(self.generator.parameters(), lr=cfg.lr_g, betas=betas)
        self.opt_d = torch.optim.Adam(self.discriminator.parameters(), lr=cfg.lr_d, betas=betas)
        self.rng = torch.Generator(self.device).manual_seed(cfg.seed)  # noise and minibatches
        self.real_target = 1.0 - cfg.label_smoothing  # D's target for real images
        self.autocast = contextlib.nullcontext  # float32 throughout; speedups.py may pick bfloat16
        self.step_count = 0  # generator updates done, across resumes

    def iteration(self) -> torch.Tensor:
        """One iteration of Algorithm 1; [loss_d, loss_g, D(x), D(G(z))] as one device tensor,
        D's figures from its last update. (speedups.py may replay it from a CUDA graph.)"""
        cfg, G, D = self.cfg, self.generator, self.discriminator

        # (1) Update D network: maximize log(D(x)) + log(1 - D(G(z))), k times
        for _ in range(cfg.k):
            z = self.noise()
            x = self.real_batch()
            with self.autocast():
                with torch.no_grad():  # D's update needs no gradient through G
                    fake = G(z)
                real_logits, fake_logits = D(x).float(), D(fake).float()
            loss_d = losses.discriminator_loss(real_logits, fake_logits, self.real_target)
            self.opt_d.zero_grad(set_to_none=True)
            loss_d.backward()
            self.opt_d.step()

        # (2) Update G network: descend the minimax or the non-saturating loss of D(G(z))
        D.requires_grad_(False)  # D's own gradients would be thrown away
        with self.autocast():
            logits = D(G(self.noise())).float()
        loss_g = losses.generator_loss(logits, cfg.loss)
        self.opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        self.opt_g.step()
        D.requires_grad_(True)

        with torch.no_grad():
            d_real, d_fake = torch.sigmoid(real_logits).mean(), torch.sigmoid(fake_logits).mean()
            return torch.stack([loss_d, loss_g, d_real, d_fake])

    def noise(self) -> torch.Tensor:
        """m noise vectors z ~ N(0, I)."""
        return torch.randn(self.cfg.batch, self.cfg.latent, device=self.device, generator=self.rng)

    def real_batch(self) -> torch.Tensor:
        """m real images x, drawn at random (with replacement) from the whole set."""
        picks = torch.randint(len(self.data), (self.cfg.batch,), device=self.device, generator=self.rng)
        return self.data[picks]

    def steps(self, n: int, stop: Callable[[], bool] | None = None) -> dict[str, float]:
        """Run ``n`` iterations, or fewer if ``stop()`` turns true (checked after each one);
        the mean of each of ``STATS`` over them, read from the device once."""
        self.generator.train()
        self.discriminator.train()
        done = []
        for _ in range(n):
            done.append(self.iteration())
            self.step_count += 1
            if stop is not None and stop():
                break
        return dict(zip(STATS, torch.stack(done).mean(0).tolist(), strict=True))

    # --- checkpoints -------------------------------------------------------------------
    def state(self) -> dict[str, torch.Tensor]:
        """Everything needed to continue exactly: weights, BatchNorm statistics, Adam moments,
        the random generator and the step counter, as flat tensors for safetensors."""
        tensors = {f"g.{k}": v for k, v in self.generator.state_dict().items()}
        tensors |= {f"d.{k}": v for k, v in self.discriminator.state_dict().items()}
        for prefix, opt in (("opt_g", self.opt_g), ("opt_d", self.opt_d)):
            for index, slots in opt.state_dict()["state"].items():
                tensors |= {f"{prefix}.{index}.{slot}": value for slot, value in slots.items()}
        tensors["rng"] = self.rng.get_state()
        tensors["step"] = torch.tensor(self.step_count, dtype=torch.int64)
        return {k: v.detach().cpu().contiguous() for k, v in tensors.items()}

    def load_state(self, tensors: dict[str, torch.Tensor]) -> None:
        """Continue from ``state()``: the next iteration gives what it would have given without the break."""
        for prefix, model in (("g.", self.generator), ("d.", self.discriminator)):
            model.load_state_dict({k[len(prefix) :]: v for k, v in tensors.items() if k.startswith(prefix)})
        for prefix, opt in (("opt_g.", self.opt_g), ("opt_d.", self.opt_d)):
            state: dict[int, dict] = {}
            for key, value in tensors.items():
                if key.startswith(prefix):
                    index, slot = key[len(prefix) :].split(".")
                    state.setdefault(int(index), {})[slot] = value
            opt.load_state_dict({"state": state, "param_groups": opt.state_dict()["param_groups"]})
            # each moment in its weight's memory layout (speedups.py may have changed it; a fused
            # Adam walks both in memory order)
            for param, slots in opt.state.items():
                for slot, value in slots.items():
                    if value.shape == param.shape:
                        slots[slot] = torch.empty_like(param).copy_(value)
        self.rng.set_state(tensors["rng"].cpu())
        self.step_count = int(tensors["step"])

    def save(self, path: Path) -> None:
        """``state()`` as a safetensors file."""
        save_file(self.state(), path, metadata={"step": str(self.step_count)})

    def load(self, path: Path) -> None:
        """Continue from a file ``save`` wrote."""
        self.load_state(read_checkpoint(path))


def read_checkpoint(path: Path, prefix: str = "") -> dict[str, torch.Tensor]:
    """The tensors of a checkpoint file whose names start with ``prefix`` ("g." for the generator's)."""
    try:
        with safe_open(path, framework="pt") as f:
            return {key: f.get_tensor(key) for key in f.keys() if key.startswith(prefix)}
    except (OSError, SafetensorError):
        raise UserError("gan.run.bad_checkpoint") from None
