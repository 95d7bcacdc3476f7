"""The generated scripts run on their own and repeat what the app did.

Lab 1's networks, data and training steps are compared with the app's own (services/gan) and
the script is run for a few iterations; Lab 2's scripts run on the tiny demo model saved to
disk and give the app's very image; Lab 3's script asks the embedded server. Every script
runs in a subprocess from an empty folder, so it cannot import GenLab even by accident.
"""

import ast
import os
import re
import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from services.report import Comparison, scripts
from services.report.scripts import script_for
from tests.report import samples

# what a script may import: the standard library, and the packages the manual's labs use
ALLOWED = {"argparse", "colorsys", "csv", "os", "pathlib", "statistics", "time"}
ALLOWED |= {"diffusers", "kagglehub", "numpy", "openai", "PIL", "sklearn", "torch"}
LOSS_LINE = re.compile(r"step (\d+)/(\d+)\s+loss_D (\S+)\s+loss_G (\S+)\s+D\(x\) (\S+)\s+D\(G\(z\)\) (\S+)")


def run_script(script, folder, *args, env=None, timeout=300) -> subprocess.CompletedProcess:
    path = folder / script.filename
    path.write_text(script.code, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment |= {"OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"} | (env or {})
    done = subprocess.run(
        [sys.executable, path.name, *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def imported_modules(code: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("make", [samples.gan_report, samples.diffusion_report, samples.llm_report])
def test_every_script_is_python_that_imports_only_torch_diffusers_or_openai(make):
    found = scripts(make("en"))
    assert found
    for script in found:
        compile(script.code, script.filename, "exec")
        assert imported_modules(script.code) <= ALLOWED, script.filename
        assert script.settings in script.code  # the report prints this part for later runs


def test_two_items_with_one_title_get_two_files():
    report = samples.report("gan", [samples.gan_run("same"), samples.gan_run("same")])
    assert [s.filename for s in scripts(report)] == ["gan_same.py", "gan_same_2.py"]


# --- Lab 1 ------------------------------------------------------------------------------------------

GAN_CONFIGS = [
    {"size": 32, "channels": 1, "g_width": 8, "d_width": 8, "batch": 16, "seed": 3},
    {
        "size": 28,
        "channels": 1,
        "g_width": 8,
        "d_width": 4,
        "batch": 16,
        "seed": 5,
        "k": 2,
        "loss": "minimax",
    },
    {"size": 64, "channels": 3, "g_width": 4, "d_width": 4, "batch": 8, "seed": 1, "depth": 3},
    {"size": 32, "channels": 3, "g_width": 4, "d_width": 8, "batch": 8, "seed": 9, "label_smoothing": 0.1},
]


def _script_namespace(run) -> dict:
    namespace: dict = {"__name__": "gan_script"}
    exec(compile(script_for(run).code, "gan_script.py", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("config", GAN_CONFIGS, ids=lambda c: f"{c['size']}px-{c['channels']}ch")
def test_gan_script_builds_the_apps_networks_with_the_same_weights(config, one_torch_thread):
    from services.gan.config import GanConfig
    from services.gan.model import build

    run = samples.gan_run(**config)
    G, D = _script_namespace(run)["build"]()
    app_G, app_D = build(GanConfig.from_dict(run.config))
    for ours, theirs in ((G, app_G), (D, app_D)):
        assert str(ours) == str(theirs)  # the same layers, widths, kernels, strides, activations
        mine, app = ours.state_dict(), theirs.state_dict()
        assert mine.keys() == app.keys()
        assert all(torch.equal(mine[k], app[k]) for k in mine)  # the same initial weights from the seed


@pytest.mark.parametrize(("name", "channels"), [("shapes", 3), ("digits", 1)])
def test_gan_script_draws_the_apps_built_in_data(name, channels):
    from services.gan.data import load_builtin

    run = samples.gan_run(size=28, channels=channels)
    ours = _script_namespace(run)["load_data"](name, 60)
    assert torch.equal(ours, load_builtin(name, 28, channels, count=60).images)


@pytest.mark.parametrize("config", GAN_CONFIGS[:2], ids=["nonsaturating", "minimax-k2"])
def test_gan_script_trains_as_the_apps_trainer_does(config, one_torch_thread):
    from services.gan.config import GanConfig
    from services.gan.data import load_builtin
    from services.gan.trainer import Trainer

    run = samples.gan_run(**config)
    namespace = _script_namespace(run)
    images = namespace["load_data"]("shapes", 64)
    G, D = namespace["build"]()
    ours = namespace["train"](G, D, images, 3, "cpu")
    cfg = GanConfig.from_dict(run.config | {"precision": "fp32"})
    trainer = Trainer(cfg, load_builtin("shapes", cfg.size, cfg.channels, count=64).images, device="cpu")
    theirs = [list(trainer.steps(1).values()) for _ in range(3)]
    assert np.allclose(ours, theirs, rtol=1e-5, atol=1e-6)


def test_gan_script_runs_alone_with_the_runs_shapes_and_seed(tmp_path, one_torch_thread):
    from services.gan.config import GanConfig
    from services.gan.data import load_builtin
    from services.gan.trainer import Trainer

    run = samples.gan_run(size=28, channels=1, g_width=8, d_width=8, batch=16, seed=4)
    run.data = {"kind": "builtin", "name": "digits", "limit": 100}
    done = run_script(script_for(run), tmp_path, "--iterations", "3", "--device", "cpu")
    assert "data: 100 images of (1, 28, 28)" in done.stdout
    assert "G(z): (64, 1, 28, 28)" in done.stdout
    lines = [m.groups() for m in LOSS_LINE.finditer(done.stdout)]
    assert [(step, total) for step, total, *_ in lines] == [("1", "3"), ("3", "3")]
    assert all(np.isfinite(float(v)) for *_, a, b, c, d in lines for v in (a, b, c, d))
    cfg = GanConfig.from_dict(run.config | {"precision": "fp32"})
    trainer = Trainer(cfg, load_builtin("digits", 28, 1, count=100).images, device="cpu")
    first = trainer.steps(1)  # the app's first iteration with the run's seed
    printed = [float(v) for v in lines[0][2:]]
    assert np.allclose(printed, [first[k] for k in ("loss_d", "loss_g", "d_real", "d_fake")], atol=6e-4)
    with Image.open(tmp_path / "samples.png") as grid:
        assert grid.size == (8 * 28, 8 * 28)


def test_gan_script_keeps_only_a_folders_name(tmp_path):
    run = samples.gan_run()
    run.data = {"kind": "folder", "path": "/srv/genlab/data/student42/flowers"}
    (script,) = scripts(samples.report("gan", [run]))
    assert 'DATA = "flowers"' in script.code and "/srv" not in script.code and "student42" not in script.code


# --- Lab 2 ------------------------------------------------------------------------------------------


def test_generation_script_gives_the_apps_image_on_the_tiny_model(tiny_model, tmp_path, one_torch_thread):
    from services.diffusion.generate import GenRequest, generate

    generation = samples.generation()
    generation.settings = samples.settings(width=96, height=64, steps=3, seed=5, sampler="DPM++ 2M Karras")
    generation.settings.negative_prompt = "blurry"
    (script,) = scripts(samples.report("diffusion", [generation]))
    assert 'MODEL = "tiny-sd"' in script.code  # the folder's name, not the server's path
    assert (
        "DPMSolverMultistepScheduler.from_config(pipe.scheduler.config, use_karras_sigmas=True)"
        in script.code
    )
    run_script(script, tmp_path, "--model", tiny_model.id, "--device", "cpu", "--out", "image")
    with Image.open(tmp_path / "image-5.png") as image:
        assert image.size == (96, 64)
        ours = np.asarray(image.convert("RGB"), dtype=int)
    s = generation.settings
    request = GenRequest(
        prompt=s.prompt,
        negative_prompt=s.negative_prompt,
        steps=3,
        width=96,
        height=64,
        seed=5,
        sampler=s.sampler,
    )
    (theirs,) = generate(tiny_model, request)
    assert np.abs(ours - np.asarray(theirs.image, dtype=int)).max() <= 1


def test_sweep_script_warms_up_times_every_cell_and_fits_the_steps(tiny_model, tmp_path):
    sweep = samples.steps_sweep()
    sweep.cells = sweep.cells[:3]  # 1, 2 and 4 steps at 64 px
    (script,) = scripts(samples.report("diffusion", [sweep]))
    done = run_script(script, tmp_path, "--model", tiny_model.id, "--device", "cpu", "--repeats", "2")
    for cell in sweep.cells:
        assert re.search(rf"^{cell.x}: 64x64, \d+\.\d+ s$", done.stdout, flags=re.M)
    assert re.search(r"time = -?\d+\.\d+ s/step \* steps [+-] -?\d+\.\d+ s, R² = ", done.stdout)
    rows = (tmp_path / "sweep.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 4 and rows[0].split(",")[-1] == "seconds"
    assert sorted(p.name for p in tmp_path.glob("sweep_*.png")) == [
        "sweep_000.png",
        "sweep_001.png",
        "sweep_002.png",
    ]


# --- Lab 3 ------------------------------------------------------------------------------------------


def test_llm_script_asks_the_embedded_server_and_never_holds_the_key(llm_server_url, tmp_path):
    comparison = samples.comparison()
    comparison.answers = comparison.answers[1:2]  # one short English request
    comparison.params = comparison.params | {"max_tokens": 8, "seed": 1}
    key = "sk-test-report-never-in-a-script-0123456789"
    (script,) = scripts(samples.report("llm", [comparison], secrets=(key,)))
    assert key not in script.code and "OPENAI_API_KEY" in script.code
    done = run_script(script, tmp_path, env={"LOCAL_BASE_URL": llm_server_url, "OPENAI_API_KEY": key})
    header, *answer = done.stdout.strip().splitlines()
    assert header.startswith("--- task 1 · easy · plain · en · SmolLM2-135M-Instruct")
    assert "s to the first token" in header
    assert "".join(answer).strip()


def test_llm_script_names_each_server_once(tmp_path):
    comparison = samples.comparison()
    remote = comparison.answers[0].__class__(**vars(comparison.answers[0]))
    remote.base_url, remote.model = "https://user:pass@api.example.com/v1?key=abc123", "gpt-4o-mini"
    report = samples.report("llm", [Comparison("two servers", [*comparison.answers, remote])])
    (script,) = scripts(report)
    assert '"api.example.com": "https://api.example.com/v1?key=***"' in script.code
    assert "user:pass" not in script.code and "abc123" not in script.code
    assert script.code.count('"local": os.environ.get("LOCAL_BASE_URL"') == 1


def test_own_model_script_gives_the_apps_image(tmp_path, one_torch_thread):
    """A model trained in Lab 2 is no Stable Diffusion pipeline: its script draws as the app does."""
    from services.diffusion.generate import GenRequest
    from services.diffusion.own import generate as own_generate
    from services.report.inputs import SdModel
    from tests.diffusion.pixel_model import pixel_model

    ref = pixel_model(tmp_path / "app")
    request = GenRequest(
        prompt="коло", negative_prompt="квадрат", steps=3, cfg_scale=3.0, sampler="DPM++ 2M", seed=5,
        width=64, height=64,
    )  # fmt: skip
    (theirs,) = own_generate.generate(ref, request)
    generation = samples.generation()
    generation.model = SdModel("own", ref.id, "own", ["circle", "square", "triangle"])
    generation.settings = samples.settings(
        prompt="коло", negative_prompt="квадрат", steps=3, cfg_scale=3.0, sampler="DPM++ 2M", seed=5,
        width=64, height=64,
    )  # fmt: skip
    (script,) = scripts(samples.report("diffusion", [generation]))
    assert '"class": "circle"' in script.code and '"negative": "square"' in script.code
    assert "StableDiffusionPipeline" not in script.code
    done = run_script(
        script, tmp_path, "--model", ref.id, "--device", "cpu", "--repeats", "1", "--out", "own"
    )
    assert re.search(r"^image: circle, 1 images, \d+\.\d+ s per image$", done.stdout, flags=re.M)
    with Image.open(tmp_path / "own-image-5.png") as image:
        assert image.size == (64, 64)
        ours = np.asarray(image.convert("L"), dtype=int)
    assert np.abs(ours - np.asarray(theirs.image.convert("L"), dtype=int)).max() <= 1
