"""A model of the kind Lab 2 trains (services/diffusion/own), with fresh weights: the maths of a
denoising loop needs no training."""

from pathlib import Path

from services.diffusion.models import ModelRef
from services.diffusion.own import model as own
from services.diffusion.own.config import OwnConfig


def pixel_model(folder: Path) -> ModelRef:
    """A 32 px gray model of the three shapes, saved in ``folder`` as Lab 2 saves one."""
    import torch

    cfg = OwnConfig(size=32, channels=1, classes=["circle", "square", "triangle"], width="small")
    torch.manual_seed(0)
    own.save(folder / "model", own.unet(cfg), {"classes": cfg.classes, "size": 32, "channels": 1})
    return ModelRef("own", str(folder / "model"), "own", version="1", fixed_size=64, can_lora=False)
