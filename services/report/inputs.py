"""What a report is built from: plain data, no Streamlit, no torch, no open files.

A collector (per lab) reads the student's saved work into these dataclasses; the builders
turn them into a ``Document``. Field names follow what the labs save (a GAN run's
config.json and metrics.jsonl, a sweep's sweep.json and results.csv, a comparison's
history record), so a collector mostly copies. Pictures come as PNG bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABS = ("gan", "diffusion", "llm")


@dataclass
class Student:
    """The title page; empty fields are left blank for the student to fill in by hand."""

    name: str = ""
    group: str = ""
    instructor: str = ""
    year: str = ""
    institution: str = ""  # university, faculty, department: one per line


@dataclass
class Variant:
    """The student's variant: its number in the class list and what it is about, in the report's
    language ("Геометричні фігури (dineshpiyasamara/geometric-shapes-dataset)"; Lab 3: the task)."""

    number: int | None = None
    subject: str = ""


@dataclass
class Missing:
    """Something the student ticked that is gone by the time the report is built (a deleted run):
    the report says it is left out, and goes on."""

    title: str


# --- Lab 1 ------------------------------------------------------------------------------------


@dataclass
class GanRun:
    """A training run: ``config`` is its GanConfig as a dict, ``data`` the run's data spec
    ({"kind": "builtin", "name": "shapes", "limit": 3000}, {"kind": "kaggle", "variant": 3},
    {"kind": "folder", "path": ...}, {"kind": "zip", "name": ...}), ``metrics`` its
    metrics.jsonl lines (step, loss_d, loss_g, d_real, d_fake; at measurements also
    diversity, collapsed, modes_covered, n_classes, kl)."""

    title: str
    config: dict
    data: dict
    source: str = ""  # the data as the app names it, e.g. "builtin shapes", "kaggle …/flowers-dataset v1"
    images: int | None = None  # how many images it trained on
    status: str = "done"
    step: int = 0
    seconds: float = 0.0
    images_per_s: float | None = None
    device: str = ""  # where it trained: "cpu", "cuda", "NVIDIA H200"
    metrics: list[dict] = field(default_factory=list)
    samples_png: bytes | None = None  # the newest sample grid
    samples_step: int | None = None
    interpolation_png: bytes | None = None  # a strip from one z to another, if the student made one


# --- Lab 2 ------------------------------------------------------------------------------------


@dataclass
class SdModel:
    """Which model: ``kind`` "preset" or "hub" (``id`` a Hugging Face id), "folder" or "tiny"
    (``id`` a diffusers folder), "single_file" (``id`` a .safetensors checkpoint), "own" (a model
    trained in Lab 2: ``id`` its folder, ``classes`` what its prompts name). Only a folder's or
    file's name reaches the report."""

    kind: str
    id: str
    label: str
    classes: list[str] = field(default_factory=list)


@dataclass
class SdSettings:
    """A1111's form, as GenRequest has it; ``loras`` are (file name, weight)."""

    prompt: str
    negative_prompt: str = ""
    mode: str = "txt2img"
    steps: int = 20
    cfg_scale: float = 7.0
    width: int = 512
    height: int = 512
    seed: int = 0
    sampler: str = "Euler a"
    batch_count: int = 1
    batch_size: int = 1
    strength: float = 0.75  # img2img and inpaint
    loras: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Generation:
    """A txt2img / img2img / inpaint result: its images and each one's seconds."""

    title: str
    model: SdModel
    settings: SdSettings
    images: list[bytes] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    device: str = ""


@dataclass
class SweepCell:
    x: str  # the X value's label, "20", "512×512", "photo"
    y: str | None  # the Y value's label in a two-parameter sweep
    settings: SdSettings
    seconds: float
    png: bytes | None = None


@dataclass
class Sweep:
    """An experiment: one parameter (``x_param``), or two, varied over otherwise equal generations.
    ``kind`` is the lab's experiment: "steps", "size", "style", "cfg" or "xy"."""

    title: str
    kind: str
    x_param: str
    model: SdModel
    cells: list[SweepCell]
    y_param: str | None = None
    warmup_seconds: float | None = None
    repeats: int = 1  # timed runs per cell; the time is their median
    state: str = "done"
    device: str = ""


# --- Lab 3 ------------------------------------------------------------------------------------


@dataclass
class Answer:
    """One cell of a comparison, as the history keeps it (``base_url`` "local": the embedded model)."""

    task: int
    level: str
    style: str
    lang: str
    model: str
    base_url: str
    temperature: float
    messages: list[dict]
    text: str = ""
    status: str = "done"
    label: str = ""  # the model as the app shows it, "gpt-4o-mini @ api.openai.com"
    latency_s: float | None = None
    ttft_s: float | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    tokens_per_s: float | None = None
    words: int | None = None
    chars: int | None = None
    lang_ok: bool | None = None
    check: str = ""  # the task's objective check, as one line ("the program runs: 10 of 10")


@dataclass
class Comparison:
    """A side-by-side comparison; ``params`` are its shared settings (system_prompt, top_p,
    max_tokens, seed)."""

    title: str
    answers: list[Answer]
    params: dict = field(default_factory=dict)


Item = GanRun | Generation | Sweep | Comparison | Missing


@dataclass
class ReportInput:
    """Everything one report needs. ``conclusions``: the student's edited text, or None for the
    draft (``conclusions.draft``); ``questions``: (question, answer) pairs to append, optional;
    ``secrets``: values besides the environment's that must never appear (keys from st.secrets)."""

    lab: str  # one of LABS
    lang: str  # "uk" or "en"
    student: Student
    variant: Variant
    items: list[Item]
    conclusions: str | None = None
    questions: list[tuple[str, str]] = field(default_factory=list)
    secrets: tuple[str, ...] = ()
