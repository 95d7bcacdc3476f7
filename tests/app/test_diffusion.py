"""AppTest tests of the Lab 2 page: languages, presets, every generation mode on the tiny model, a sweep,
single-file checkpoints, LoRA files, PNG Info, settings kept across tabs and pages."""

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import i18n
from services.common import jobs
from services.diffusion import demo, generations, infotext, lora, models, pipelines, presets, sweeps
from services.diffusion.generate import GenRequest
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


def test_lora_is_checked_added_and_removed(tmp_path):
    import torch
    from safetensors.torch import save_file

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


def test_a_single_file_checkpoint_loads_offline_with_a_local_config_folder(tmp_path, no_network):
    tiny = demo.tiny_model()
    file = write_checkpoint(Path(tiny.id), tmp_path / "my-model.safetensors")
    at = _page(lang="en")
    at.button_group(key="sdp_source").set_value("file").run()
    at.text_input(key="sdp_file").set_value(str(file)).run()
    # without a config diffusers asks the hub for one: offline, the message points to the field
    at.button(key="sdp_load").click().run()
    assert not at.exception
    assert at.error and "Config folder" in at.error[0].value
    at.text_input(key="sdp_file_config").set_value(tiny.id).run()
    assert not at.exception and not at.error
    at.button(key="sdp_load").click().run()
    assert not at.exception and not at.error
    assert "Model loaded and ready" in [s.value for s in at.success]
    assert pipelines.is_loaded(models.model_ref("file", str(file), config=tiny.id))
    # and it generates through the page
    (image,) = _generate(at, "t2i")
    assert "Model: my-model" in image.parameters


def test_a_config_that_is_neither_a_folder_nor_a_hub_id_is_a_message(tmp_path):
    file = tmp_path / "model.safetensors"
    file.write_bytes(b"")
    at = _page(lang="uk")
    at.button_group(key="sdp_source").set_value("file").run()
    at.text_input(key="sdp_file").set_value(str(file))
    at.text_input(key="sdp_file_config").set_value(str(tmp_path / "no" / "such" / "folder")).run()
    assert not at.exception
    assert at.error and "Конфігурацію" in at.error[0].value


def test_an_uploaded_lora_is_saved_under_a_safe_name_and_added(shared_cache):
    at = _open(_page(lang="en"), "lora")
    weight = at.slider(key="lora_weight")
    assert (weight.min, weight.max) == lora.WEIGHT_RANGE
    # no file yet: a message
    at.button(key="lora_add").click().run()
    assert not at.exception and at.error and "Upload a LoRA file" in at.error[0].value
    # a file whose name tries to leave the cache
    at.file_uploader(key="lora_file").set_value(
        ("../../../etc/my style.safetensors", lora_bytes(), "application/octet-stream")
    )
    at.slider(key="lora_weight").set_value(-3.5)
    at.button(key="lora_add").click().run()
    assert not at.exception and not at.error
    (added,) = at.session_state["sdp_loras"]
    stored = Path(added.path)
    assert stored.is_file() and stored.name == "my_style.safetensors" and added.weight == -3.5
    assert stored.is_relative_to(shared_cache / "loras")
    assert any("my_style" in _shown(m.value) for m in at.markdown)
    # the same file again only takes the new weight
    at.slider(key="lora_weight").set_value(1.5)
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
    assert at.slider(key="t2i_cfg").value != 0.0
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
    assert at.slider(key="t2i_cfg").value == 0.0  # SD-Turbo's images carry CFG scale: 0
    assert at.number_input(key="t2i_seed").value == 4242
    assert (at.slider(key="t2i_width").value, at.slider(key="t2i_height").value) == (64, 96)


def test_png_info_of_a_plain_png_says_it_has_no_parameters():
    at = _open(_page(lang="uk"), "png", "uk")
    at.file_uploader(key="png_file").set_value(("plain.png", _png(), "image/png")).run()
    assert not at.exception
    assert any("немає параметрів" in i.value for i in at.info)


@pytest.mark.parametrize(("prefix", "marker"), [("i2i", "Denoising strength: 0.75"), ("inp", "Mask blur: 0")])
def test_img2img_and_inpaint_run_on_the_tiny_model_through_the_page(prefix, marker):
    at = _open(_page(lang="en", variant="2"), prefix)
    at.button(key=f"{prefix}_go").click().run()  # no picture yet: a message, no job
    assert not at.exception and at.error and "initial image" in at.error[0].value
    at.file_uploader(key=f"{prefix}_image").set_value(("picture.png", _png((80, 56)), "image/png"))
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
    assert any("picture.png" in c.value for c in at.caption)  # the uploader is empty, the picture kept
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
