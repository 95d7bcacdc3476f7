"""The offline demo: a tiny Stable Diffusion and a LoRA for it, saved as real ones are."""

from pathlib import Path

from services.diffusion import lora


def test_tiny_model_is_a_saved_diffusers_folder_with_random_weights(tiny):
    ref, _ = tiny
    folder = Path(ref.id)
    assert ref.kind == "tiny" and ref.is_tiny and ref.label == "tiny-sd"
    assert (folder / "model_index.json").is_file() and (folder / "unet").is_dir()
    assert (folder / "tokenizer").is_dir()  # a tokenizer made on the spot: nothing is downloaded
    assert (ref.default_size, ref.default_steps) == (128, 10)  # seconds on a CPU


def test_the_demo_lora_is_a_lora_file_for_it(tiny):
    _, lora_file = tiny
    assert lora_file.suffix == ".safetensors" and lora_file.is_file()
    assert lora.check(str(lora_file), 0.8).name == "tiny-lora"
