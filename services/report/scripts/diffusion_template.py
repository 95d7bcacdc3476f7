"""The Lab 2 scripts, with ``$placeholders`` that scripts/diffusion.py fills in: one generation
(txt2img, img2img or inpaint, as services/diffusion/generate.py runs it), and one experiment
(the sweep loop with its warm-up and timing, as services/diffusion/sweeps.py runs it)."""

GENERATION = r'''"""$heading

Stable Diffusion $mode with diffusers, as the AUTOMATIC1111 WebUI runs it: the same model,
prompt, sampler, steps, CFG scale, size and seed give the same image.

    python $filename                          # MODEL below
    python $filename --model path/to/model    # another model: a Hugging Face id or a folder

In a notebook, paste it into a cell: it runs with main().
"""

import argparse
import time

import torch
from diffusers import $pipeline, $scheduler
from PIL import Image

# ---------------------------------------------------------------- the generation's settings
$settings


def load(model, device):
    """The pipeline, with A1111's sampler on the model's own noise schedule."""
    dtype = torch.float16 if device == "cuda" else torch.float32  # half precision where a GPU has it
    pipe = $pipeline.$loader(model, dtype=dtype, safety_checker=None, requires_safety_checker=False)
    pipe.scheduler = $scheduler.from_config(pipe.scheduler.config$scheduler_options)  # "$sampler"
    for number, (file, weight) in enumerate(LORAS):  # A1111's <lora:name:weight>
        pipe.load_lora_weights(file, adapter_name=f"lora{number}")
    if LORAS:
        pipe.set_adapters([f"lora{n}" for n in range(len(LORAS))], adapter_weights=[w for _, w in LORAS])
    return pipe.to(device)


def mode_inputs():
    """What $mode takes besides the prompt; pictures are resized to the requested size, as A1111 does."""
$mode_inputs


def main():
    parser = argparse.ArgumentParser(description="$heading")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--out", default="image", help="file names start with this")
    args, _ = parser.parse_known_args()  # a notebook passes arguments of its own
    pipe = load(args.model, args.device)
    inputs = mode_inputs()
    for batch in range(BATCH_COUNT):
        # A1111's seeds: image n gets SEED + n, each from its own CPU generator (the same on any device)
        seeds = [SEED + batch * BATCH_SIZE + n for n in range(BATCH_SIZE)]
        started = time.perf_counter()
        images = pipe(
            prompt=PROMPT,
            negative_prompt=NEGATIVE_PROMPT or None,
            num_inference_steps=STEPS,
            guidance_scale=CFG_SCALE,
            num_images_per_prompt=BATCH_SIZE,
            generator=[torch.Generator("cpu").manual_seed(seed) for seed in seeds],
            **inputs,
        ).images
        seconds = (time.perf_counter() - started) / len(images)
        for seed, image in zip(seeds, images, strict=True):
$finish
            image.save(f"{args.out}-{seed}.png")
            print(f"seed {seed}: {image.width}x{image.height}, {seconds:.2f} s")


if __name__ == "__main__":
    main()
'''

SWEEP = r'''"""$heading

A Stable Diffusion experiment with diffusers: $cells generations that differ only in
$varied, each timed. As in GenLab: every image shape is warmed up once first (the first
call at a shape pays for memory and kernel choice), then every cell is timed REPEATS
times and its time is the median.

    python $filename                          # MODEL below
    python $filename --model path/to/model    # another model: a Hugging Face id or a folder
"""

import argparse
import csv
import statistics
import time

import diffusers
import numpy as np
import torch

# ---------------------------------------------------------------- the experiment's settings
$settings
# A1111's sampler names and the diffusers schedulers that implement them
SAMPLERS = $samplers


def load(model, device):
    dtype = torch.float16 if device == "cuda" else torch.float32  # half precision where a GPU has it
    pipe = diffusers.StableDiffusionPipeline.$loader(
        model, dtype=dtype, safety_checker=None, requires_safety_checker=False
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe.to(device)


def generate(pipe, cell, schedule):
    """One image of a cell; each sampler runs on the model's own noise schedule."""
    class_name, options = SAMPLERS[cell["sampler"]]
    pipe.scheduler = getattr(diffusers, class_name).from_config(schedule, **options)
    return pipe(
        prompt=cell["prompt"],
        negative_prompt=cell["negative_prompt"] or None,
        num_inference_steps=cell["steps"],
        guidance_scale=cell["cfg_scale"],
        width=cell["width"],
        height=cell["height"],
        generator=torch.Generator("cpu").manual_seed(cell["seed"]),
    ).images[0]


def timed(pipe, cell, schedule, device):
    """The image and its seconds, the GPU's work included."""
    if device == "cuda":
        torch.cuda.synchronize()
    started = time.perf_counter()
    image = generate(pipe, cell, schedule)
    if device == "cuda":
        torch.cuda.synchronize()
    return image, time.perf_counter() - started


def fit(x, y, power):
    """A least-squares line y = a*x + b, or a power law y = a*x^b (on logs); with R² on y itself."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if power:
        b, log_a = np.polyfit(np.log(x), np.log(y), 1)
        a, predicted = np.exp(log_a), np.exp(log_a) * x**b
    else:
        a, b = np.polyfit(x, y, 1)
        predicted = a * x + b
    r2 = 1 - ((y - predicted) ** 2).sum() / max(((y - y.mean()) ** 2).sum(), 1e-12)
    return a, b, r2


def main():
    parser = argparse.ArgumentParser(description="$heading")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--out", default="sweep", help="file names start with this")
    args, _ = parser.parse_known_args()  # a notebook passes arguments of its own
    pipe = load(args.model, args.device)
    schedule = pipe.scheduler.config
    cells = [BASE | cell for cell in CELLS]

    # 1. Warm up every image shape once, with a short run; no cell's time includes it
    shapes = {}
    for cell in cells:
        shape = (cell["width"], cell["height"], cell["cfg_scale"] > 1)  # CFG doubles the U-Net's batch
        shapes.setdefault(shape, cell | {"steps": min(2, cell["steps"])})
    for cell in shapes.values():
        generate(pipe, cell, schedule)

    # 2. Every cell, REPEATS times; its time is the median
    rows = []
    for number, cell in enumerate(cells):
        times = []
        for _ in range(args.repeats):
            image, seconds = timed(pipe, cell, schedule, args.device)
            times.append(seconds)
        image.save(f"{args.out}_{number:03d}.png")
        rows.append(cell | {"seconds": statistics.median(times)})
        print(f"{cell['label']}: {image.width}x{image.height}, {rows[-1]['seconds']:.3f} s")

    # 3. The table, for a spreadsheet
    with open(f"{args.out}.csv", "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
$fit


if __name__ == "__main__":
    main()
'''

FIT_STEPS = r"""
    # 4. Time against steps: a line, its slope the time of one step
    if len({row["steps"] for row in rows}) > 1:
        a, b, r2 = fit([row["steps"] for row in rows], [row["seconds"] for row in rows], power=False)
        print(f"time = {a:.4f} s/step * steps + {b:.3f} s, R² = {r2:.3f}")"""

FIT_SIZE = r"""
    # 4. Time against the number of pixels: a power law, its exponent 1 when time grows as the pixels do
    if len({row["width"] * row["height"] for row in rows}) > 1:
        pixels = [row["width"] * row["height"] for row in rows]
        a, b, r2 = fit(pixels, [row["seconds"] for row in rows], power=True)
        print(f"time = {a:.3g} * pixels^{b:.2f}, R² = {r2:.3f}")"""
