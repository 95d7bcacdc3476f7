"""Tiny GANs for tests: narrow networks on 28 px gray images train a step in milliseconds."""

from services.gan.config import GanConfig

TINY = {"size": 28, "channels": 1, "latent": 16, "g_width": 8, "d_width": 8, "batch": 16}


def tiny(**changes) -> GanConfig:
    return GanConfig(**{**TINY, **changes})
