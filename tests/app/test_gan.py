"""AppTest smoke tests of the Lab 1 page: every tab renders in both languages, and a tiny
run goes from built-in data through training to the runs table, samples and collapse measures."""

import json
import time
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import i18n
from services.common import jobs
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import config, data, runs

ME = Actor("e" * 32)  # the student of these tests

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TABS = ("data", "model", "train", "runs", "sample", "collapse")
TINY = {"gan_hp_iterations": 40, "gan_hp_g_width": 8, "gan_hp_d_width": 8, "gan_hp_batch": 16}


def _gan_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, variant="1")
    at.run()
    at.switch_page("app_pages/gan.py")
    return at.run()


def _open(at: AppTest, tab: str, lang: str = "en") -> AppTest:
    at.session_state["gan_tab"] = i18n.t(f"gan.tab.{tab}", lang)
    return at.run()


@pytest.fixture
def stop_runs():
    """Training threads outlive a test: stop the ones it started."""
    yield
    for job in jobs.find(runs.JOB_KIND, active_only=True):
        job.cancel()
        job.wait(30)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_tab_renders_before_any_data(lang):
    at = _gan_page(lang)
    assert not at.exception
    assert at.title[0].value == i18n.t("gan.title", lang)
    assert [tab.label for tab in at.tabs] == [i18n.t(f"gan.tab.{name}", lang) for name in TABS]
    for name in TABS:
        _open(at, name, lang)
        assert not at.exception, name
        assert not at.error, (name, [e.value for e in at.error])
    _open(at, "train", lang)
    assert at.button(key="gan_start").disabled  # nothing to train on yet
    assert any(i18n.t("gan.data.need", lang) == info.value for info in at.info)


def test_model_tab_shows_both_networks_and_catches_bad_values():
    at = _open(_gan_page("en"), "model")
    assert len(at.dataframe) == 2
    generator = at.dataframe[0].value
    assert generator.iloc[0, 0] == "Input" and "Tanh" in generator.iloc[-1, 0]
    assert generator.iloc[-1, 1] == "1 × 32 × 32"  # variant 1: 32 px gray
    assert "ConvTranspose2d" in " ".join(generator.iloc[:, 0])
    assert "Conv2d" in " ".join(at.dataframe[1].value.iloc[:, 0])
    at.select_slider(key="gan_hp_g_width").set_value(8).run()
    small = at.dataframe[0].value.iloc[:, 2].sum()
    at.select_slider(key="gan_hp_g_width").set_value(64).run()
    assert at.dataframe[0].value.iloc[:, 2].sum() > small  # wider G, more parameters


def test_depth_changes_the_layer_tables():
    at = _open(_gan_page("en"), "model")
    depth = at.select_slider(key="gan_hp_depth")
    assert depth.options == ["1", "2", "3"] and depth.value == 3  # 32 px: up to 4×4 at the start
    deep_g, deep_d = at.dataframe[0].value, at.dataframe[1].value
    assert deep_g.iloc[1, 1].endswith("4 × 4")
    depth.set_value(2).run()
    assert not at.exception
    shallow_g, shallow_d = at.dataframe[0].value, at.dataframe[1].value
    assert shallow_g.iloc[1, 1].endswith("8 × 8")  # one stride-2 layer fewer: G starts larger
    assert len(shallow_g) < len(deep_g) and len(shallow_d) < len(deep_d)
    assert shallow_g.iloc[-1, 1] == "1 × 32 × 32"  # the same images come out
    assert shallow_g.iloc[:, 2].sum() != deep_g.iloc[:, 2].sum()
    assert shallow_d.iloc[:, 2].sum() < deep_d.iloc[:, 2].sum()
    # a smaller size allows fewer layers: the choice starts again at the deepest for it
    at.session_state["gan_size"] = 28
    at.run()
    depth = at.select_slider(key="gan_hp_depth")
    assert (depth.value, depth.options) == (2, ["1", "2"])
    assert not at.exception and not at.error


def test_settings_survive_hidden_tabs_and_a_page_switch():
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input("/my/pictures").run()
    _open(at, "model")
    at.number_input(key="gan_hp_iterations").set_value(345).run()
    at.select_slider(key="gan_hp_g_width").set_value(8).run()
    _open(at, "train")  # neither Data nor Model is drawn: the Train tab reads the settings from the session
    assert (at.session_state["gan_hp_iterations"], at.session_state["gan_source"]) == (345, "folder")
    at.switch_page("app_pages/home.py")
    at.run()
    assert not at.exception
    at.switch_page("app_pages/gan.py")
    at.run()
    assert not at.exception
    _open(at, "model")
    assert at.number_input(key="gan_hp_iterations").value == 345
    assert at.select_slider(key="gan_hp_g_width").value == 8
    assert at.select_slider(key="gan_hp_d_width").value == config.DEFAULT.d_width  # untouched: the default
    _open(at, "data")
    assert at.segmented_control(key="gan_source").value == "folder"
    assert at.text_input(key="gan_folder").value == "/my/pictures"


def _data_defaults(at: AppTest) -> tuple:
    return tuple(at.session_state[key] for key in ("gan_builtin", "gan_size", "gan_channels"))


def test_the_data_defaults_follow_the_variant_picked_on_home():
    at = _gan_page("en")
    assert _data_defaults(at) == ("shapes", 32, 1)
    at.segmented_control(key="gan_size").set_value(64).run()  # the student's own choice stays...
    _open(at, "model")
    assert at.session_state["gan_size"] == 64
    at.session_state["variant"] = 6  # ...until another variant is picked: handwritten digits, 28 px gray
    at.run()
    assert not at.exception
    assert _data_defaults(at) == ("digits", 28, 1)
    assert at.select_slider(key="gan_hp_depth").value == config.max_depth(28)
    _open(at, "data")
    assert at.radio(key="gan_builtin").value == "digits"
    assert at.segmented_control(key="gan_size").value == 28


def test_a_missing_folder_gives_a_message_not_a_traceback():
    at = _gan_page("uk")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input("/no/such/folder").run()
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert at.error and "/no/such/folder" in at.error[0].value
    assert "gan_data" not in at.session_state


def test_kaggle_offline_says_so_and_never_shows_the_key():
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("kaggle").run()
    assert "andrewmvd/animal-faces" not in " ".join(m.value for m in at.markdown)  # variant 1's set
    assert "dineshpiyasamara/geometric-shapes-dataset" in " ".join(m.value for m in at.markdown)
    at.text_input(key="gan_kaggle_user").input("student").run()
    at.text_input(key="gan_kaggle_key").input("secret-key-123").run()
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert at.error  # Kaggle is out of reach here: a message, not a traceback
    shown = " ".join(e.value for e in [*at.error, *at.markdown, *at.caption, *at.success])
    assert "secret-key-123" not in shown
    assert "gan_data" not in at.session_state


def test_builtin_shapes_load_with_classes_and_a_preview():
    at = _gan_page("en")
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert "3000 images of 32×32 px (Gray) · built-in shapes" in at.success[0].value
    assert "circle, square, triangle" in " ".join(m.value for m in at.markdown)
    assert at.get("image")  # the preview grid
    _open(at, "train")
    assert not at.button(key="gan_start").disabled


def test_builtin_shapes_are_named_in_ukrainian():
    at = _gan_page("uk")
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert at.success[0].value.endswith("· вбудовані геометричні фігури")
    assert "коло, квадрат, трикутник" in " ".join(m.value for m in at.markdown)


def test_skipped_and_converted_files_are_named_not_coded(tmp_path):
    """A folder with class subfolders, a loose image, a text file and a palette image."""
    shapes = data.load_builtin("shapes", 32, 1, count=4)
    for i, image in enumerate(shapes.images):
        folder = tmp_path / "set" / ("circle", "square")[i % 2]
        folder.mkdir(parents=True, exist_ok=True)
        data.to_pil_grid(image, padding=0).save(folder / f"{i}.png")
    Image.new("P", (32, 32), 3).save(tmp_path / "set" / "circle" / "palette.png")
    data.to_pil_grid(shapes.images[0], padding=0).save(tmp_path / "set" / "loose.png")
    (tmp_path / "set" / "square" / "notes.txt").write_text("not a picture")

    at = _gan_page("uk")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input(str(tmp_path / "set")).run()
    at.button(key="gan_load").click().run()
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    for key in ("gan.data.skipped.no_class", "gan.data.skipped.not_image", "gan.data.converted.palette"):
        assert f"{i18n.t(key, 'uk')}: 1" in captions, (key, captions)
    for code in ("no_class", "not_image", "palette"):
        assert code not in captions
    assert at.success[0].value.endswith("· папка set")
    assert "circle, square" in " ".join(m.value for m in at.markdown)  # folder names stay as they are


def _finished_run(collapse: dict) -> str:
    """A run that trained 40 steps and whose newest mode-collapse measurement is ``collapse``."""
    cfg = config.GanConfig(g_width=8, d_width=8, iterations=40)
    run_id = runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 300}, owner=ME.owner)
    status = {"status": "done", "step": 40, "seconds": 3.0, "last_collapse": {"step": 40, **collapse}}
    (cache_dir("runs", run_id) / "status.json").write_text(json.dumps(status))
    return run_id


def _train_tab_of(run_id: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, variant="1", run=run_id)
    at.run()
    at.switch_page("app_pages/gan.py")
    return at.run()


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_train_tab_warns_of_collapse_and_leads_to_its_tab(lang):
    run_id = _finished_run({"diversity": 0.12, "collapsed": True})
    at = _train_tab_of(run_id, lang)
    assert not at.exception
    assert at.session_state["gan_tab"] == i18n.t("gan.tab.train", lang)  # the URL's run opens Train
    tab = i18n.t("gan.tab.collapse", lang)
    expected = i18n.t("gan.train.collapsed", lang, step=40, tab=tab)
    assert [w.value for w in at.warning] == [expected]
    at.button(key="gan_to_collapse").click().run()
    assert not at.exception
    assert at.session_state["gan_tab"] == tab
    assert i18n.t("gan.collapse.what", lang) in [m.value for m in at.markdown]  # its content is drawn


def test_train_tab_says_nothing_of_collapse_when_there_is_none():
    at = _train_tab_of(_finished_run({"diversity": 0.9, "collapsed": False}), "en")
    assert not at.exception and not at.warning
    assert "gan_to_collapse" not in [button.key for button in at.button]


def _image_folder(folder: Path, count: int) -> Path:
    """A flat folder of PNGs (so unlabelled), drawn from the built-in shapes."""
    shapes = data.load_builtin("shapes", 32, 1, count=count)
    folder.mkdir()
    for i, image in enumerate(shapes.images):
        data.to_pil_grid(image, padding=0).save(folder / f"shape_{i:03d}.png")
    return folder


def test_tiny_run_from_a_folder_to_runs_samples_and_collapse(tmp_path, stop_runs):
    folder = _image_folder(tmp_path / "my images", 48)
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input(str(folder)).run()
    at.button(key="gan_load").click().run()
    assert not at.exception and not at.error
    assert "Loaded 48 images of 32×32 px" in at.success[0].value
    assert any("No classes" in c.value for c in at.caption)  # a flat folder is unlabelled

    for key, value in TINY.items():
        at.session_state[key] = value
    _open(at, "train")
    at.button(key="gan_start").click().run()
    assert not at.exception and not at.error
    run_id = at.query_params["run"]
    run_id = run_id[0] if isinstance(run_id, list) else run_id
    deadline = time.time() + 90
    while runs.run_info(run_id).status == "running" and time.time() < deadline:
        time.sleep(0.5)
    info = runs.run_info(run_id)
    assert info.status == "done" and info.step == TINY["gan_hp_iterations"], info

    at.run()  # the page re-attaches to the finished run through the URL
    assert not at.exception
    assert any(s.value.startswith("Done in") for s in at.success)
    assert len(at.get("plotly_chart")) == 2  # losses; D(x) and D(G(z))
    assert at.get("image")  # the latest sample grid

    _open(at, "runs")
    table = at.dataframe[0].value
    assert len(table) == 1
    assert table["State"][0] == "done" and table["Iterations"][0] == "40/40"
    assert table["Data"][0] == "folder my images (48)" and table["Depth"][0] == 3
    assert table["m"][0] == 16 and table["Diversity"][0] > 0

    _open(at, "sample")
    assert not at.exception and not at.error
    assert len(at.get("image")) == 3  # grid, linear and spherical strips
    assert len(at.get("download_button")) == 3
    grid = at.get("image")[0].value
    at.number_input(key="gan_sample_seed").set_value(7).run()
    assert "seed 7" in at.get("image")[0].captions[0]
    assert at.get("image")[0].value != grid  # other noise, other pictures

    _open(at, "collapse")
    assert not at.exception and not at.error
    assert at.warning or at.success  # the verdict, whichever it is
    assert len(at.get("plotly_chart")) == 1  # diversity; no classes to count in a flat folder
    assert any("without classes" in i.value for i in at.info)
