"""AppTest smoke tests of the Lab 2 page: both languages, presets, one tiny generation, a sweep."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services import jobs, prompt_presets

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One cache for this module, so the tiny model is built once; one torch thread (see test_sweeps)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield tmp_path_factory.mktemp("diffusion-page")
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def _use_shared_cache(shared_cache, isolated_cache, monkeypatch):
    monkeypatch.setenv("GENLAB_CACHE", str(shared_cache))


def _page(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page("pages/diffusion.py")
    return at.run()


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
        assert at.text_area(key="t2i_prompt").value == prompt_presets.preset(4, "basic").prompt
    # in Ukrainian the English prompt comes with its meaning
    uk = _page(lang="uk", variant="4")
    assert any(prompt_presets.preset(4, "basic").meaning_uk in c.value for c in uk.caption)


def test_choosing_a_preset_fills_prompt_and_negative_prompt():
    at = _page(lang="en", variant="10")
    at.selectbox(key="t2i_preset").set_value("detailed").run()
    detailed = prompt_presets.preset(10, "detailed")
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
    assert at.error and "genlab-tests/no-such-model" in at.error[0].value


def test_lora_is_checked_added_and_removed(tmp_path):
    import torch
    from safetensors.torch import save_file

    lora = tmp_path / "my_style.safetensors"
    save_file({"unet.down.lora_A.weight": torch.zeros(4, 8)}, str(lora))
    at = _page(lang="en")
    at.text_input(key="lora_path").set_value(str(tmp_path / "missing.safetensors"))
    at.button(key="lora_add").click().run()
    assert not at.exception and at.error
    at.text_input(key="lora_path").set_value(str(lora))
    at.button(key="lora_add").click().run()
    assert not at.exception and not at.error
    assert any("my_style" in m.value for m in at.markdown)
    assert [x.name for x in at.session_state["sdp_loras"]] == ["my_style"]
    at.button(key="lora_rm_0").click().run()
    assert not at.exception and at.session_state["sdp_loras"] == []
