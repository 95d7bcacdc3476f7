"""The U-Net replayed from CUDA graphs makes the images the eager U-Net makes."""

import numpy as np
import pytest
import torch

from services.diffusion import lora, pipelines
from services.diffusion.generate import generate
from tests.diffusion.inputs import pixels, request


@pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA graphs need an NVIDIA GPU")
def test_the_unet_replayed_from_cuda_graphs_makes_the_same_images(tiny):
    ref, lora_file = tiny
    graphs = pipelines.load(ref).unet_graphs
    graphs.reset()
    (replayed,) = generate(ref, request(steps=4))
    assert len(graphs.graphs) == 1  # run once, recorded at the second step, replayed after
    graphs.enabled = False
    try:
        (eager,) = generate(ref, request(steps=4))
    finally:
        graphs.enabled = True
    assert np.abs(pixels(replayed.image) - pixels(eager.image)).max() <= 1
    # a LoRA changes the modules: it runs eagerly, and afterwards the base model is recorded anew
    generate(ref, request(loras=(lora.check(str(lora_file), 1.0),)))
    assert not graphs.graphs
    (again,) = generate(ref, request(steps=4))
    assert len(graphs.graphs) == 1 and np.array_equal(pixels(again.image), pixels(replayed.image))
