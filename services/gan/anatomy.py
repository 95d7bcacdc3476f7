"""Inside a generator and a discriminator: their layers grouped into blocks, the feature maps after
each layer of G for one noise vector z, and the coordinates of z that change a picture most.

The layers are numbered as ``model.layer_table`` numbers its rows (0 is the input), so a table
row, a block and a feature map of the same layer carry the same number.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from services.gan.config import GanConfig
from services.gan.model import fixed_noise, generate, layer_table, parameter_count

CONVOLUTIONS = ("Conv2d", "ConvTranspose2d")  # a block starts at each of them
NUDGE = 2.0  # how far each coordinate of z moves to see what it changes: two standard deviations


def kind(row: dict) -> str:
    """A layer table row's layer type: "ConvTranspose2d(100→256, 4×4, stride 1)" -> "ConvTranspose2d"."""
    return row["layer"].split("(")[0]


@dataclass(frozen=True)
class Block:
    """A convolution and the layers after it up to the next one: one stage of a network."""

    first: int  # the number of its first layer (its row in the layer table)
    layers: list[dict]  # its rows of the layer table

    @property
    def shape(self) -> tuple[int, ...]:
        """What the block puts out: C x H x W, or (1,) for D's logit."""
        return self.layers[-1]["output_shape"]

    @property
    def params(self) -> int:
        return sum(row["params"] for row in self.layers)


def blocks(model: nn.Sequential, cfg: GanConfig) -> list[Block]:
    """The network's layer table cut into blocks, each from a convolution to the layer before the next."""
    rows = layer_table(model, cfg)
    starts = [number for number, row in enumerate(rows) if kind(row) in CONVOLUTIONS]
    ends = [*starts[1:], len(rows)]
    return [Block(first, rows[first:end]) for first, end in zip(starts, ends, strict=True)]


def networks(generator: nn.Sequential, discriminator: nn.Sequential, cfg: GanConfig) -> dict:
    """G and D of a run as the diagram shows them: blocks and parameter counts of each."""
    return {
        "g": {"blocks": blocks(generator, cfg), "params": parameter_count(generator)},
        "d": {"blocks": blocks(discriminator, cfg), "params": parameter_count(discriminator)},
    }


@dataclass(frozen=True)
class Stage:
    """The output of one layer of G for one z: every feature map, as numbers."""

    number: int  # the layer's row in the layer table (0: z itself)
    layer: str  # as the layer table names it
    maps: np.ndarray  # (C, H, W); z is (latent, 1, 1)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.maps.shape)

    def strongest(self, n: int) -> list[int]:
        """The ``n`` maps that vary most across the picture: those that carry a pattern, not a flat tone."""
        spread = self.maps.reshape(len(self.maps), -1).std(axis=1)
        return [int(i) for i in np.argsort(-spread, kind="stable")[:n]]


def noise(cfg: GanConfig, seed: int, changes: dict[int, float] | None = None) -> torch.Tensor:
    """z for ``seed`` (as the Sample tab draws it), with some coordinates set by hand: 1 x latent."""
    z = fixed_noise(cfg, 1, seed)
    for coordinate, value in (changes or {}).items():
        z[0, coordinate] = value
    return z


def stages(generator: nn.Sequential, cfg: GanConfig, z: torch.Tensor) -> list[Stage]:
    """What each layer of G makes of one z (1 x latent), from z to the image; the generator runs
    in eval mode (BatchNorm's running statistics), as when it samples."""
    names = [row["layer"] for row in layer_table(generator, cfg)]
    parameter = next(generator.parameters())
    x = z[:1].to(parameter.device, parameter.dtype)
    found = [Stage(0, "z", x.float().cpu().numpy().reshape(-1, 1, 1))]
    was_training = generator.training
    generator.eval()
    try:
        with torch.inference_mode():
            for layer in generator:
                x = layer(x)
                if not isinstance(layer, nn.Unflatten | nn.Flatten):  # reshapes only: no row of their own
                    found.append(Stage(len(found), names[len(found)], x[0].float().cpu().numpy()))
    finally:
        generator.train(was_training)
    return found


def sensitive_coordinates(generator: nn.Sequential, z: torch.Tensor, n: int) -> list[int]:
    """The ``n`` coordinates of z whose change by ``NUDGE`` changes this picture most: one batch of
    latent + 1 pictures, z itself and z with each coordinate moved in turn."""
    latent = z.shape[1]
    nudged = z[:1].repeat(latent + 1, 1)
    nudged[1:] += NUDGE * torch.eye(latent)
    images = generate(generator, nudged)
    change = (images[1:] - images[:1]).abs().flatten(1).mean(1)
    return [int(i) for i in torch.argsort(change, descending=True, stable=True)[:n]]
