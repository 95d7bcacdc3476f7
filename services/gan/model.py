"""DCGAN for Lab 1: the models, the manual's Algorithm 1, sampling and interpolation.

The generator turns a noise vector z into an image with transposed convolutions
(ConvTranspose2d -> BatchNorm -> ReLU, Tanh at the end); the discriminator mirrors it with
strided convolutions (Conv2d -> BatchNorm -> LeakyReLU 0.2) and ends in one logit: the
probability D(x) is its sigmoid, and the losses use the logit directly, which is the
numerically safe form of the manual's log D(x) and log(1 - D(G(z))).

Algorithm 1 of the manual, one iteration of ``Trainer.step``:

    for k steps:
        sample m noise vectors z and m real images x
        update D by ascending  1/m sum [log D(x) + log(1 - D(G(z)))]
    sample m noise vectors z
    update G by descending 1/m sum log(1 - D(G(z)))      ("minimax", as in the manual)
        or by ascending    1/m sum log D(G(z))           ("nonsaturating", Goodfellow's fix
                                                          for the flat gradient early on)

torch is imported inside functions, so ``import services.gan.model`` works without it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from services.common.errors import UserError

if TYPE_CHECKING:
    import torch
    from torch import nn

SIZES = (28, 32, 64)
CHANNELS = (1, 3)
LOSSES = ("nonsaturating", "minimax")
PRECISIONS = ("auto", "fp32")
STATS = ("loss_d", "loss_g", "d_real", "d_fake")
GRAPH_WARMUP = 3  # eager iterations on CUDA before one is recorded as a CUDA graph


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
    sample_every: int = 100  # steps between sample grids
    eval_every: int = 250  # steps between mode-collapse measurements
    checkpoint_every: int = 250  # steps between checkpoints
    precision: str = "auto"  # "auto": bfloat16 mixed precision where the hardware has it; "fp32"

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


# ---------------------------------------------------------------- models


def build(cfg: GanConfig) -> tuple[nn.Sequential, nn.Sequential]:
    """The DCGAN generator and discriminator for ``cfg``, weights drawn from N(0, 0.02) with ``cfg.seed``.

    At 64 px: z -> 4x4 -> 8 -> 16 -> 32 -> 64; at 32 px one stride-2 layer fewer; at 28 px
    z -> 7x7 -> 14 -> 28. The generator takes z as N x latent, the discriminator returns N x 1 logits.
    """
    import torch
    from torch import nn

    cfg.check()
    n, side = cfg.layers, cfg.start_side
    widths = [cfg.g_width * 2 ** (n - 1 - i) for i in range(n)]  # e.g. 512, 256, 128, 64
    g_layers: list[nn.Module] = [nn.Unflatten(1, (cfg.latent, 1, 1))]
    g_layers += [nn.ConvTranspose2d(cfg.latent, widths[0], side, 1, 0, bias=False)]
    g_layers += [nn.BatchNorm2d(widths[0]), nn.ReLU(True)]
    for wide, narrow in zip(widths, widths[1:], strict=False):
        g_layers += [
            nn.ConvTranspose2d(wide, narrow, 4, 2, 1, bias=False),
            nn.BatchNorm2d(narrow),
            nn.ReLU(True),
        ]
    g_layers += [nn.ConvTranspose2d(widths[-1], cfg.channels, 4, 2, 1, bias=False), nn.Tanh()]

    widths = [cfg.d_width * 2**i for i in range(n)]  # e.g. 64, 128, 256, 512
    d_layers: list[nn.Module] = [
        nn.Conv2d(cfg.channels, widths[0], 4, 2, 1, bias=False),
        nn.LeakyReLU(0.2, True),
    ]
    for narrow, wide in zip(widths, widths[1:], strict=False):
        d_layers += [
            nn.Conv2d(narrow, wide, 4, 2, 1, bias=False),
            nn.BatchNorm2d(wide),
            nn.LeakyReLU(0.2, True),
        ]
    d_layers += [nn.Conv2d(widths[-1], 1, side, 1, 0, bias=False), nn.Flatten()]

    rng = torch.Generator().manual_seed(cfg.seed)
    generator, discriminator = nn.Sequential(*g_layers), nn.Sequential(*d_layers)
    for model in (generator, discriminator):
        for layer in model.modules():
            if isinstance(layer, nn.Conv2d | nn.ConvTranspose2d):
                nn.init.normal_(layer.weight, 0.0, 0.02, generator=rng)
            elif isinstance(layer, nn.BatchNorm2d):
                nn.init.normal_(layer.weight, 1.0, 0.02, generator=rng)
                nn.init.zeros_(layer.bias)
    return generator, discriminator


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def layer_table(model: nn.Sequential, cfg: GanConfig) -> list[dict]:
    """One row per layer: ``layer`` (PyTorch notation), ``output_shape`` (C, H, W without the batch), ``params``.

    The first row is the input (z for the generator, an image for the discriminator).
    """
    import torch

    is_generator = isinstance(model[0], torch.nn.Unflatten)
    shape = (cfg.latent,) if is_generator else (cfg.channels, cfg.size, cfg.size)
    rows = [{"layer": "Input", "output_shape": shape, "params": 0}]
    parameter = next(model.parameters())
    x = torch.zeros((2, *shape), device=parameter.device, dtype=parameter.dtype)
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for layer in model:
            x = layer(x)
            if not isinstance(layer, torch.nn.Unflatten | torch.nn.Flatten):  # reshapes only
                rows.append(
                    {
                        "layer": _name(layer),
                        "output_shape": tuple(x.shape[1:]),
                        "params": parameter_count(layer),
                    }
                )
    model.train(was_training)
    return rows


def _name(layer: nn.Module) -> str:
    """A layer as a student reads it: ``ConvTranspose2d(100→512, 4×4, stride 1)``, ``BatchNorm2d(512)``."""
    kind = type(layer).__name__
    if hasattr(layer, "kernel_size"):
        (kh, kw), (stride, _) = layer.kernel_size, layer.stride
        return f"{kind}({layer.in_channels}→{layer.out_channels}, {kh}×{kw}, stride {stride})"
    if hasattr(layer, "num_features"):
        return f"{kind}({layer.num_features})"
    if hasattr(layer, "negative_slope"):
        return f"{kind}({layer.negative_slope})"
    return kind


# ---------------------------------------------------------------- training


class Trainer:
    """Algorithm 1 on one device, the whole dataset resident there as one tensor.

    Minibatches are random rows of that tensor (no DataLoader, no per-image collate), the
    generator runs without autograd when it only feeds the discriminator, the
    discriminator's weights are frozen during the generator's update (their gradients
    would be thrown away), Adam is fused, and statistics stay on the device until read.
    Where the hardware computes bfloat16 natively (recent x86 CPUs, most CUDA GPUs) the
    convolutions run in it, while weights, Adam and losses stay float32 (``precision="fp32"``
    turns this off). On CUDA a whole iteration is recorded once as a CUDA graph and replayed:
    at DCGAN's sizes the GPU would otherwise wait for Python to launch a few hundred small
    kernels per iteration.
    """

    def __init__(
        self, cfg: GanConfig, images: torch.Tensor, device: str | None = None, cuda_graph: bool = True
    ):
        import torch

        from services.common import compute

        cfg.check()
        if images.ndim != 4 or tuple(images.shape[1:]) != (cfg.channels, cfg.size, cfg.size):
            raise UserError(
                "gan.data.shape",
                shape=" × ".join(map(str, images.shape)),
                size=cfg.size,
                channels=cfg.channels,
            )
        if len(images) < cfg.batch:
            raise UserError("gan.data.too_few", count=len(images), batch=cfg.batch)
        self.cfg = cfg
        self.device = torch.device(device or compute.device())
        # channels_last suits oneDNN's convolutions on CPU and tensor cores on CUDA
        fast = self.device.type in ("cpu", "cuda")
        self.memory_format = torch.channels_last if fast else torch.contiguous_format
        self.mixed = cfg.precision == "auto" and native_bfloat16(self.device.type)
        self.generator, self.discriminator = (
            m.to(self.device, memory_format=self.memory_format) for m in build(cfg)
        )
        self.data = images.to(self.device, torch.float32).contiguous(memory_format=self.memory_format)
        self.graphed = cuda_graph and self.device.type == "cuda"
        self.opt_g = _adam(self.generator, cfg.lr_g, cfg, self.device, capturable=self.graphed)
        self.opt_d = _adam(self.discriminator, cfg.lr_d, cfg, self.device, capturable=self.graphed)
        self.rng = torch.Generator(self.device).manual_seed(cfg.seed)
        self.real_target = 1.0 - cfg.label_smoothing
        self.step_count = 0  # generator updates done, across resumes
        self._graph = None  # the recorded iteration and its output, once captured
        self._graph_stats = None
        self._eager_runs = 0  # iterations run eagerly since the last (re)start: the graph's warm-up

    # --- Algorithm 1 -------------------------------------------------------------------
    def _iteration(self) -> torch.Tensor:
        """One iteration: k discriminator updates, then one generator update.

        Returns [loss_d, loss_g, D(x), D(G(z))] as a device tensor (no sync with the host);
        the discriminator's figures are those of its last update.
        """
        import torch
        import torch.nn.functional as F

        cfg, G, D = self.cfg, self.generator, self.discriminator
        for _ in range(cfg.k):
            z = self._noise()
            x = self.data[torch.randint(len(self.data), (cfg.batch,), device=self.device, generator=self.rng)]
            with self._autocast():
                with torch.no_grad():
                    fake = G(z)
                real_logits, fake_logits = D(x).float(), D(fake).float()
            # descending the BCE is ascending log D(x) + log(1 - D(G(z)))
            loss_d = F.binary_cross_entropy_with_logits(
                real_logits, torch.full_like(real_logits, self.real_target)
            ) + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
            self.opt_d.zero_grad(set_to_none=True)
            loss_d.backward()
            self.opt_d.step()

        D.requires_grad_(False)
        with self._autocast():
            logits = D(G(self._noise())).float()
        if cfg.loss == "minimax":  # log(1 - sigmoid(l)) = -softplus(l): descend it
            loss_g = -F.softplus(logits).mean()
        else:  # -log D(G(z)) = softplus(-l)
            loss_g = F.softplus(-logits).mean()
        self.opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        self.opt_g.step()
        D.requires_grad_(True)
        with torch.no_grad():
            return torch.stack(
                [loss_d, loss_g, torch.sigmoid(real_logits).mean(), torch.sigmoid(fake_logits).mean()]
            )

    def _autocast(self):
        import torch

        # a graph replays kernels, not Python: autocast's cache of cast weights would go stale
        cache = not self.graphed
        return torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=self.mixed, cache_enabled=cache)

    def _next_iteration(self) -> torch.Tensor:
        """One iteration: eager, or on CUDA replayed from the graph recorded after a short warm-up."""
        import torch

        if not self.graphed:
            return self._iteration()
        if self._graph is not None:
            self._graph.replay()
            return self._graph_stats.clone()
        if self._eager_runs < GRAPH_WARMUP:  # lazy set-up (cuDNN plans, Adam state) must precede capture
            self._eager_runs += 1
            side = torch.cuda.Stream(self.device)
            side.wait_stream(torch.cuda.current_stream(self.device))
            with torch.cuda.stream(side):
                stats = self._iteration()
            torch.cuda.current_stream(self.device).wait_stream(side)
            return stats
        graph = torch.cuda.CUDAGraph()
        graph.register_generator_state(self.rng)  # each replay draws new noise and batches
        with torch.cuda.graph(graph, capture_error_mode="thread_local"):  # other sessions may use the GPU
            stats = self._iteration()  # recorded, not run
        self._graph, self._graph_stats = graph, stats
        return self._next_iteration()

    def _noise(self) -> torch.Tensor:
        import torch

        return torch.randn(self.cfg.batch, self.cfg.latent, device=self.device, generator=self.rng)

    def steps(self, n: int, stop: Callable[[], bool] | None = None) -> dict[str, float]:
        """Run ``n`` iterations, or fewer if ``stop()`` turns true (checked after each one);
        the mean of each statistic over them, read from the device once."""
        import torch

        self.generator.train()
        self.discriminator.train()
        done = []
        for _ in range(n):
            done.append(self._next_iteration())
            self.step_count += 1
            if stop is not None and stop():
                break
        return dict(zip(STATS, torch.stack(done).mean(0).tolist(), strict=True))

    def step(self) -> dict[str, float]:
        """One iteration of Algorithm 1: ``loss_d``, ``loss_g``, ``d_real`` = mean D(x), ``d_fake`` = mean D(G(z))."""
        return self.steps(1)

    # --- checkpoints -------------------------------------------------------------------
    def state(self) -> dict[str, torch.Tensor]:
        """Everything needed to continue exactly: weights, BatchNorm statistics, Adam moments,
        the random generator and the step counter, as flat tensors for safetensors."""
        import torch

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
        import torch

        for prefix, model in (("g.", self.generator), ("d.", self.discriminator)):
            model.load_state_dict({k[len(prefix) :]: v for k, v in tensors.items() if k.startswith(prefix)})
            model.to(memory_format=self.memory_format)
        for prefix, opt in (("opt_g.", self.opt_g), ("opt_d.", self.opt_d)):
            state: dict[int, dict] = {}
            for key, value in tensors.items():
                if key.startswith(prefix):
                    index, slot = key[len(prefix) :].split(".")
                    state.setdefault(int(index), {})[slot] = value
            opt.load_state_dict({"state": state, "param_groups": opt.state_dict()["param_groups"]})
            # the fused kernel walks moments and weights in memory order: give them the same layout
            for param, slots in opt.state.items():
                for slot, value in slots.items():
                    if value.shape == param.shape:
                        slots[slot] = torch.empty_like(param).copy_(value)
        self.rng.set_state(tensors["rng"].cpu())
        self.step_count = int(tensors["step"])
        self._graph = self._graph_stats = None  # it points at the optimizer state just replaced
        self._eager_runs = 0


def native_bfloat16(device_type: str) -> bool:
    """Whether the device computes bfloat16 in hardware (emulated bfloat16 is slower than float32)."""
    import torch

    if device_type == "cuda":
        return torch.cuda.is_bf16_supported(including_emulation=False)
    if device_type == "cpu":
        checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
        return any(getattr(torch.cpu, name, lambda: False)() for name in checks)
    return False


def _adam(model: nn.Module, lr: float, cfg: GanConfig, device: torch.device, capturable: bool = False):
    import torch

    # the fused kernel updates every tensor in one pass: faster than the loop on CPU and GPU;
    # "capturable" keeps its step counter on the GPU, so a CUDA graph can replay the update
    fused = device.type in ("cpu", "cuda")
    return torch.optim.Adam(
        model.parameters(), lr=lr, betas=(cfg.beta1, cfg.beta2), fused=fused or None, capturable=capturable
    )


# ---------------------------------------------------------------- sampling


def fixed_noise(cfg: GanConfig, n: int, seed: int) -> torch.Tensor:
    """``n`` noise vectors that depend only on ``seed`` (drawn on the CPU, the same on every device)."""
    import torch

    return torch.randn(n, cfg.latent, generator=torch.Generator().manual_seed(seed))


def generate(generator: nn.Module, z: torch.Tensor) -> torch.Tensor:
    """Images in [-1, 1] (N x C x H x W, on the CPU) for noise ``z``.

    The generator runs in eval mode, so BatchNorm uses its running statistics and each
    image depends on its own z only, not on the others in the batch.
    """
    import torch

    parameter = next(generator.parameters())
    was_training = generator.training
    generator.eval()
    try:
        with torch.inference_mode():
            images = generator(z.to(parameter.device, parameter.dtype))
    finally:
        generator.train(was_training)
    return images.float().cpu().contiguous()


def sample(generator: nn.Module, cfg: GanConfig, seed: int, n: int) -> torch.Tensor:
    """``n`` images from the noise of ``seed``: the same seed gives the same images."""
    return generate(generator, fixed_noise(cfg, n, seed))


def interpolate(
    generator: nn.Module, cfg: GanConfig, seed_a: int, seed_b: int, steps: int, mode: str = "linear"
) -> torch.Tensor:
    """``steps`` images on the way from z(seed_a) to z(seed_b); the ends are ``sample(seed, 1)``.

    ``"linear"`` walks the straight line; ``"slerp"`` the great circle, which keeps |z|
    near where the generator saw it during training (a Gaussian z in many dimensions lies
    near a sphere, and the middle of a straight line lies inside it).
    """
    import torch

    if not _is_int(steps) or not 2 <= steps <= 256:
        raise UserError("gan.interpolate.steps", value=steps)
    if mode not in ("linear", "slerp"):
        raise UserError("gan.interpolate.mode", value=mode)
    a, b = fixed_noise(cfg, 1, seed_a)[0], fixed_noise(cfg, 1, seed_b)[0]
    t = torch.linspace(0, 1, steps).unsqueeze(1)
    if mode == "linear":
        z = (1 - t) * a + t * b
    else:
        omega = torch.arccos(torch.clamp(torch.dot(a / a.norm(), b / b.norm()), -1.0, 1.0))
        if omega.abs() < 1e-6:  # the same direction: the circle is the line
            z = (1 - t) * a + t * b
        else:
            z = (torch.sin((1 - t) * omega) * a + torch.sin(t * omega) * b) / torch.sin(omega)
    z[0], z[-1] = a, b  # exactly the ends, free of rounding
    return generate(generator, z)
