"""Report inputs as a collector would make them from saved work: measured-looking numbers,
small real pictures, and a planted secret in every text field a student or a model writes."""

import io
import math

from PIL import Image, ImageDraw

from services.report import (
    Answer,
    Comparison,
    GanRun,
    Generation,
    Missing,
    ReportInput,
    SdModel,
    SdSettings,
    Student,
    Sweep,
    SweepCell,
    Variant,
)

SECRET = "sk-planted-SECRET-0123456789abcdef"
KAGGLE_KEY = "0123456789abcdef0123456789abcdef"
SERVER_PATH = "/srv/genlab/cache/runs/secret-folder-name/data"


def png(width: int = 64, height: int = 64, color=(200, 80, 40)) -> bytes:
    image = Image.new("RGB", (width, height), (20, 30, 60))
    ImageDraw.Draw(image).ellipse((width // 4, height // 4, 3 * width // 4, 3 * height // 4), fill=color)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def gan_run(
    title: str = "shapes · 32px", iterations: int = 500, collapse_at: int | None = None, **config
) -> GanRun:
    metrics = []
    for step in range(10, iterations + 1, 10):
        row = {
            "step": step,
            "loss_d": 1.4 - 0.4 * math.exp(-step / 200),
            "loss_g": 0.7 + 0.5 * (1 - math.exp(-step / 150)),
            "d_real": 0.5 + 0.15 * math.exp(-step / 300),
            "d_fake": 0.5 - 0.12 * math.exp(-step / 300),
        }
        if step % 50 == 0:
            collapsed = collapse_at is not None and step >= collapse_at
            row |= {
                "diversity": 0.2 if collapsed else 0.8,
                "collapsed": collapsed,
                "modes_covered": 1 if collapsed else 3,
                "n_classes": 3,
                "kl": 0.9 if collapsed else 0.02,
            }
        metrics.append(row)
    return GanRun(
        title=title,
        config={"size": 32, "channels": 1, "iterations": iterations, "seed": 7, "batch": 16} | config,
        data={"kind": "builtin", "name": "shapes", "limit": 128},
        source="builtin shapes",
        images=128,
        step=iterations,
        seconds=42.5,
        images_per_s=1234.5,
        device="cpu",
        metrics=metrics,
        samples_png=png(256, 256),
        samples_step=iterations,
    )


def settings(**changes) -> SdSettings:
    base = {
        "prompt": "a red fox in the snow",
        "steps": 2,
        "width": 64,
        "height": 64,
        "seed": 11,
        "cfg_scale": 7.0,
    }
    return SdSettings(**(base | changes))


TINY = SdModel("tiny", "/srv/genlab/cache/models/tiny-sd", "tiny-sd")


def generation(title: str = "fox") -> Generation:
    return Generation(title, TINY, settings(negative_prompt=f"blurry, {SECRET}"), [png()], [0.42], "cpu")


def steps_sweep(title: str = "steps") -> Sweep:
    cells = [SweepCell(str(s), None, settings(steps=s), 0.05 + 0.1 * s, png()) for s in (1, 2, 4, 10, 20)]
    return Sweep(title, "steps", "steps", TINY, cells, warmup_seconds=0.3, device="cpu")


def size_sweep(title: str = "size") -> Sweep:
    sides = (64, 128, 192, 256)
    cells = [
        SweepCell(f"{s}×{s}", None, settings(width=s, height=s), 0.01 + 2e-6 * s * s, png(s, s))
        for s in sides
    ]
    return Sweep(title, "size", "size", TINY, cells, warmup_seconds=0.2, device="cpu")


def style_sweep(title: str = "styles") -> Sweep:
    cells = [
        SweepCell(style, None, settings(prompt=f"a fox, {style}"), 0.5 + 0.01 * n, png())
        for n, style in enumerate(("photo", "anime", "oil painting"))
    ]
    return Sweep(title, "style", "style", TINY, cells, device="cpu")


def answer(style: str, lang: str, words: int, latency: float, text: str = "") -> Answer:
    prompt = {"uk": "Напиши коротку статтю про штучний інтелект.", "en": "Write a short article about AI."}[
        lang
    ]
    return Answer(
        task=1,
        level="easy",
        style=style,
        lang=lang,
        model="SmolLM2-135M-Instruct",
        base_url="local",
        temperature=0.7,
        messages=[{"role": "user", "content": prompt}],
        text=text
        or ("Штучний інтелект змінює світ. " if lang == "uk" else "AI changes the world. ") * (words // 4),
        label="SmolLM2-135M-Instruct",
        latency_s=latency,
        ttft_s=latency / 5,
        tokens_in=30,
        tokens_out=words * 2,
        tokens_per_s=words * 2 / latency,
        words=words,
        chars=words * 6,
        lang_ok=True,
        check="",
    )


def comparison(title: str = "uk vs en") -> Comparison:
    answers = [
        answer(
            "plain",
            "uk",
            80,
            3.0,
            text=f"Ваш ключ {SECRET} не пишіть нікуди. Файл /home/student/secret-notes/a.txt",
        ),
        answer("plain", "en", 60, 1.5),
        answer("role", "uk", 140, 4.0),
        answer("role", "en", 100, 2.0),
    ]
    return Comparison(title, answers, {"max_tokens": 200, "seed": 42, "top_p": 1.0, "system_prompt": ""})


def student() -> Student:
    return Student(
        "Іван Петренко", "КН-21", "доц. Коваленко О. М.", "2025", "Київський університет\nФакультет ІТ"
    )


def report(lab: str, items: list, lang: str = "uk", **changes) -> ReportInput:
    variant = Variant(1, "Прості геометричні фігури" if lang == "uk" else "Simple geometric shapes")
    return ReportInput(lab, lang, student(), variant, items, **({"secrets": (KAGGLE_KEY,)} | changes))


def gan_report(lang: str = "uk") -> ReportInput:
    secret_run = gan_run(f"with key {KAGGLE_KEY}", collapse_at=300)
    secret_run.data = {"kind": "folder", "path": SERVER_PATH}
    return report("gan", [gan_run(), secret_run, Missing("deleted run")], lang)


def diffusion_report(lang: str = "uk") -> ReportInput:
    return report("diffusion", [generation(), steps_sweep(), size_sweep(), style_sweep()], lang)


def llm_report(lang: str = "uk") -> ReportInput:
    return report("llm", [comparison()], lang, questions=[("Що таке трансформер?", "Архітектура з увагою.")])
