"""Lab 2's saved work for a report: generations (services/diffusion/generations.py) and experiments
(services/diffusion/sweeps.py), read into ``Generation`` and ``Sweep``.

A generation's settings come from its PNGs' A1111 infotext, its model and owner from
``generations.made_by``; an experiment's from its sweep.json and results.csv.
"""

from __future__ import annotations

import functools
import math
from datetime import datetime
from pathlib import Path

from i18n import t
from services.common import jobs
from services.common.paths import cache_dir
from services.diffusion import demo, generations, infotext, models, sweeps
from services.report.collect import Saved, device
from services.report.inputs import Generation, SdModel, SdSettings, Sweep, SweepCell

TITLE_CHARS = 48  # of a prompt, in a generation's title


def listed(lang: str) -> list[Saved]:
    return _generations() + [_sweep_entry(meta, lang) for meta in sweeps.list_sweeps()]


def read(saved: Saved, lang: str, pictures: bool) -> Generation | Sweep:
    if saved.kind == "generation":
        return _generation(saved.id, lang, pictures)
    return _sweep(saved.id, lang, pictures)


# --- generations ----------------------------------------------------------------------------------


def _generations() -> list[Saved]:
    """Every generation with an image on disk (a running one has none until it ends)."""
    found = []
    for folder in cache_dir("generations").iterdir():
        pngs = sorted(folder.glob("*.png")) if folder.is_dir() else []
        if not pngs:
            continue
        made, job = generations.made_by(folder.name), jobs.get(folder.name)
        fields = infotext.parse_parameters(_parameters(str(pngs[0]), pngs[0].stat().st_mtime_ns))
        state = "stopped" if any(p.stem.endswith("-interrupted") for p in pngs) else "done"
        owner = made.get("owner") or (job.owner if job else None)
        created = made.get("created") or folder.stat().st_mtime
        found.append(Saved("diffusion", "generation", folder.name, _title(fields), created, state, owner))
    return found


@functools.lru_cache(maxsize=1024)
def _parameters(path: str, _mtime_ns: int) -> str:
    """A PNG's infotext, read once per file version: the list is drawn on every rerun of the tab."""
    return infotext.read_parameters(Path(path).read_bytes()) or ""


def _generation(job_id: str, lang: str, pictures: bool) -> Generation:
    kept = generations.saved(job_id)
    images = [image for image in kept if not image.interrupted] or kept
    if not images:
        raise FileNotFoundError(job_id)  # deleted since it was listed
    fields = infotext.parse_parameters(images[0].parameters)
    mode = "inpaint" if "Mask blur" in fields else "img2img" if "Denoising strength" in fields else "txt2img"
    settings = SdSettings(
        prompt=fields.get("prompt", ""),
        negative_prompt=fields.get("negative_prompt", ""),
        mode=mode,
        steps=fields.get("steps", 20),
        cfg_scale=fields.get("cfg_scale", 7.0),
        width=fields.get("width", 512),
        height=fields.get("height", 512),
        seed=images[0].seed,
        sampler=fields.get("sampler", "Euler a"),
        batch_count=len(images),
        strength=float(fields.get("Denoising strength", 0.75)),
        loras=_loras(fields.get("Lora weights", "")),
    )
    return Generation(
        title=_title(fields),
        model=_model(generations.made_by(job_id).get("model"), fields.get("model", "")),
        settings=settings,
        images=[image.png_bytes() for image in images] if pictures else [],
        seconds=_seconds(job_id),
        device=device(lang),
    )


def _seconds(job_id: str) -> list[float]:
    """Each image's time, known while the job that made it is in this process (disk keeps no times)."""
    job = jobs.get(job_id)
    result = job.snapshot().result if job else None
    return [image.seconds for image in result or [] if image.seconds is not None and not image.interrupted]


def _title(fields: dict) -> str:
    prompt = " ".join(fields.get("prompt", "").split())
    short = prompt if len(prompt) <= TITLE_CHARS else prompt[: TITLE_CHARS - 1].rstrip() + "…"
    return f"{short} · {fields.get('width', '?')}×{fields.get('height', '?')}"


def _loras(text: str) -> list[tuple[str, float]]:
    """A1111's "Lora weights: name: 0.8, other: 1" as (name, weight) pairs."""
    pairs = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.rpartition(":")
        pairs.append((name.strip(), float(weight)))
    return pairs


# --- experiments ----------------------------------------------------------------------------------


def _sweep_entry(meta: dict, lang: str) -> Saved:
    created = datetime.fromisoformat(meta["created"]).timestamp()
    title = _sweep_title(meta, lang)
    return Saved("diffusion", "sweep", meta["id"], title, created, meta["state"], meta.get("owner"))


def _sweep_title(meta: dict, lang: str) -> str:
    """ "Кроки: 1, 2, 4, 10, 20"; a two-parameter grid: "Семплер × кроки"."""
    x = t(f"report.sd.param.{meta['x_param']}", lang)
    if meta.get("y_param"):
        y = t(f"report.sd.param.{meta['y_param']}", lang)
        text = f"{x} × {y}"
    else:
        text = f"{x}: {', '.join(meta['x_labels'])}"
    return text[:1].upper() + text[1:]


def _sweep(sweep_id: str, lang: str, pictures: bool) -> Sweep:
    kept = sweeps.load(sweep_id)  # a deleted sweep raises UserError
    meta, base = kept.meta, kept.meta["base"]
    cells = [
        SweepCell(
            x=str(row["x"]),
            y=_text(row["y"]) or None,
            settings=SdSettings(
                prompt=_text(row["prompt"]),
                negative_prompt=_text(row["negative_prompt"]),
                mode=base.get("mode", "txt2img"),
                steps=int(row["steps"]),
                cfg_scale=float(row["cfg_scale"]),
                width=int(row["width"]),
                height=int(row["height"]),
                seed=int(row["seed"]),
                sampler=_text(row["sampler"]),
            ),
            seconds=float(row["seconds"]),
            png=Path(row["path"]).read_bytes() if pictures and Path(row["path"]).exists() else None,
        )
        for row in kept.table.to_dict("records")
    ]
    return Sweep(
        title=_sweep_title(meta, lang),
        kind=meta["kind"],
        x_param=meta["x_param"],
        y_param=meta.get("y_param"),
        model=_model(meta.get("model_ref"), meta.get("model", "")),
        cells=cells,
        warmup_seconds=meta.get("warmup_seconds"),
        repeats=int(meta.get("repeats", 1)),
        state=meta["state"],
        device=device(lang),
    )


# --- both -----------------------------------------------------------------------------------------


def _model(identity: dict | None, label: str) -> SdModel:
    """The model that made it; for work saved before its kind and id were kept, found from its label."""
    if identity and identity["kind"] == "own":
        return SdModel("own", identity["id"], identity["label"], list(identity.get("classes", [])))
    if identity:
        return SdModel(identity["kind"], identity["id"], identity["label"])
    preset = next((ref for ref in models.PRESETS.values() if ref.label == label), None)
    if preset is not None:
        return SdModel("preset", preset.id, label)
    if label in (demo.TINY_LABEL, "tiny-sd (random weights)"):  # the demo's label until 2026-11
        return SdModel("tiny", "tiny-sd", label)
    return SdModel("hub" if models.HUB_ID.match(label) else "folder", label, label)


def _text(value) -> str:
    """A text cell of results.csv; pandas reads an empty one as NaN."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
