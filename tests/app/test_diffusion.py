"""AppTest tests of the Lab 2 page: languages, presets, every generation mode on the tiny model, a sweep,
single-file checkpoints, LoRA files, PNG Info, settings kept across tabs and pages."""

import io
import json
import re
import shutil
import threading
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import i18n
from services.common import compute, jobs
from services.common.errors import UserError
from services.diffusion import (
    demo,
    generations,
    images_out,
    infotext,
    lora,
    models,
    pipelines,
    presets,
    sweeps,
)
from services.diffusion import generate as generate_service
from services.diffusion.generate import Generated, GenRequest
from tests.diffusion.a1111_checkpoint import write_checkpoint
from tests.diffusion.inputs import cut_network, lora_bytes, picture

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TABS = ("t2i", "i2i", "inp", "exp", "png", "lora")


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory, one_torch_thread):
    """One cache for this module, so the tiny model is built once."""
    return tmp_path_factory.mktemp("diffusion-page")


@pytest.fixture(autouse=True)
def _use_shared_cache(shared_cache, isolated_cache, monkeypatch):
    monkeypatch.setenv("GENLAB_CACHE", str(shared_cache))


def _page(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page("app_pages/diffusion.py")
    return at.run()


def _open(at: AppTest, tab: str, lang: str = "en") -> AppTest:
    """Open one of the lab's tabs (only the open one is drawn)."""
    at.session_state["sd_tab"] = i18n.t(f"sd.tab.{tab}", lang)
    return at.run()


def _shown(markdown: str) -> str:
    """Markdown as the student reads it: the escapes of quoted names removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _error(at: AppTest) -> str:
    return _shown(at.error[0].value)


def _texts(at: AppTest) -> str:
    return "\n".join(
        e.value for kind in ("markdown", "caption", "info", "success", "error") for e in getattr(at, kind)
    )


def _wait_for_job(at: AppTest, param: str) -> None:
    job = jobs.get(
        at.query_params[param][0] if isinstance(at.query_params[param], list) else at.query_params[param]
    )
    assert job is not None and job.wait(60)
    assert job.snapshot().state == jobs.DONE, job.snapshot().error
    at.run()


def test_page_renders_in_both_languages_with_the_variants_prompt():
    for lang, title, tab in (("uk", "Лаб. 2", "Експерименти"), ("en", "Lab 2", "Experiments")):
        at = _page(lang=lang, variant="4")
        assert not at.exception
        assert title in at.title[0].value
        assert tab in [t.label for t in at.tabs]
        assert at.text_area(key="t2i_prompt").value == presets.preset(4, "basic").prompt
        for name in TABS:  # only the open tab is drawn: each in turn
            _open(at, name, lang)
            assert not at.exception and not at.error, name
    # in Ukrainian the English prompt comes with its meaning
    uk = _page(lang="uk", variant="4")
    assert any(presets.preset(4, "basic").meaning_uk in c.value for c in uk.caption)


def test_choosing_a_preset_fills_prompt_and_negative_prompt():
    at = _page(lang="en", variant="10")
    at.selectbox(key="t2i_preset").set_value("detailed").run()
    detailed = presets.preset(10, "detailed")
    assert at.text_area(key="t2i_prompt").value == detailed.prompt
    assert at.text_area(key="t2i_negative").value == detailed.negative


def test_generate_one_tiny_image_shows_its_seed_and_time():
    at = _page(lang="en", variant="2")
    at.slider(key="t2i_steps").set_value(2)
    at.number_input(key="t2i_seed").set_value(1234)
    at.button(key="t2i_go").click().run()
    assert not at.exception
    _wait_for_job(at, "gen")
    assert not at.exception
    text = _texts(at)
    assert "Seeds used: **1234**" in text
    assert "Done in" in text


def test_empty_prompt_is_a_message_not_a_crash():
    at = _page(lang="en")
    at.text_area(key="t2i_prompt").set_value("   ")
    at.button(key="t2i_go").click().run()
    assert not at.exception
    assert at.error and "prompt" in at.error[0].value.lower()


def test_steps_experiment_runs_and_draws_its_chart_and_table():
    at = _page(lang="uk", variant="2")
    at.slider(key="t2i_width").set_value(64)
    at.slider(key="t2i_height").set_value(64)
    _open(at, "exp", "uk")
    at.text_input(key="exp_values_steps").set_value("1, 2")
    at.button(key="exp_run").click().run()
    assert not at.exception
    _wait_for_job(at, "sweep")
    assert not at.exception
    assert any("Кроки" in s.value and "готово" in s.value for s in at.subheader)
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 2
    assert at.get("plotly_chart")


def test_model_picker_explains_unreachable_and_wrong_models():
    at = _page(lang="en")
    at.button_group(key="sdp_source").set_value("file").run()
    at.text_input(key="sdp_file").set_value("/no/such/model.ckpt").run()
    assert not at.exception and ".safetensors" in at.error[0].value
    at.button_group(key="sdp_source").set_value("hub").run()
    at.text_input(key="sdp_hub").set_value("not a repo id").run()
    assert not at.exception and at.error
    # a model the hub cannot give: a clear message (offline, or not found online), never a download
    at.text_input(key="sdp_hub").set_value("genlab-tests/no-such-model").run()
    at.button(key="sdp_load").click().run()
    assert not at.exception
    assert at.error and "genlab-tests/no-such-model" in _error(at)


def test_lora_is_checked_added_and_removed(tmp_path, monkeypatch):
    import torch
    from safetensors.torch import save_file

    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path))
    file = tmp_path / "my_style.safetensors"
    save_file({"unet.down.lora_A.weight": torch.zeros(4, 8)}, str(file))
    at = _open(_page(lang="en"), "lora")
    at.radio(key="lora_source").set_value("path").run()
    at.text_input(key="lora_path").set_value(str(tmp_path / "missing.safetensors"))
    at.button(key="lora_add").click().run()
    assert not at.exception and at.error
    at.text_input(key="lora_path").set_value(str(file))
    at.button(key="lora_add").click().run()
    assert not at.exception and not at.error
    assert any("my_style" in _shown(m.value) for m in at.markdown)
    assert [x.name for x in at.session_state["sdp_loras"]] == ["my_style"]
    at.button(key="lora_rm_0").click().run()
    assert not at.exception and at.session_state["sdp_loras"] == []


# --- single-file checkpoints, LoRA files, PNG Info, img2img and inpaint through the page -------------


@pytest.fixture
def no_network(monkeypatch):
    cut_network(monkeypatch)  # AppTest runs the page in this process


def _png(size=(64, 64), text: str | None = None) -> bytes:
    image = picture(size)
    if text is not None:
        return infotext.write_png(image, text)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _generate(at: AppTest, prefix: str) -> list:
    """Generate in tab ``prefix`` at the quickest settings (2 steps, 64×64); returns the job's images."""
    at.slider(key=f"{prefix}_steps").set_value(2)
    at.slider(key=f"{prefix}_width").set_value(64)
    at.slider(key=f"{prefix}_height").set_value(64)
    at.button(key=f"{prefix}_go").click().run()
    assert not at.exception and not at.error
    _wait_for_job(at, "gen")
    assert not at.exception
    return _job_images(at)


def _job_images(at: AppTest) -> list:
    job = jobs.get(
        at.query_params["gen"][0] if isinstance(at.query_params["gen"], list) else at.query_params["gen"]
    )
    return job.snapshot().result


def test_a_single_file_checkpoint_loads_offline_with_a_local_config_folder(tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path))
    tiny = demo.tiny_model()
    config = shutil.copytree(tiny.id, tmp_path / "tiny-sd")  # the cache itself is no server folder to name
    file = write_checkpoint(Path(tiny.id), tmp_path / "my-model.safetensors")
    at = _page(lang="en")
    at.button_group(key="sdp_source").set_value("file").run()
    at.text_input(key="sdp_file").set_value(str(file)).run()
    # without a config diffusers asks the hub for one: offline, the message points to the field
    at.button(key="sdp_load").click().run()
    assert not at.exception
    assert at.error and "Config folder" in at.error[0].value
    at.text_input(key="sdp_file_config").set_value(str(config)).run()
    assert not at.exception and not at.error
    at.button(key="sdp_load").click().run()
    assert not at.exception and not at.error
    assert "Model loaded and ready" in [s.value for s in at.success]
    assert pipelines.is_loaded(models.model_ref("file", str(file), config=str(config)))
    # and it generates through the page
    (image,) = _generate(at, "t2i")
    assert "Model: my-model" in image.parameters


def test_a_config_that_is_neither_a_folder_nor_a_hub_id_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path))
    file = tmp_path / "model.safetensors"
    file.write_bytes(b"")
    at = _page(lang="uk")
    at.button_group(key="sdp_source").set_value("file").run()
    at.text_input(key="sdp_file").set_value(str(file))
    at.text_input(key="sdp_file_config").set_value(str(tmp_path / "no" / "such" / "folder")).run()
    assert not at.exception
    assert at.error and "Цей шлях недоступний" in at.error[0].value


def test_an_uploaded_lora_is_saved_under_a_safe_name_and_added(shared_cache):
    at = _open(_page(lang="en"), "lora")
    weight = at.select_slider(key="lora_weight")
    low, high = lora.WEIGHT_RANGE
    assert (weight.options[0], weight.options[-1]) == (f"{low:g}", f"{high:g}") and weight.value == 0.8
    # no file yet: a message
    at.button(key="lora_add").click().run()
    assert not at.exception and at.error and "Upload a LoRA file" in at.error[0].value
    # a file whose name tries to leave the cache
    at.file_uploader(key="lora_file").set_value(
        ("../../../etc/my style.safetensors", lora_bytes(), "application/octet-stream")
    )
    at.select_slider(key="lora_weight").set_value(-3.5)
    at.button(key="lora_add").click().run()
    assert not at.exception and not at.error
    (added,) = at.session_state["sdp_loras"]
    stored = Path(added.path)
    assert stored.is_file() and stored.name == "my_style.safetensors" and added.weight == -3.5
    assert stored.is_relative_to(shared_cache / "loras")
    assert any("my_style" in _shown(m.value) for m in at.markdown)
    # the same file again only takes the new weight
    at.select_slider(key="lora_weight").set_value(1.5)
    at.button(key="lora_add").click().run()
    assert [(x.name, x.weight) for x in at.session_state["sdp_loras"]] == [("my_style", 1.5)]
    # a safetensors file with no LoRA in it is refused and not kept
    at.file_uploader(key="lora_file").set_value(
        ("weights.safetensors", lora_bytes("conv.weight"), "application/octet-stream")
    )
    at.button(key="lora_add").click().run()
    assert not at.exception and at.error and "weights.safetensors" in _error(at)
    assert len(at.session_state["sdp_loras"]) == 1
    assert not list((shared_cache / "loras").rglob("weights.safetensors"))


def test_the_demo_lora_is_one_click_on_the_tiny_model_and_changes_the_infotext():
    at = _open(_page(lang="en"), "lora")
    at.button(key="lora_demo").click().run()
    assert not at.exception and not at.error
    (added,) = at.session_state["sdp_loras"]
    assert (added.name, added.weight) == ("tiny-lora", 0.8)
    (image,) = _generate(_open(at, "t2i"), "t2i")
    assert 'Lora weights: "tiny-lora: 0.8"' in image.parameters
    # a real model has no demo LoRA
    at.button_group(key="sdp_source").set_value("preset").run()
    _open(at, "lora")
    assert not at.exception
    buttons = [b.key for b in at.button]
    assert "lora_add" in buttons and "lora_demo" not in buttons


def test_png_info_sends_the_parameters_to_txt2img_cfg_zero_included():
    text = infotext.format_parameters(
        "a lighthouse at dusk", "blurry, text", 4, "DPM++ 2M Karras", 0.0, 4242, 64, 96, "SD-Turbo"
    )
    at = _page(lang="en")
    assert at.select_slider(key="t2i_cfg").value != 0.0
    _open(at, "png")
    at.file_uploader(key="png_file").set_value(("turbo.png", _png(text=text), "image/png")).run()
    assert not at.exception
    assert text in [c.value for c in at.code]
    at.button(key="png_send").click().run()
    assert not at.exception
    assert "The parameters are now in the txt2img tab." in [s.value for s in at.success]
    _open(at, "t2i")
    assert at.text_area(key="t2i_prompt").value == "a lighthouse at dusk"
    assert at.text_area(key="t2i_negative").value == "blurry, text"
    assert at.selectbox(key="t2i_sampler").value == "DPM++ 2M Karras"
    assert at.slider(key="t2i_steps").value == 4
    assert at.select_slider(key="t2i_cfg").value == 0.0  # SD-Turbo's images carry CFG scale: 0
    assert at.number_input(key="t2i_seed").value == 4242
    assert (at.slider(key="t2i_width").value, at.slider(key="t2i_height").value) == (64, 96)


def test_decimals_read_the_ukrainian_way_and_a_cfg_off_the_grid_is_kept():
    """Streamlit's slider writes "7.5"; the form's number sliders write "7,5" in Ukrainian, and a
    CFG scale sent from PNG Info that is not on the slider's grid of 0.5 stays as it is."""
    text = infotext.format_parameters("a lighthouse", "", 20, "Euler a", 7.3, 1, 64, 64, "SD 1.5")
    at = _page(lang="uk")
    cfg = at.select_slider(key="t2i_cfg")
    assert "7,5" in cfg.options and "7.5" not in cfg.options and "7,3" not in cfg.options
    _open(at, "png", "uk")
    at.file_uploader(key="png_file").set_value(("lighthouse.png", _png(text=text), "image/png")).run()
    at.button(key="png_send").click().run()
    _open(at, "t2i", "uk")
    assert not at.exception
    cfg = at.select_slider(key="t2i_cfg")
    assert cfg.value == 7.3 and "7,3" in cfg.options


def test_png_info_of_a_plain_png_says_it_has_no_parameters():
    at = _open(_page(lang="uk"), "png", "uk")
    at.file_uploader(key="png_file").set_value(("plain.png", _png(), "image/png")).run()
    assert not at.exception
    assert any("немає параметрів" in i.value for i in at.info)


@pytest.mark.parametrize(("prefix", "marker"), [("i2i", "Denoising strength: 0.75"), ("inp", "Mask blur: 4")])
def test_img2img_and_inpaint_run_on_the_tiny_model_through_the_page(prefix, marker):
    at = _open(_page(lang="en", variant="2"), prefix)
    at.button(key=f"{prefix}_go").click().run()  # no picture yet: a message, no job
    assert not at.exception and at.error and "initial image" in at.error[0].value
    at.file_uploader(key=f"{prefix}_image").set_value(("picture.png", _png((80, 56)), "image/png"))
    if prefix == "inp":  # the brush needs a browser (tests/e2e): here, the rectangle
        at.run().radio(key="inp_mask_source").set_value("rect")
    at.number_input(key=f"{prefix}_seed").set_value(77)
    (image,) = _generate(at, prefix)
    assert "Seeds used: **77**" in _texts(at)
    assert marker in image.parameters and "Size: 64x64" in image.parameters
    assert Image.open(image.path).size == (64, 64)


# --- the student's settings outlive closed tabs and other pages; a reload finds its job's tab ------------


def test_settings_survive_a_model_source_switch_and_a_page_switch():
    at = _page(lang="en", variant="3")
    at.text_area(key="t2i_prompt").set_value("a blue fox, watercolor")
    at.text_area(key="t2i_negative").set_value("text, frame")
    at.number_input(key="t2i_seed").set_value(4321).run()
    at.button_group(key="sdp_source").set_value("hub").run()
    assert not at.exception
    assert "t2i_prompt" not in [t.key for t in at.text_area]  # no model named yet: no tabs drawn
    at.button_group(key="sdp_source").set_value("tiny").run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/diffusion.py").run()
    assert not at.exception
    assert at.button_group(key="sdp_source").value == "tiny"
    assert at.text_area(key="t2i_prompt").value == "a blue fox, watercolor"
    assert at.text_area(key="t2i_negative").value == "text, frame"
    assert at.number_input(key="t2i_seed").value == 4321
    # the experiments read txt2img's settings while its tab is closed
    _open(at, "exp")
    assert any("a blue fox, watercolor" in c.value and "4321" in c.value for c in at.caption)


def test_an_uploaded_picture_survives_closing_its_tab():
    at = _open(_page(lang="en", variant="2"), "i2i")
    at.file_uploader(key="i2i_image").set_value(("picture.png", _png((80, 56)), "image/png")).run()
    _open(_open(at, "t2i"), "i2i")
    assert not at.exception
    assert any(
        "picture.png" in _shown(c.value) for c in at.caption
    )  # the uploader is empty, the picture kept
    (image,) = _generate(at, "i2i")
    assert "Denoising strength: 0.75" in image.parameters


def test_a_reload_with_a_job_in_the_url_opens_its_tab():
    tiny = demo.tiny_model()
    request = GenRequest(prompt="a fox", steps=2, width=64, height=64, seed=1)
    sweep = sweeps.start(tiny, request, "steps", "1, 2")
    assert sweep.wait(60)
    at = _page(lang="en", sweep=sweep.id)
    assert not at.exception
    assert at.session_state["sd_tab"] == i18n.t("sd.tab.exp", "en")
    assert any("Steps" in s.value for s in at.subheader)  # the sweep is drawn again
    job = generations.start(tiny, replace(request, mode="img2img", init_image=picture()), key="i2i")
    assert job.wait(60)
    at = _page(lang="en", gen=job.id)
    assert at.session_state["sd_tab"] == i18n.t("sd.tab.i2i", "en")
    assert "Seeds used: **1**" in _texts(at)


# --- experiments: figures that are stable, fits stated only as far as they hold, downloads that work ----


def _timed_sweep(monkeypatch, times: list[float], lang: str, repeats: int = 1, fails=None) -> AppTest:
    """A steps sweep (1, 2, 4, 10, 20) whose runs take ``times`` in order (its warm-up first), opened by its link."""
    queue = list(times)

    def timed(ref, request, on_step=None, should_stop=None, on_wait=None, **_):
        if fails and (error := fails(request)):
            raise error
        return [Generated(picture((64, 64)), request.seed, queue.pop(0), "parameters")]

    monkeypatch.setattr(generate_service, "generate", timed)
    request = GenRequest(prompt="a fox", steps=2, width=64, height=64, seed=1)
    job = sweeps.start(demo.tiny_model(), request, "steps", "1, 2, 4, 10, 20", repeats=repeats)
    assert job.wait(60)
    return _page(lang=lang, sweep=job.id)


def test_noisy_times_are_not_stated_as_a_law(monkeypatch):
    """Issue 10: cells of 298, 69, 1620, 444 and 109 ms once gave "time per step −21.3 ms" under a
    caption saying that time "grows linearly"."""
    at = _timed_sweep(monkeypatch, [0.5, 0.298, 0.069, 1.620, 0.444, 0.109], "en")
    assert not at.exception
    (metric,) = at.metric
    assert metric.label == "Time per step" and metric.value == "—"
    warning = " ".join(w.value for w in at.warning)
    assert "does not grow with the number of steps" in warning
    assert "timed once" in " ".join(c.value for c in at.caption)
    assert "grows linearly" not in _texts(at) + warning
    assert not any("-" in m.value or "−" in m.value for m in at.metric)


def test_steady_times_give_the_time_per_step_with_its_spread_in_ukrainian(monkeypatch):
    steps = [1, 2, 4, 10, 20]
    rounds = [
        [0.05 + 0.0056 * s + 0.001 * r for s in (steps if r % 2 == 0 else steps[::-1])] for r in range(3)
    ]
    at = _timed_sweep(monkeypatch, [0.5] + [t for r in rounds for t in r], "uk", repeats=3)
    assert not at.exception
    (metric,) = at.metric
    assert metric.label == "Час на крок" and metric.value == "6 мс"  # 5,6 ms written the Ukrainian way
    info = " ".join(i.value for i in at.info)
    assert "Час росте лінійно з кількістю кроків" in info and "R² = 1,000" in info
    assert "медіана 3 замірів" in " ".join(c.value for c in at.caption) and not at.warning
    table = at.dataframe[0].value
    assert list(table["Час (медіана)"])[:2] == ["57 мс", "62 мс"]
    assert list(table["Від найшвидшого до найповільнішого"])[0] == "56 мс – 58 мс"
    assert not re.search(r"\d\.\d|\bms\b|\bs\b", " ".join(map(str, table.to_numpy().ravel())))


def test_the_zip_download_is_the_archive_itself_and_keeps_its_link(monkeypatch):
    """A download drawn as a function that builds the archive on the click was forgotten at the page's
    next run: a click in between downloaded nothing. The button must carry the archive itself (a
    media link, not a deferred one) on every run, and the same files must give the same archive."""
    at = _timed_sweep(monkeypatch, [0.5, 0.1, 0.2, 0.3, 0.4, 0.5], "en")
    sweep_id = at.query_params["sweep"]
    sweep_id = sweep_id[0] if isinstance(sweep_id, list) else sweep_id
    for _ in range(2):
        (zip_button,) = [d for d in at.get("download_button") if d.proto.label == "Download ZIP"]
        assert zip_button.proto.url.endswith(".zip") and not zip_button.proto.deferred_file_id
        at.run()
    archive = sweeps.load(sweep_id).zip_bytes()
    assert sweeps.load(sweep_id).zip_bytes() == archive  # read again: the very same bytes
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert f"sweep-{sweep_id}/results.csv" in names and f"sweep-{sweep_id}/sweep.json" in names


def test_a_sweep_whose_every_image_failed_shows_a_failure(monkeypatch):
    refused = UserError("sd.err.lora_load", path="other.safetensors", detail="no such layer")
    at = _timed_sweep(monkeypatch, [], "en", fails=lambda request: refused)
    assert not at.exception and not at.dataframe
    assert not any("Done" in s.value for s in at.success)
    assert any("The LoRA “other.safetensors” does not fit this model" in _shown(e.value) for e in at.error)
    assert any("failed" in s.value for s in at.subheader)


def test_a_sweep_names_the_images_that_failed_and_shows_the_rest(monkeypatch):
    too_big = UserError("sd.err.out_of_memory", width=64, height=64)
    at = _timed_sweep(
        monkeypatch, [0.5, 0.1, 0.2, 0.3, 0.4], "uk", fails=lambda r: too_big if r.steps == 10 else None
    )
    assert not at.exception and not at.error
    failed = next(w.value for w in at.warning if "Не вдалося" in w.value)
    assert failed.startswith("Не вдалося згенерувати 1 з 5 зображень:\n- Кроки: 10: Забракло пам'яті")
    assert len(at.dataframe[0].value) == 4


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "10-50 (+0)", "In the range “10-50 (+0)” the step in brackets must be above 0"),
        ("en", "1, five", "“five” does not fit “Steps”: a whole number from 1 to 150 is needed."),
        ("uk", "1, 500", "«500» не підходить для параметра «Кроки»: потрібне ціле число від 1 до 150."),
    ],
)
def test_a_bad_value_is_named_by_what_is_wrong_with_it(lang, typed, message):
    at = _open(_page(lang=lang), "exp", lang)
    at.text_input(key="exp_values_steps").set_value(typed)
    at.button(key="exp_run").click().run()
    assert not at.exception
    assert _error(at) == message or _error(at).startswith(message)
    assert "steps" not in _error(at)  # not the parameter's code


def test_lora_paths_are_asked_for_and_read_only_under_the_allowed_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    at = _open(_page(lang="en"), "lora")
    at.radio(key="lora_source").set_value("path").run()
    at.button(key="lora_add").click().run()  # nothing typed yet: asked for, not told about .ckpt files
    assert not at.exception and _error(at) == "Enter the path of a LoRA file (.safetensors) on the server."
    file = tmp_path / "private" / "style.safetensors"
    file.parent.mkdir()
    file.write_bytes(lora_bytes())
    at.text_input(key="lora_path").set_value(str(file))
    at.button(key="lora_add").click().run()
    assert _error(at).startswith("This path is not available") and at.session_state["sdp_loras"] == []


def test_an_upload_is_kept_on_disk_not_in_the_session(shared_cache):
    at = _open(_page(lang="en", variant="2"), "i2i")
    picture_png = _png((80, 56))
    at.file_uploader(key="i2i_image").set_value(("picture.png", picture_png, "image/png")).run()
    assert not at.exception
    kept = [p for p in (shared_cache / "uploads" / at.session_state["uploads_folder"]).iterdir()]
    assert [p.read_bytes() for p in kept] == [picture_png]
    held = at.session_state["i2i_image_kept"]  # the name and where the copy lies, not its bytes
    assert held[0] == "picture.png" and not any(isinstance(part, bytes) for part in held)
    at.file_uploader(key="i2i_image").set_value(None).run()  # removed: the copy goes too
    assert not at.exception and not kept[0].exists()


def test_the_demo_model_says_how_it_reads_a_long_prompt():
    at = _page(lang="uk")
    assert any("частинами по 75 токенів" in c.value for c in at.caption)


# --- A1111's inpaint options, the brush's mask, token counts, the queue, JPEG and PNG Info ----------------


def test_inpaint_options_reach_the_generation_and_its_parameters():
    at = _open(_page(lang="en", variant="2"), "inp")
    at.file_uploader(key="inp_image").set_value(("picture.png", _png((80, 56)), "image/png")).run()
    assert at.radio(key="inp_mask_source").value == "brush"  # A1111's way first
    assert at.slider(key="inp_padding").disabled  # padding is for "only masked"
    at.radio(key="inp_mask_source").set_value("rect").run()
    at.slider(key="inp_mask_blur").set_value(8)
    at.radio(key="inp_masked_content").set_value("fill")
    at.radio(key="inp_area").set_value("masked").run()
    at.slider(key="inp_padding").set_value(16)
    (image,) = _generate(at, "inp")
    assert "Mask blur: 8, Inpaint area: Only masked, Masked area padding: 16, Masked content: fill" in (
        image.parameters
    )
    assert Image.open(image.path).size == (80, 56)  # only masked: pasted back into the picture


def test_brush_strokes_paint_and_erase_the_mask_with_undo_and_clear():
    from ui.diffusion import inpaint as brush

    state = brush.Brushed("picture", np.zeros((50, 100), dtype=bool), scale=2.0)  # canvas px per picture px
    stroke = {
        "id": "s1",
        "type": "freedraw",
        "points": [20, 50, 180, 50],
        "stroke": brush.PAINT,
        "strokeWidth": 20,
    }
    brush._bake(state, {"json_data": {"objects": [stroke]}})
    assert state.mask[25, 10:90].all() and state.mask[21:30, 50].all()  # 10 px wide at the picture's scale
    assert not state.mask[:19, :].any() and not state.mask[32:, :].any()
    painted = state.mask.copy()
    brush._bake(state, {"json_data": {"objects": [stroke]}})  # sent again: baked once only
    assert len(state.undo) == 1
    eraser = stroke | {"id": "s2", "points": [100, 50, 120, 50], "stroke": brush.ERASE}
    brush._bake(state, {"json_data": {"objects": [stroke, eraser]}})
    assert not state.mask[25, 52:58].any() and state.mask[25, 20:40].all()
    brush._undo(state)
    assert np.array_equal(state.mask, painted)
    brush._clear(state)
    assert not state.mask.any() and len(state.undo) == 2


def test_the_prompt_boxes_count_tokens_per_chunk_as_a1111():
    at = _page(lang="en", variant="2")
    at.text_area(key="t2i_prompt").set_value("a (red:1.3) fox").run()
    assert not at.exception
    assert "Tokens: 7/75" in [c.value for c in at.caption]  # the demo's tokens are characters
    at.text_area(key="t2i_prompt").set_value("a" * 70 + ", " + "b" * 10).run()
    assert "Tokens: 85/150 · 2 chunks of 75: 71 + 10" in [c.value for c in at.caption]
    uk = _page(lang="uk", variant="2")
    uk.text_area(key="t2i_negative").set_value("x" * 160).run()
    assert "Токени: 160/225 · 3 частини по 75: 75 + 75 + 10" in [c.value for c in uk.caption]


LONG_PROMPT = "a (red fox:1.3) in ((deep)) snow, [blurry], \\(photo\\), " + ", ".join(
    f"detail {n}" for n in range(30)
)
LONG_NEGATIVE = "(worst quality:1.4), lowres BREAK " + ", ".join(f"bad {n}" for n in range(20))


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_a_long_emphasised_prompt_round_trips_through_png_info(kind):
    at = _page(lang="en", variant="2")
    at.text_area(key="t2i_prompt").set_value(LONG_PROMPT)
    at.text_area(key="t2i_negative").set_value(LONG_NEGATIVE)
    at.number_input(key="t2i_seed").set_value(31)
    (image,) = _generate(at, "t2i")
    assert any("chunks of 75" in c.value for c in at.caption)  # over 75 tokens: read in chunks
    at.text_area(key="t2i_prompt").set_value("something else")
    at.text_area(key="t2i_negative").set_value("")
    _open(at, "png")
    name = f"generated{images_out.FORMATS[kind].suffix}"
    mime = images_out.FORMATS[kind].mime
    at.file_uploader(key="png_file").set_value((name, image.file(kind), mime)).run()
    assert not at.exception and not at.error
    at.button(key="png_send").click().run()
    _open(at, "t2i")
    assert at.text_area(key="t2i_prompt").value == LONG_PROMPT
    assert at.text_area(key="t2i_negative").value == LONG_NEGATIVE
    assert at.number_input(key="t2i_seed").value == 31


def test_a_waiting_generation_shows_its_place_and_the_queue_and_can_leave_it():
    pipelines.load(demo.tiny_model())  # loaded: the generation goes straight to the queue
    holding, release = threading.Event(), threading.Event()

    def someone_else():
        with compute.ACCELERATOR.hold(holder=compute.Holder("sweep", "another-owner", "their-sweep")):
            holding.set()
            release.wait(60)

    other = threading.Thread(target=someone_else)
    other.start()
    try:
        assert holding.wait(10)
        for lang, ahead, line in (
            ("en", "1 job ahead of yours", "2. **Generation · yours · waiting for"),
            ("uk", "перед вашим завданням у черзі 1 завдання", "2. **Генерація · ваша · чекає"),
        ):
            at = _page(lang=lang, variant="2")
            at.slider(key="t2i_steps").set_value(2)
            at.button(key="t2i_go").click().run()
            job = _job(at)
            deadline = time.time() + 30
            while job.snapshot().info.get("waiting") != 1:
                assert time.time() < deadline
                time.sleep(0.05)
            at.run()
            assert not at.exception
            assert any(ahead in i.value for i in at.info)
            queue = "\n".join(m.value for m in at.markdown)
            assert line in queue and "1. " + i18n.t("sd.queue.kind.sweep", lang) in queue
            assert i18n.t("sd.queue.session", lang, tag="") in queue  # someone else's: a session, no name
            stop = at.button(key="gen_stop")
            assert stop.label == i18n.t("sd.queue.leave", lang)
            stop.click().run()
            assert job.wait(10) and job.snapshot().state == jobs.CANCELLED
        assert [t.holder.job_id for t in compute.ACCELERATOR.queue()] == ["their-sweep"]
    finally:
        release.set()
        other.join(10)


def _job(at: AppTest) -> jobs.Job:
    param = at.query_params["gen"]
    return jobs.get(param[0] if isinstance(param, list) else param)


def test_runs_of_one_image_that_differ_widely_are_called_out(monkeypatch):
    steps = [1, 2, 4, 10, 20]
    first = [0.05 + 0.0056 * s for s in steps]
    second = [t * (10 if s == 4 else 1.05) for s, t in zip(steps, first, strict=True)][::-1]
    at = _timed_sweep(monkeypatch, [0.5, *first, *second], "en", repeats=2)
    warning = " ".join(w.value for w in at.warning)
    assert "Runs of the same image differ by up to 10.0×: the server was busy" in warning


def test_a_sweep_cut_by_a_restart_shows_what_finished_and_says_so(monkeypatch):
    at = _timed_sweep(monkeypatch, [0.5, 0.1, 0.2, 0.3, 0.4, 0.5], "en")
    sweep_id = (
        at.query_params["sweep"][0]
        if isinstance(at.query_params["sweep"], list)
        else at.query_params["sweep"]
    )
    folder = sweeps.load(sweep_id).folder
    meta = json.loads((folder / "sweep.json").read_text())
    (folder / "sweep.json").write_text(json.dumps(meta | {"state": "running", "cells_done": 3}))
    monkeypatch.delitem(jobs._JOBS, sweep_id)  # the server that ran it is gone
    at = _page(lang="en", sweep=sweep_id)
    assert not at.exception
    assert any("cut short by a server restart: 3 of 5 images are done" in w.value for w in at.warning)
    assert any("interrupted by a server restart" in s.value for s in at.subheader)


# --- a model trained here (issue 13): the Own model tab, the picker, txt2img, GAN vs diffusion -------


def _lab1_data() -> dict:
    """What Lab 1's Data tab keeps in the session after loading 96 built-in shapes."""
    from services.gan import data as gan_data

    loaded = gan_data.load_builtin("shapes", 32, 1, count=96)
    return {
        "spec": {"kind": "builtin", "name": "shapes", "limit": 96},
        "count": len(loaded),
        "size": 32,
        "channels": 1,
        "source": loaded.source,
        "class_names": loaded.class_names,
        "class_counts": [32, 32, 32],
        "zip_path": None,
    }


@pytest.fixture(scope="module")
def own_run(shared_cache):
    """A tiny own diffusion run trained through the Own model tab, once for the module."""
    from services.diffusion.own import runs as own_runs

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(shared_cache))
        at = _page(lang="uk", variant="1")
        at.session_state["gan_data"] = _lab1_data()
        _open(at, "train", "uk")
        assert "коло, квадрат, трикутник" in _shown(_texts(at))  # the classes in the student's language
        at.segmented_control(key="own_width").set_value("small")
        at.number_input(key="own_iterations").set_value(12)
        at.select_slider(key="own_batch").set_value(16)
        at.button(key="own_start").click().run()
        assert not at.exception and not at.error
        run_id = (
            at.query_params["own"][0] if isinstance(at.query_params["own"], list) else at.query_params["own"]
        )
        (job,) = jobs.find(own_runs.JOB_KIND, run_id)
        assert job.wait(600) and job.snapshot().state == jobs.DONE, job.snapshot().error
        at.run()
        return run_id, at


def test_the_own_model_tab_asks_for_lab1_data_first():
    at = _open(_page(lang="uk", variant="1"), "train", "uk")
    assert not at.exception
    assert "«1 · Дані»" in at.info[0].value


def test_a_run_trained_in_the_tab_shows_its_charts_samples_and_figures(own_run):
    _, at = own_run
    assert not at.exception and not at.error
    text = _shown(_texts(at))
    assert "Рядки згори донизу: коло, квадрат, трикутник" in text and "Якість виміряно на кроці 12." in text
    assert len(at.get("plotly_chart")) == 2  # the loss, and the quality over training
    assert {m.label for m in at.metric} == {
        "Втрата (MSE шуму)",
        "Час навчання",
        "Точність класу",
        "Відстань Фреше",
    }


def test_the_trained_model_is_picked_and_draws_a_class_in_txt2img(own_run):
    run_id, _ = own_run
    at = _page(lang="en", variant="1")
    at.segmented_control(key="sdp_source").set_value("own").run()
    assert at.selectbox(key="sdp_own").value == run_id
    assert "circle, square, triangle" in _shown(_texts(at))
    assert at.slider(key="t2i_width").value == 64  # the model's 32 px, shown twice as large
    at.text_area(key="t2i_prompt").set_value("коло")
    at.text_area(key="t2i_negative").set_value("")
    at.slider(key="t2i_steps").set_value(3)
    at.number_input(key="t2i_seed").set_value(21)
    at.button(key="t2i_go").click().run()
    _wait_for_job(at, "gen")
    assert not at.exception and "Seeds used: **21**" in _texts(at)


def test_a_prompt_that_names_no_class_lists_the_classes(own_run):
    at = _page(lang="uk", variant="1")
    at.segmented_control(key="sdp_source").set_value("own").run()
    at.text_area(key="t2i_prompt").set_value("рудий лис")
    at.button(key="t2i_go").click().run()
    assert not at.exception
    job = jobs.get(
        at.query_params["gen"][0] if isinstance(at.query_params["gen"], list) else at.query_params["gen"]
    )
    if job is not None:  # refused in the job (the form checked only its own limits)
        job.wait(60)
        at.run()
    assert "Напишіть один клас: коло / circle, квадрат / square, трикутник / triangle" in _error(at)


def test_gan_vs_diffusion_measures_both_and_the_control_question_links_to_it(own_run, shared_cache):
    from services.common.owners import Actor
    from services.gan import runs as gan_runs
    from services.gan.config import GanConfig

    cfg = GanConfig(size=32, channels=1, latent=16, g_width=8, d_width=8, batch=16, iterations=10)
    gan_id = gan_runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 96}, owner="0" * 32)
    assert gan_runs.start(gan_id, Actor("0" * 32)).wait(300)
    at = _page(lang="en", variant="1")
    _open(at, "questions", "en")
    at.button(key="vs_link").click().run()  # from control question 4
    assert at.session_state["sd_tab"] == i18n.t("sd.tab.versus", "en")
    assert not at.exception and not at.warning  # the same data at the same size
    at.button(key="vs_measure").click().run()
    (job,) = jobs.find("versus")
    assert job.wait(300) and job.snapshot().state == jobs.DONE, job.snapshot().error
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["Measure", "GAN", "Diffusion"]
    assert table.iloc[3, 1] == "—"  # a GAN is not asked for a class
    assert "times as long per image as the GAN" in at.info[-1].value


def test_a_steps_sweep_with_the_own_model_shows_its_quality_at_each_value(own_run):
    at = _page(lang="uk", variant="1")
    at.segmented_control(key="sdp_source").set_value("own").run()
    at.text_area(key="t2i_prompt").set_value("трикутник")
    _open(at, "exp", "uk")
    at.text_input(key="exp_values_steps").set_value("1, 4")
    at.button(key="exp_run").click().run()
    _wait_for_job(at, "sweep")
    assert not at.exception and not at.error
    assert "Якість для кожного значення" in [s.value for s in at.subheader]
    assert any("Найменша відстань Фреше: Кроки = " in c.value for c in at.caption)


# --- control questions --------------------------------------------------------------------------------


def test_the_questions_show_the_stages_of_a_generation_and_the_measured_costs():
    from services.diffusion import costs, stages

    at = _open(_page(lang="uk", variant="1"), "questions", "uk")
    assert not at.exception and not at.error
    at.button(key="sd_qa_stages").click().run()  # question 1: a strip of this model's own generation
    (job,) = jobs.find(stages.JOB_KIND)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    at.run()
    assert not at.exception and not at.error
    strip = job.snapshot().result
    shown = [p for p in at.get("button_group") if p.key.startswith("sd_qa_steps_")]
    shown += [m for m in at.multiselect if m.key.startswith("sd_qa_steps_")]
    assert len(shown) == 1 and 0 in shown[0].value and strip.steps in shown[0].value  # from noise to result
    assert len(at.get("image")) >= 3 * len(shown[0].value)  # a column per step, a row per stage

    at.button(key="sd_qa_measure").click().run()  # question 3: what the latent space saves, measured
    (job,) = jobs.find(costs.JOB_KIND)
    assert job.wait(300) and job.snapshot().state == jobs.DONE, job.snapshot().error
    at.run()
    assert not at.exception and not at.error
    assert "sd_qa_samplers" in [chart.key for chart in at.get("plotly_chart")]  # distance against steps
    (samplers,) = [d.value for d in at.dataframe if i18n.t("sd.param.sampler", "uk") in d.value]
    assert len(samplers) >= 2 and samplers.columns[1] == i18n.t("sd.qa.col.steps", "uk")
