"""DDPM training (Ho et al., 2020) with condition dropout, as plain PyTorch:

    repeat:
        take a minibatch of real images x0 and their classes c
        replace c by the empty condition with probability p   (the unconditional model of CFG)
        t ~ Uniform{0, ..., T-1},  eps ~ N(0, I)
        x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps          (the forward process, in one jump)
        descend || eps - eps_theta(x_t, t, c) ||^2            (predict the noise that was added)
        move the weights' moving average towards the new weights

Samples are drawn with the averaged weights, which are much steadier than the last step's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import SafetensorError
from safetensors.torch import safe_open, save_file

from services.common import compute
from services.common.errors import UserError
from services.diffusion.own import model
from services.diffusion.own.config import OwnConfig

EMA_POWER = 2 / 3  # the moving average's warm-up: decay 1 - (1 + step)^(-2/3), at most cfg.ema


class Trainer:
    """The U-Net, its optimizer and moving average, and the whole dataset resident on one device."""

    def __init__(self, cfg: OwnConfig, images: torch.Tensor, labels=None, device: str | None = None):
        from diffusers.training_utils import EMAModel  # lazy: diffusers imports torch

        cfg.check()
        if images.ndim != 4 or tuple(images.shape[1:]) != (cfg.channels, cfg.size, cfg.size):
            raise UserError("sd.own.err.shape", shape=" × ".join(map(str, images.shape)), size=cfg.size)
        if len(images) < 2:
            raise UserError("sd.own.err.too_few", count=len(images))
        self.cfg = cfg
        self.device = torch.device(device or compute.device())
        with torch.random.fork_rng(
            devices=[]
        ):  # the same first weights for the same seed; the caller's stream untouched
            torch.manual_seed(cfg.seed)
            self.unet = model.unet(cfg).to(self.device).train()
        self.data = images.to(self.device, torch.float32)
        classes = np.zeros(len(images), np.int64) if labels is None or cfg.n_classes == 1 else labels
        self.labels = torch.as_tensor(np.asarray(classes), dtype=torch.long, device=self.device)
        self.abar = model.noise_schedule().alphas_cumprod.to(self.device)  # abar_t for t = 0..T-1
        self.optimizer = torch.optim.AdamW(self.unet.parameters(), lr=cfg.lr, weight_decay=0.0)
        self.ema = EMAModel(self.unet.parameters(), decay=cfg.ema, use_ema_warmup=True, power=EMA_POWER)
        self.rng = torch.Generator(self.device).manual_seed(cfg.seed)  # minibatches, t, noise, dropout
        self.step_count = 0

    def step(self) -> torch.Tensor:
        """One training step; its loss as a device tensor."""
        cfg, n = self.cfg, self.cfg.batch
        # 1. A minibatch of real images and their classes, some replaced by the empty condition
        picks = torch.randint(len(self.data), (n,), device=self.device, generator=self.rng)
        x0, c = self.data[picks], self.labels[picks].clone()
        dropped = torch.rand(n, device=self.device, generator=self.rng) < cfg.cond_dropout
        c[dropped] = cfg.n_classes
        # 2. The forward process in one jump: x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps
        t = torch.randint(len(self.abar), (n,), device=self.device, generator=self.rng)
        eps = torch.randn(x0.shape, device=self.device, generator=self.rng)
        abar = self.abar[t].view(n, 1, 1, 1)
        x_t = abar.sqrt() * x0 + (1 - abar).sqrt() * eps
        # 3. Predict the noise that was added
        loss = F.mse_loss(self.unet(x_t, t, class_labels=c).sample.float(), eps)
        # 4. Descend, after a linear warm-up of the rate; then move the average
        for group in self.optimizer.param_groups:
            group["lr"] = cfg.lr * min(1.0, (self.step_count + 1) / max(1, cfg.warmup))
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        self.ema.step(self.unet.parameters())
        self.step_count += 1
        return loss.detach()

    def steps(self, n: int, stop: Callable[[], bool] | None = None) -> float:
        """Up to ``n`` steps, fewer if ``stop()`` turns true (checked after each); their mean loss."""
        self.unet.train()
        losses = []
        for _ in range(n):
            losses.append(self.step())
            if stop is not None and stop():
                break
        return float(torch.stack(losses).mean())

    def averaged(self):
        """A copy of the U-Net holding the moving average of its weights, in eval mode."""
        network = copy.deepcopy(self.unet)
        self.ema.copy_to(network.parameters())
        return network.eval()

    # --- checkpoints -------------------------------------------------------------------
    def state(self) -> dict[str, torch.Tensor]:
        """Everything needed to continue exactly: weights, their average, AdamW's moments, the
        random generator and the step counter, as flat tensors for safetensors."""
        tensors = {f"unet.{k}": v for k, v in self.unet.state_dict().items()}
        tensors |= {f"ema.{i}": p for i, p in enumerate(self.ema.shadow_params)}
        for index, slots in self.optimizer.state_dict()["state"].items():
            tensors |= {f"opt.{index}.{slot}": value for slot, value in slots.items()}
        tensors["rng"] = self.rng.get_state()
        tensors["step"] = torch.tensor(self.step_count, dtype=torch.int64)
        tensors["ema_step"] = torch.tensor(self.ema.optimization_step, dtype=torch.int64)
        return {k: v.detach().cpu().contiguous() for k, v in tensors.items()}

    def load_state(self, tensors: dict[str, torch.Tensor]) -> None:
        """Continue from ``state()``: the next step gives what it would have given without the break."""
        self.unet.load_state_dict({k[5:]: v for k, v in tensors.items() if k.startswith("unet.")})
        for i, shadow in enumerate(self.ema.shadow_params):
            shadow.copy_(tensors[f"ema.{i}"])
        self.ema.optimization_step = int(tensors["ema_step"])
        state: dict[int, dict] = {}
        for key, value in tensors.items():
            if key.startswith("opt."):
                index, slot = key[4:].split(".")
                state.setdefault(int(index), {})[slot] = value.to(self.device)
        self.optimizer.load_state_dict(
            {"state": state, "param_groups": self.optimizer.state_dict()["param_groups"]}
        )
        self.rng.set_state(tensors["rng"].cpu())
        self.step_count = int(tensors["step"])

    def save(self, path: Path) -> None:
        save_file(self.state(), path, metadata={"step": str(self.step_count)})

    def load(self, path: Path) -> None:
        try:
            with safe_open(path, framework="pt") as f:
                tensors = {key: f.get_tensor(key) for key in f.keys()}
        except (OSError, SafetensorError):
            raise UserError("sd.own.err.bad_checkpoint") from None
        self.load_state(tensors)
