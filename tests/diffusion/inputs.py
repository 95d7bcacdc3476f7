"""Small inputs for the Lab 2 tests: a request, a picture, a LoRA file, no network; images as numbers."""

import socket

import numpy as np
import pytest
from PIL import Image, ImageDraw

from i18n import TABLE
from services.common.errors import UserError
from services.diffusion.generate import GenRequest


def request(**changes) -> GenRequest:
    fields = {"prompt": "a red fox in the snow", "steps": 3, "width": 64, "height": 64, "seed": 7} | changes
    return GenRequest(**fields)


def pixels(image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.int16)


def picture(size=(80, 56)) -> Image.Image:
    image = Image.new("RGB", size, (30, 90, 200))
    ImageDraw.Draw(image).ellipse([8, 8, size[0] - 8, size[1] - 8], fill=(240, 120, 20))
    return image


def lora_bytes(key: str = "unet.down.lora_A.weight") -> bytes:
    """A safetensors file with one tensor under ``key``: a LoRA if the key says so."""
    import torch
    from safetensors.torch import save

    return save({key: torch.zeros(4, 8)})


def user_error(call, *args, **kwargs) -> UserError:
    """The UserError ``call`` raises; its message key must exist in the string tables."""
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.key in TABLE, caught.value.key
    return caught.value


def cut_network(monkeypatch) -> None:
    """No machine can be reached, as on a laptop without internet."""

    def unreachable(*args, **kwargs):
        raise OSError("network is unreachable (test)")

    monkeypatch.setattr(socket, "getaddrinfo", unreachable)
    monkeypatch.setattr(socket.socket, "connect", unreachable)
