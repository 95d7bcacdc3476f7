"""Lab 2: standalone scripts that repeat a generation or an experiment (diffusers, no GenLab import)."""

from __future__ import annotations

from dataclasses import asdict
from string import Template

from services.common.errors import UserError
from services.diffusion.samplers import SAMPLERS, canonical
from services.report.inputs import Generation, SdModel, SdSettings, Sweep
from services.report.scripts.common import Script, assignments, file_stem, literal
from services.report.scripts.diffusion_template import FIT_SIZE, FIT_STEPS, GENERATION, SWEEP
from services.report.scripts.own_template import OWN

PIPELINES = {
    "txt2img": "StableDiffusionPipeline",
    "img2img": "StableDiffusionImg2ImgPipeline",
    "inpaint": "StableDiffusionInpaintPipeline",
}
# what each mode passes to the pipeline besides the prompt (the body of mode_inputs())
MODE_INPUTS = {
    "txt2img": '    return {"width": WIDTH, "height": HEIGHT}',
    "img2img": (
        '    image = Image.open(INIT_IMAGE).convert("RGB").resize((WIDTH, HEIGHT))\n'
        '    return {"image": image, "strength": STRENGTH}'
    ),
    "inpaint": (
        '    image = Image.open(INIT_IMAGE).convert("RGB").resize((WIDTH, HEIGHT))\n'
        '    mask = Image.open(MASK_IMAGE).convert("L").resize((WIDTH, HEIGHT))  # white: repaint\n'
        '    return {"image": image, "mask_image": mask, "strength": STRENGTH, "width": WIDTH, "height": HEIGHT}'
    ),
}
# A1111 keeps the picture outside an inpainting mask as it was
FINISH = {"inpaint": '            image = Image.composite(image, inputs["image"], inputs["mask_image"])'}
CELL_FIELDS = ("prompt", "negative_prompt", "sampler", "steps", "cfg_scale", "width", "height", "seed")


def generation_script(generation: Generation) -> Script:
    s, mode = generation.settings, generation.settings.mode
    if generation.model.kind == "own":
        images = s.batch_count * s.batch_size
        stem = f"sd_{file_stem(generation.title, 'image')}"
        return _own_script(generation.title, generation.model, [("image", s, images)], 1, stem, "image")
    scheduler, options = SAMPLERS.get(s.sampler, SAMPLERS["Euler a"])
    filename = f"sd_{file_stem(generation.title, 'image')}.py"
    rows = [
        _model_row(generation.model),
        ("PROMPT", s.prompt, ""),
        ("NEGATIVE_PROMPT", s.negative_prompt, ""),
        ("STEPS", s.steps, "sampling steps"),
        ("CFG_SCALE", s.cfg_scale, "how closely to follow the prompt"),
        ("WIDTH", s.width, "px"),
        ("HEIGHT", s.height, "px"),
        ("SEED", s.seed, "image n of the run gets SEED + n"),
        ("BATCH_COUNT", s.batch_count, "batches, one after another"),
        ("BATCH_SIZE", s.batch_size, "images per batch"),
        ("LORAS", [tuple(lora) for lora in s.loras], "(file, weight): LoRA files next to the script"),
    ]
    if mode != "txt2img":
        rows += [
            ("INIT_IMAGE", "init.png", "the picture to start from"),
            ("STRENGTH", s.strength, "denoising strength: 0 keeps the picture, 1 replaces it"),
        ]
    if mode == "inpaint":
        rows += [("MASK_IMAGE", "mask.png", "white: repaint, black: keep")]
    settings = assignments(rows)
    code = Template(GENERATION).substitute(
        heading=f"Lab 2 · Stable Diffusion: {generation.title}",
        filename=filename,
        mode=mode,
        pipeline=PIPELINES[mode],
        loader=_loader(generation.model),
        scheduler=scheduler,
        scheduler_options="".join(f", {k}={literal(v)}" for k, v in options.items()),
        sampler=s.sampler,
        settings=settings,
        mode_inputs=MODE_INPUTS[mode],
        finish=FINISH.get(mode, "            pass  # the image as the pipeline made it").rstrip(),
    )
    code = code.replace("            pass  # the image as the pipeline made it\n", "")
    return Script(filename, code, settings)


def sweep_script(sweep: Sweep) -> Script:
    if sweep.model.kind == "own":
        cells = [(_label(cell.x, cell.y), cell.settings, 1) for cell in sweep.cells]
        stem = f"sd_sweep_{file_stem(sweep.title, sweep.kind)}"
        return _own_script(sweep.title, sweep.model, cells, sweep.repeats, stem, "sweep")
    cells = [_cell_fields(cell.settings) for cell in sweep.cells]
    base = cells[0] if cells else {}
    varied = [name for name in CELL_FIELDS if any(cell[name] != base[name] for cell in cells)]
    changes = [
        {"label": _label(cell.x, cell.y)} | {name: fields[name] for name in varied}
        for cell, fields in zip(sweep.cells, cells, strict=True)
    ]
    samplers = {name: SAMPLERS[name] for name in sorted({c["sampler"] for c in cells}) if name in SAMPLERS}
    filename = f"sd_sweep_{file_stem(sweep.title, sweep.kind)}.py"
    settings = assignments(
        [
            _model_row(sweep.model),
            ("REPEATS", sweep.repeats, "timed runs per cell; the time is their median"),
            ("BASE", base, "what every cell shares"),
            ("CELLS", changes, "what each cell changes"),
        ]
    )
    fit = {"steps": FIT_STEPS, "size": FIT_SIZE}.get(sweep.x_param if sweep.y_param is None else "", "")
    code = Template(SWEEP).substitute(
        heading=f"Lab 2 · Stable Diffusion experiment: {sweep.title}",
        filename=filename,
        cells=len(cells),
        varied=", ".join(varied) or "nothing",
        settings=settings,
        samplers=literal(samplers),
        loader=_loader(sweep.model),
        fit=fit,
    )
    return Script(filename, code, settings)


def _own_script(
    title: str, model: SdModel, cells: list[tuple[str, SdSettings, int]], repeats: int, stem: str, out: str
) -> Script:
    """A model trained in Lab 2: each cell's prompt as the class it names (as the app read it)."""
    from services.diffusion.own import classes  # lazy: the report of other labs never needs it

    rows = []
    for label, s, images in cells:
        try:
            wanted = classes.class_of(s.prompt, model.classes)
            negative = classes.negative_of(s.negative_prompt, model.classes)
        except UserError:  # a prompt the model refused made no image: the first class stands in
            wanted, negative = 0, None
        rows.append(
            {
                "label": label,
                "class": model.classes[wanted] if model.classes else "",
                "negative": model.classes[negative] if negative is not None else "",
                "sampler": canonical(s.sampler),
                "steps": s.steps,
                "cfg_scale": s.cfg_scale,
                "seed": s.seed,
                "images": images,
                "width": s.width,
            }
        )
    used = {row["sampler"] for row in rows}
    settings = assignments(
        [
            (
                "MODEL",
                model.id,
                "the model's folder (a DDPMPipeline folder with genlab.json), next to the script",
            ),
            ("REPEATS", repeats, "timed runs per cell; the time is their median"),
            (
                "CELLS",
                rows,
                "the prompt's class, the negative prompt's (\"\": the empty condition), the form",
            ),
        ]
    )
    filename = f"{stem}.py"
    code = Template(OWN).substitute(
        heading=f"Lab 2 · a diffusion model trained in GenLab: {title}",
        filename=filename,
        settings=settings,
        samplers=literal({name: SAMPLERS[name] for name in sorted(used)}),
        out=out,
    )
    return Script(filename, code, settings)


def _model_row(model: SdModel) -> tuple[str, str, str]:
    if model.kind in ("preset", "hub"):
        return ("MODEL", model.id, "a Hugging Face id, or a diffusers folder")
    if model.kind == "single_file":
        return ("MODEL", model.id, "the checkpoint file the run used, next to the script")
    return ("MODEL", model.id, "the diffusers folder the run used, next to the script")


def _loader(model: SdModel) -> str:
    return "from_single_file" if model.kind == "single_file" else "from_pretrained"


def _cell_fields(settings: SdSettings) -> dict:
    values = asdict(settings)
    return {name: values[name] for name in CELL_FIELDS}


def _label(x: str, y: str | None) -> str:
    return x if y is None else f"{x} / {y}"
