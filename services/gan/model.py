"""The DCGAN of Lab 1: the generator G and the discriminator D, their layer tables, and
sampling and interpolation with a trained G.

G turns a noise vector z into an image with transposed convolutions (ConvTranspose2d ->
BatchNorm -> ReLU, Tanh at the end); D mirrors it with strided convolutions (Conv2d ->
BatchNorm -> LeakyReLU 0.2) and ends in one logit: D(x) is its sigmoid, taken by the losses
(losses.py). Both have ``cfg.layers`` stride-2 layers, each doubling (G) or halving (D) the
side: at 64 px z -> 4x4 -> 8 -> 16 -> 32 -> 64, at 32 px one layer fewer, at 28 px
z -> 7x7 -> 14 -> 28. In the shape comments n is ``cfg.layers``, ngf and ndf the widths.
"""

import torch
from torch import nn

from services.common.errors import UserError
from services.gan.config import GanConfig

INTERPOLATIONS = ("linear", "slerp")


def build(cfg: GanConfig) -> tuple[nn.Sequential, nn.Sequential]:
    """G (N x latent -> N x C x H x W) and D (N x C x H x W -> N x 1 logits) for ``cfg``,
    their weights drawn from N(0, 0.02) with ``cfg.seed`` as in the DCGAN paper."""
    cfg.check()
    generator, discriminator = _generator(cfg), _discriminator(cfg)
    rng = torch.Generator().manual_seed(cfg.seed)
    for model in (generator, discriminator):
        for layer in model.modules():
            if isinstance(layer, nn.Conv2d | nn.ConvTranspose2d):
                nn.init.normal_(layer.weight, 0.0, 0.02, generator=rng)
            elif isinstance(layer, nn.BatchNorm2d):
                nn.init.normal_(layer.weight, 1.0, 0.02, generator=rng)
                nn.init.zeros_(layer.bias)
    return generator, discriminator


def _generator(cfg: GanConfig) -> nn.Sequential:
    n, side, ngf = cfg.layers, cfg.start_side, cfg.g_width
    layers: list[nn.Module] = [
        # input is Z, going into a convolution
        nn.Unflatten(1, (cfg.latent, 1, 1)),
        # state size. latent x 1 x 1
        nn.ConvTranspose2d(cfg.latent, ngf * 2 ** (n - 1), side, 1, 0, bias=False),
        nn.BatchNorm2d(ngf * 2 ** (n - 1)),
        nn.ReLU(True),
        # state size. (ngf * 2^(n-1)) x (size / 2^n) x (size / 2^n)
    ]
    for i in range(n - 1, 0, -1):  # half the maps, twice the side
        layers += [
            nn.ConvTranspose2d(ngf * 2**i, ngf * 2 ** (i - 1), 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2 ** (i - 1)),
            nn.ReLU(True),
            # state size. (ngf * 2^(i-1)) x (size / 2^i) x (size / 2^i)
        ]
    layers += [
        nn.ConvTranspose2d(ngf, cfg.channels, 4, 2, 1, bias=False),
        nn.Tanh(),
        # state size. channels x size x size
    ]
    return nn.Sequential(*layers)


def _discriminator(cfg: GanConfig) -> nn.Sequential:
    n, side, ndf = cfg.layers, cfg.start_side, cfg.d_width
    layers: list[nn.Module] = [
        # input is channels x size x size
        nn.Conv2d(cfg.channels, ndf, 4, 2, 1, bias=False),
        nn.LeakyReLU(0.2, True),
        # state size. ndf x (size / 2) x (size / 2)
    ]
    for i in range(1, n):  # twice the maps, half the side
        layers += [
            nn.Conv2d(ndf * 2 ** (i - 1), ndf * 2**i, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2**i),
            nn.LeakyReLU(0.2, True),
            # state size. (ndf * 2^i) x (size / 2^(i+1)) x (size / 2^(i+1))
        ]
    layers += [
        nn.Conv2d(ndf * 2 ** (n - 1), 1, side, 1, 0, bias=False),
        # state size. 1 x 1 x 1
        nn.Flatten(),
        # one logit per image: N x 1
    ]
    return nn.Sequential(*layers)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def layer_table(model: nn.Sequential, cfg: GanConfig) -> list[dict]:
    """One row per layer: ``layer`` (PyTorch notation), ``output_shape`` (C, H, W without the batch), ``params``.

    The first row is the input (z for the generator, an image for the discriminator).
    """
    is_generator = isinstance(model[0], nn.Unflatten)
    shape = (cfg.latent,) if is_generator else (cfg.channels, cfg.size, cfg.size)
    rows = [{"layer": "Input", "output_shape": shape, "params": 0}]
    parameter = next(model.parameters())
    x = torch.zeros((2, *shape), device=parameter.device, dtype=parameter.dtype)
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for layer in model:
            x = layer(x)
            if not isinstance(layer, nn.Unflatten | nn.Flatten):  # reshapes only
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


# ---------------------------------------------------------------- sampling


def fixed_noise(cfg: GanConfig, n: int, seed: int) -> torch.Tensor:
    """``n`` noise vectors that depend only on ``seed`` (drawn on the CPU, the same on every device)."""
    return torch.randn(n, cfg.latent, generator=torch.Generator().manual_seed(seed))


def generate(generator: nn.Module, z: torch.Tensor) -> torch.Tensor:
    """Images in [-1, 1] (N x C x H x W, on the CPU) for noise ``z``.

    The generator runs in eval mode, so BatchNorm uses its running statistics and each
    image depends on its own z only, not on the others in the batch.
    """
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
    if not isinstance(steps, int) or isinstance(steps, bool) or not 2 <= steps <= 256:
        raise UserError("gan.interpolate.steps", value=steps)
    if mode not in INTERPOLATIONS:
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
