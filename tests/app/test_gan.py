"""AppTest tests of the Lab 1 page: every tab renders in both languages; settings survive tabs and
pages; loads that fail say so; runs are checked before they exist, named, timed and judged
honestly; and a tiny run goes from data through training to the runs table, samples and
collapse measures, in English and in Ukrainian without stray English."""

import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import i18n
from services.common import jobs, variants
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import collapse, config, data, runs
from ui.safe_text import escaped

ME = Actor("e" * 32)  # the student of these tests

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TABS = ("data", "model", "train", "runs", "sample", "collapse", "questions", "report")
TINY = {"gan_hp_iterations": 40, "gan_hp_g_width": 8, "gan_hp_d_width": 8, "gan_hp_batch": 16}


def _gan_page(lang: str, variant: int = 1) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, variant=str(variant))
    at.run()
    at.switch_page("app_pages/gan.py")
    return at.run()


def _open(at: AppTest, tab: str, lang: str = "en") -> AppTest:
    at.session_state["gan_tab"] = i18n.t(f"gan.tab.{tab}", lang)
    return at.run()


def _texts(elements) -> str:
    return " ".join(e.value for e in elements)


def _in_tab(at: AppTest, kind: str) -> list:
    """The elements of a kind in the open tab, not the sidebar's."""
    found = []

    def visit(node) -> None:
        if getattr(node, "type", None) == kind:
            found.append(node)
        for child in getattr(node, "children", {}).values():
            visit(child)

    for tab in at.tabs:
        visit(tab)
    return found


class Tab:
    """What the open tab shows, by kind (``Tab(at).success``), without the sidebar's."""

    def __init__(self, at: AppTest):
        self.at = at

    def __getattr__(self, kind: str) -> list:
        return _in_tab(self.at, kind)


def _charts(at: AppTest) -> list[str]:
    """The keys of Lab 1's own charts on the page (the control questions tab draws others)."""
    return [chart.key for chart in at.get("plotly_chart") if chart.key.startswith("gan_chart")]


@pytest.fixture(autouse=True)
def data_root(tmp_path, monkeypatch):
    """The test's own folder is where "Local folder" may read (services/common/server_paths.py)."""
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path))
    return tmp_path


@pytest.fixture
def stop_runs():
    """Training threads outlive a test: stop the ones it started."""
    yield
    for job in jobs.find(runs.JOB_KIND, active_only=True):
        job.cancel()
        job.wait(30)


@pytest.fixture
def kaggle_cache(tmp_path, monkeypatch):
    """kagglehub's cache, holding a complete download of variant 1's dataset: class folders of shapes."""
    cache = tmp_path / "kagglehub"
    monkeypatch.setenv("KAGGLEHUB_CACHE", str(cache))
    slug = variants.get(1).kaggle
    folder = cache / "datasets" / slug / "versions" / "2"
    shapes = data.load_builtin("shapes", 32, 1, count=120)
    for i, (image, label) in enumerate(zip(shapes.images, shapes.labels, strict=True)):
        (folder / "shapes" / data.SHAPES[label]).mkdir(parents=True, exist_ok=True)
        data.to_pil_grid(image, padding=0).save(folder / "shapes" / data.SHAPES[label] / f"{i}.png")
    (cache / "datasets" / slug / "2.complete").touch()
    return cache


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
    assert len(_in_tab(at, "dataframe")) == 2
    generator = _in_tab(at, "dataframe")[0].value
    assert generator.iloc[0, 0] == "Input" and "Tanh" in generator.iloc[-1, 0]
    assert generator.iloc[-1, 1] == "1 × 32 × 32"  # variant 1: 32 px gray
    assert "ConvTranspose2d" in " ".join(generator.iloc[:, 0])
    assert "Conv2d" in " ".join(_in_tab(at, "dataframe")[1].value.iloc[:, 0])
    at.select_slider(key="gan_hp_g_width").set_value(8).run()
    small = _in_tab(at, "dataframe")[0].value.iloc[:, 2].sum()
    at.select_slider(key="gan_hp_g_width").set_value(64).run()
    assert _in_tab(at, "dataframe")[0].value.iloc[:, 2].sum() > small  # wider G, more parameters


def test_parameter_counts_and_rates_read_as_ukrainian():
    at = _open(_gan_page("uk"), "model")
    counts = [c.value for c in Tab(at).caption if re.fullmatch(r"[\d\xa0]+ параметр\w*", c.value)]
    assert len(counts) == 2, [c.value for c in Tab(at).caption]
    for text in counts:  # "166 784 параметри", "1 234 567 параметрів": grouped, and the right form
        n = int(text.rsplit(" ", 1)[0].replace("\xa0", ""))
        assert n > 10_000 and "\xa0" in text
        assert text == i18n.t("gan.model.params", "uk", n=n)
    assert i18n.t("gan.model.params", "uk", n=166_784) == "166\xa0784 параметри"
    assert "2·10⁻⁴" in at.select_slider(key="gan_hp_lr_g").options


def test_depth_changes_the_layer_tables():
    at = _open(_gan_page("en"), "model")
    depth = at.select_slider(key="gan_hp_depth")
    assert depth.options == ["1", "2", "3"] and depth.value == 3  # 32 px: up to 4×4 at the start
    deep_g, deep_d = _in_tab(at, "dataframe")[0].value, _in_tab(at, "dataframe")[1].value
    assert deep_g.iloc[1, 1].endswith("4 × 4")
    depth.set_value(2).run()
    assert not at.exception
    shallow_g, shallow_d = _in_tab(at, "dataframe")[0].value, _in_tab(at, "dataframe")[1].value
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
    assert not at.exception and not Tab(at).error


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
    d_width = config.defaults_for(variants.get(1))["d_width"]
    assert at.select_slider(key="gan_hp_d_width").value == d_width  # untouched: the variant's default
    _open(at, "data")
    assert at.segmented_control(key="gan_source").value == "folder"
    assert at.text_input(key="gan_folder").value == "/my/pictures"


def test_kaggle_source_load_and_iterations_survive_home_and_back(kaggle_cache):
    """The reported path: Kaggle picked and loaded, 2500 iterations set in Model, Home, back."""
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("kaggle").run()
    assert not at.text_input  # downloaded already: no login asked for
    assert i18n.t("gan.data.kaggle_cached", "en", version=2) in _texts(Tab(at).caption)
    at.button(key="gan_load").click().run()
    assert not at.exception and not Tab(at).error
    assert Tab(at).success[0].value.startswith("Loaded 120 images of 32×32 px")
    _open(at, "model")
    at.number_input(key="gan_hp_iterations").set_value(2500).run()
    at.switch_page("app_pages/home.py")
    at.run()
    at.switch_page("app_pages/gan.py")
    at.run()
    assert not at.exception
    _open(at, "model")
    assert at.number_input(key="gan_hp_iterations").value == 2500
    _open(at, "data")
    assert at.segmented_control(key="gan_source").value == "kaggle"
    assert Tab(at).success[0].value.startswith("Loaded 120 images")
    _open(at, "train")
    batch = config.defaults_for(variants.get(1))["batch"]
    assert i18n.t("gan.train.summary", "en", count=120, iterations=2500, batch=batch, k=1) in _texts(
        Tab(at).caption
    )


def _data_defaults(at: AppTest) -> tuple:
    return tuple(at.session_state[key] for key in ("gan_builtin", "gan_size", "gan_channels"))


def test_the_defaults_follow_the_variant_picked_on_home():
    at = _gan_page("en")
    assert _data_defaults(at) == ("shapes", 32, 1)
    for name, value in config.defaults_for(variants.get(1)).items():
        assert at.session_state[f"gan_hp_{name}"] == (config.max_depth(32) if name == "depth" else value), (
            name
        )
    at.segmented_control(key="gan_size").set_value(64).run()  # the student's own choice stays...
    _open(at, "model")
    assert at.session_state["gan_size"] == 64
    at.session_state["variant"] = 6  # ...until another variant is picked: handwritten digits, 28 px gray
    at.run()
    assert not at.exception
    assert _data_defaults(at) == ("digits", 28, 1)
    assert at.select_slider(key="gan_hp_depth").value == config.max_depth(28)
    for name, value in config.defaults_for(variants.get(6)).items():
        assert at.session_state[f"gan_hp_{name}"] == (config.max_depth(28) if name == "depth" else value), (
            name
        )
    at.number_input(key="gan_hp_iterations").set_value(77).run()
    at.button(key="gan_model_defaults").click().run()  # and the button puts them back
    assert (
        at.number_input(key="gan_hp_iterations").value == config.defaults_for(variants.get(6))["iterations"]
    )
    _open(at, "data")
    assert at.radio(key="gan_builtin").value == "digits"
    assert at.segmented_control(key="gan_size").value == 28


def test_folders_outside_the_allowed_roots_and_files_are_told_apart_from_nothing(tmp_path):
    at = _gan_page("uk")
    at.segmented_control(key="gan_source").set_value("folder").run()
    refusal = i18n.t("common.path_unavailable", "uk", roots=str(tmp_path.resolve()))
    for path in ("/no/such/folder", "/etc", str(tmp_path / "missing")):
        at.text_input(key="gan_folder").input(path).run()
        at.button(key="gan_load").click().run()
        assert not at.exception
        assert [e.value.replace("\\", "") for e in Tab(at).error] == [refusal], (
            path
        )  # the same, whatever is there
    (tmp_path / "shapes.png").write_bytes(b"a file, not a folder")
    at.text_input(key="gan_folder").input(str(tmp_path / "shapes.png")).run()
    at.button(key="gan_load").click().run()
    assert [e.value.replace("\\", "") for e in Tab(at).error] == [
        i18n.t("common.path_is_file", "uk", name="shapes.png")
    ]
    assert "gan_data" not in at.session_state


def test_a_failed_load_is_shown_as_a_failure_not_under_the_old_success():
    at = _gan_page("en")
    at.button(key="gan_load").click().run()
    assert Tab(at).success and not Tab(at).error
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input("/no/such/folder").run()
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert Tab(at).error and not Tab(at).success  # no green "Loaded" box under the new error
    kept = i18n.t("gan.data.kept", "en", count=3000, size=32, source="built\\-in shapes")
    assert [i.value for i in Tab(at).info] == [kept]
    _open(at, "train")
    _open(at, "data")
    assert Tab(at).error and not Tab(at).success  # still the outcome of the last load
    at.segmented_control(key="gan_source").set_value("builtin").run()
    at.button(key="gan_load").click().run()
    assert Tab(at).success and not Tab(at).error


def test_kaggle_offline_says_so_and_never_shows_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("KAGGLEHUB_CACHE", str(tmp_path / "empty-kagglehub"))
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("kaggle").run()
    assert "andrewmvd/animal-faces" not in _texts(Tab(at).markdown)  # variant 1's set
    assert "dineshpiyasamara/geometric-shapes-dataset" in _texts(Tab(at).markdown)
    at.text_input(key="gan_kaggle_user").input("student").run()
    at.text_input(key="gan_kaggle_key").input("secret-key-123").run()
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert Tab(at).error  # Kaggle is out of reach here: a message, not a traceback
    shown = _texts([*Tab(at).error, *Tab(at).markdown, *Tab(at).caption, *Tab(at).success])
    assert "secret-key-123" not in shown
    assert "gan_data" not in at.session_state


def _fashion_csv(rows: int) -> bytes:
    header = "label," + ",".join(f"pixel{i}" for i in range(1, 785))
    lines = [f"{i % 10}," + ",".join(str((i * 7 + j) % 256) for j in range(784)) for i in range(rows)]
    return ("\n".join([header, *lines]) + "\n").encode()


def test_fashion_mnist_garments_are_named_in_ukrainian(tmp_path, monkeypatch):
    cache = tmp_path / "kagglehub"
    monkeypatch.setenv("KAGGLEHUB_CACHE", str(cache))
    slug = variants.get(3).kaggle
    (cache / "datasets" / slug / "versions" / "1").mkdir(parents=True)
    (cache / "datasets" / slug / "versions" / "1" / "fashion-mnist_train.csv").write_bytes(_fashion_csv(30))
    (cache / "datasets" / slug / "1.complete").touch()
    at = _gan_page("uk", variant=3)
    at.segmented_control(key="gan_source").set_value("kaggle").run()
    at.button(key="gan_load").click().run()
    assert not at.exception and not Tab(at).error
    classes = _texts(Tab(at).markdown)
    assert "футболка/топ, штани, светр, сукня, пальто, сандалі, сорочка, кросівки, сумка, черевики" in classes
    assert "Trouser" not in classes and "trouser" not in classes


def _zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in entries.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def _png_of(image) -> bytes:
    buffer = io.BytesIO()
    data.to_pil_grid(image, padding=0).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_upload_goes_to_the_cache_and_a_zip_in_the_zip_is_named(isolated_cache):
    shapes = data.load_builtin("shapes", 32, 1, count=4)
    inner = _zip_of({f"{i}.png": _png_of(image) for i, image in enumerate(shapes.images)})
    at = _gan_page("uk")
    at.segmented_control(key="gan_source").set_value("zip").run()
    at.file_uploader(key="gan_zip_upload_0").set_value(
        ("пакунок.zip", _zip_of({"photos.zip": inner}), "application/zip")
    )
    at.run()
    assert not at.exception
    kept = at.session_state["gan_zip_file"]  # a path in the cache, not the bytes
    assert Path(kept["path"]).parent == isolated_cache / "datasets" / "uploads"
    assert kept["name"] == "пакунок.zip" and not any(isinstance(v, bytes) for v in kept.values())
    assert not any(isinstance(at.session_state[k], bytes) for k in at.session_state)
    assert at.file_uploader(key="gan_zip_upload_1").value is None  # a fresh uploader: nothing held
    at.button(key="gan_load").click().run()
    expected = i18n.t("gan.data.nested_archive", "uk", source="пакунок.zip", archives=1)
    assert [e.value.replace("\\", "") for e in Tab(at).error] == [expected]
    assert "файлів пропущено" not in expected and "files" not in expected


def test_builtin_shapes_load_with_classes_and_a_preview():
    at = _gan_page("en")
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert "3,000 images of 32×32 px (gray) · built\\-in shapes" in Tab(at).success[0].value
    assert "circle, square, triangle" in _texts(Tab(at).markdown)
    assert _in_tab(at, "image")  # the preview grid
    _open(at, "train")
    assert not at.button(key="gan_start").disabled


def test_builtin_shapes_are_named_in_ukrainian():
    at = _gan_page("uk")
    at.button(key="gan_load").click().run()
    assert not at.exception
    assert Tab(at).success[0].value.startswith("Завантажено 3\xa0000 зображень 32×32 px (сірі)")
    assert Tab(at).success[0].value.endswith("· вбудовані геометричні фігури")
    assert "коло, квадрат, трикутник" in _texts(Tab(at).markdown)


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
    assert not at.exception and not Tab(at).error
    captions = _texts(Tab(at).caption)
    for key in ("gan.data.skipped.no_class", "gan.data.skipped.not_image", "gan.data.converted.palette"):
        assert f"{i18n.t(key, 'uk')}: 1" in captions, (key, captions)
    for code in ("no_class", "not_image", "palette"):
        assert code not in captions
    assert Tab(at).success[0].value.endswith("· папка set")
    assert "circle, square" in _texts(Tab(at).markdown)  # folder names stay as they are


def test_class_folder_names_are_shown_as_text(tmp_path):
    """A folder named like Markdown for an image: the page shows the characters, loads nothing."""
    shapes = data.load_builtin("shapes", 32, 1, count=4)
    for i, image in enumerate(shapes.images):
        folder = tmp_path / "set" / ("![x](http:127.0.0.1:9?x.png)", "plain")[i % 2]
        folder.mkdir(parents=True, exist_ok=True)
        data.to_pil_grid(image, padding=0).save(folder / f"{i}.png")
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input(str(tmp_path / "set")).run()
    at.button(key="gan_load").click().run()
    assert not at.exception and not Tab(at).error
    classes = next(m.value for m in Tab(at).markdown if m.value.startswith("Classes"))
    assert "\\!\\[x\\]\\(http\\:127\\.0\\.0\\.1\\:9?x\\.png\\)" in classes  # escaped: no image, no link


def test_a_minibatch_larger_than_the_data_is_refused_before_a_run_exists(tmp_path):
    _image_folder(tmp_path / "few", 20)
    at = _gan_page("uk")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input(str(tmp_path / "few")).run()
    at.button(key="gan_load").click().run()
    _open(at, "train", "uk")
    assert [e.value for e in Tab(at).error] == [i18n.t("gan.data.too_few", "uk", count=20, batch=64)]
    assert at.button(key="gan_start").disabled
    assert runs.list_runs() == []


def _finished_run(collapse: dict | None = None, seconds: float = 3.0, **status) -> str:
    """A run that trained 40 steps and whose newest mode-collapse measurement is ``collapse``."""
    cfg = config.GanConfig(g_width=8, d_width=8, iterations=40)
    run_id = runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 300}, owner=ME.owner)
    status = {"status": "done", "step": 40, "seconds": seconds, **status}
    if collapse is not None:
        status["last_collapse"] = {"step": 40, **collapse}
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
    assert [w.value for w in Tab(at).warning] == [expected]
    at.button(key="gan_to_collapse").click().run()
    assert not at.exception
    assert at.session_state["gan_tab"] == tab
    assert i18n.t("gan.collapse.what", lang) in [m.value for m in Tab(at).markdown]  # its content is drawn


def test_train_tab_says_nothing_of_collapse_when_there_is_none():
    at = _train_tab_of(_finished_run({"diversity": 0.9, "collapsed": False}), "en")
    assert not at.exception and not Tab(at).warning
    assert "gan_to_collapse" not in [button.key for button in at.button]


def test_an_early_measurement_is_not_called_collapse():
    run_id = _finished_run({"diversity": 0.05, "collapsed": None, "modes_covered": 1, "n_classes": 3})
    with open(cache_dir("runs", run_id) / "metrics.jsonl", "w") as f:
        f.write(json.dumps({"step": 40, "loss_d": 1.0, "loss_g": 1.0, "d_real": 0.5, "d_fake": 0.5,
                            "diversity": 0.05, "collapsed": None, "modes_covered": 1, "n_classes": 3,
                            "kl": 1.2, "histogram": [300, 0, 0]}) + "\n")  # fmt: skip
    at = _train_tab_of(run_id, "uk")
    assert not at.exception and not Tab(at).warning
    _open(at, "collapse", "uk")
    assert not Tab(at).warning and not Tab(at).success
    assert [i.value for i in Tab(at).info] == [
        i18n.t("gan.collapse.not_judged", "uk", step=40, first=collapse.JUDGED_FROM)
    ]


def test_one_time_is_shown_for_a_resumed_run_and_said_what_it_is():
    """Trained 152 s over two sessions: the page says that, and no other time beside it."""
    run_id = _finished_run(seconds=152.0, images_per_s=812.4)
    at = _train_tab_of(run_id, "uk")
    assert not at.exception
    assert [s.value for s in Tab(at).success] == [i18n.t("gan.train.done", "uk", step=40, seconds=152.0)]
    assert "2 хв 32 с" in Tab(at).success[0].value and "Готово за" not in _texts(Tab(at).success)
    assert i18n.t("gan.train.speed", "uk", speed=812) in _texts(Tab(at).caption)
    assert "812,4" not in _texts(Tab(at).caption)


def test_a_run_that_failed_for_good_offers_neither_resume_nor_more_iterations():
    error = {"key": "gan.data.too_few", "params": {"count": 10, "batch": 16}}
    run_id = _finished_run(status="failed", step=0, error=error)
    at = _train_tab_of(run_id, "en")
    assert not at.exception
    assert [e.value for e in Tab(at).error] == [i18n.t("gan.data.too_few", "en", count=10, batch=16)]
    keys = [button.key for button in at.button]
    assert "gan_resume" not in keys and "gan_extend_go" not in keys
    _open(at, "runs")
    table = _in_tab(at, "dataframe")[0].value
    row = table.iloc[0]
    assert row["State"] == "failed"
    for column in ("D loss", "G loss", "Diversity", "Modes covered", "KL", "img/s", "Training time"):
        assert row[column] == "—", column  # unknown, never "None"
    assert "None" not in table.astype(str).to_numpy().ravel().tolist()


def _image_folder(folder: Path, count: int) -> Path:
    """A flat folder of PNGs (so unlabelled), drawn from the built-in shapes."""
    shapes = data.load_builtin("shapes", 32, 1, count=count)
    folder.mkdir()
    for i, image in enumerate(shapes.images):
        data.to_pil_grid(image, padding=0).save(folder / f"shape_{i:03d}.png")
    return folder


def _train_tiny(at: AppTest, lang: str = "en") -> str:
    """Start a tiny run on the loaded data from the Train tab and wait for its end; its id."""
    for key, value in TINY.items():
        at.session_state[key] = value
    _open(at, "train", lang)
    at.button(key="gan_start").click().run()
    assert not at.exception and not Tab(at).error
    run_id = at.query_params["run"]
    run_id = run_id[0] if isinstance(run_id, list) else run_id
    deadline = time.time() + 300  # a busy CPU: the class probe alone may take a minute
    while runs.run_info(run_id).status == "running" and time.time() < deadline:
        time.sleep(0.5)
    info = runs.run_info(run_id)
    assert info.status == "done" and info.step == TINY["gan_hp_iterations"], info
    return run_id


def test_tiny_run_from_a_folder_to_runs_samples_and_collapse(tmp_path, stop_runs):
    folder = _image_folder(tmp_path / "my images", 48)
    at = _gan_page("en")
    at.segmented_control(key="gan_source").set_value("folder").run()
    at.text_input(key="gan_folder").input(str(folder)).run()
    at.button(key="gan_load").click().run()
    assert not at.exception and not Tab(at).error
    assert "Loaded 48 images of 32×32 px" in Tab(at).success[0].value
    assert any("No classes" in c.value for c in Tab(at).caption)  # a flat folder is unlabelled

    _open(at, "model")
    for key, value in TINY.items():
        at.session_state[key] = value
    _open(at, "train")
    estimate = next(c.value for c in Tab(at).caption if c.value.startswith("Training will take ≈"))
    assert "on this machine" in estimate and "img/s" in estimate  # said before the run starts
    run_id = _train_tiny(at)

    at.run()  # the page re-attaches to the finished run through the URL
    assert not at.exception
    info = runs.run_info(run_id)
    assert re.fullmatch(
        r"my images · 32 px · 40 it\. · \d\d\.\d\d \d\d:\d\d:\d\d", info.title
    )  # told apart by time
    assert Tab(at).subheader[0].value == f"Run {escaped(info.title)}"
    assert [s.value for s in Tab(at).success] == [
        i18n.t("gan.train.done", "en", step=40, seconds=info.seconds)
    ]
    assert _charts(at) == ["gan_chart_loss", "gan_chart_probs"]  # losses; D(x) and D(G(z))
    assert _in_tab(at, "image")  # the latest sample grid

    at.text_input(key="gan_run_name").input("my first GAN").run()  # the student names the next run
    at.button(key="gan_start").click().run()
    named = at.query_params["run"]
    named = named[0] if isinstance(named, list) else named
    for job in jobs.find(runs.JOB_KIND, named):
        job.cancel()
        job.wait(60)
    at.run()
    assert Tab(at).subheader[0].value == "Run my first GAN"
    assert at.text_input(key="gan_run_name").value == ""  # the name went to that run: the next needs its own

    _open(at, "runs")
    table = _in_tab(at, "dataframe")[0].value
    assert list(table["Run"]) == ["my first GAN", info.title]
    row = table.iloc[1]
    assert row["State"] == "done" and row["Iterations"] == "40/40"
    assert row["Data"] == "folder my images (48)" and row["Depth"] == 3
    assert row["m"] == 16 and float(row["Diversity"]) > 0 and row["lr G"] == "2·10⁻⁴"

    _open(at, "sample")
    at.selectbox(key="gan_sample_run").set_value(run_id).run()
    assert not at.exception and not Tab(at).error
    assert len(_in_tab(at, "image")) == 3  # grid, linear and spherical strips
    assert len(_in_tab(at, "download_button")) == 3
    grid = _in_tab(at, "image")[0].value
    at.number_input(key="gan_sample_seed").set_value(7).run()
    assert "seed 7" in _in_tab(at, "image")[0].captions[0]
    assert _in_tab(at, "image")[0].value != grid  # other noise, other pictures

    _open(at, "collapse")
    at.selectbox(key="gan_collapse_run").set_value(run_id).run()
    assert not at.exception and not Tab(at).error
    too_early = i18n.t("gan.collapse.not_judged", "en", step=40, first=collapse.JUDGED_FROM)
    assert too_early in _texts(Tab(at).info)  # 40 iterations: no verdict yet
    assert _charts(at) == ["gan_chart_diversity"]  # no classes to count in a flat folder
    assert any("without classes" in i.value for i in Tab(at).info)


# Latin words a Ukrainian page may hold: names, units and symbols Ukrainian writes in Latin, and code
LATIN_ALLOWED = {
    "GAN", "DCGAN", "G", "D", "z", "x", "k", "m", "px", "RGB", "ZIP", "PNG", "JPG", "BMP", "GIF",
    "WEBP", "TIFF", "CSV", "IDX", "ubyte", "MNIST", "Fashion-MNIST", "Kaggle", "API", "Adam", "KL",
    "lr", "GenLab", "scikit-learn", "CPU", "GPU", "slerp", "Tanh", "ReLU", "LeakyReLU", "BatchNorm2d",
    "Conv2d", "ConvTranspose2d", "stride", "Settings", "Create", "New", "Token", "A", "B", "log", "p",
    "PDF", "DOCX", "English",
}  # fmt: skip
# widgets whose value is an option's code: what they show is in their (formatted) options
CHOICES = {"selectbox", "radio", "select_slider", "segmented_control", "multiselect", "button_group"}


def _visible(at: AppTest) -> list[str]:
    """Every text of the open tab a student reads: labels, values, options, table cells and headers,
    chart titles, axes and legends."""
    texts = []

    def visit(node) -> None:
        shown = ("label", "body", "placeholder", "help", "options", "captions")
        if getattr(node, "type", None) not in CHOICES | {"image"}:  # an image's value is its URL
            shown += ("value",)
        for attribute in shown:
            value = getattr(node, attribute, None)
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                texts.extend(value)
            elif hasattr(value, "columns") and hasattr(value, "to_numpy"):  # a table
                texts.extend(str(c) for c in value.columns)
                texts.extend(str(v) for v in value.to_numpy().ravel())
        if getattr(node, "type", None) == "plotly_chart":
            for text in re.findall(r'"(?:text|name)":\s*"((?:[^"\\]|\\.)*)"', node.proto.spec):
                texts.append(re.sub(r"<[^>]+>", " ", json.loads(f'"{text}"')))  # markup is no word
        for child in getattr(node, "children", {}).values():
            visit(child)

    for tab in at.tabs:  # only the open one holds anything
        visit(tab)
    return texts


def _latin_words(text: str) -> set[str]:
    text = re.sub(r"\$[^$]*\$|`[^`]*`", " ", text)  # formulas and code
    return {w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*", text) if w not in LATIN_ALLOWED}


def test_every_tab_reads_as_ukrainian_with_data_and_a_run(tmp_path, stop_runs):
    at = _gan_page("uk")
    at.number_input(key="gan_limit").set_value(300).run()
    at.button(key="gan_load").click().run()
    _train_tiny(at, lang="uk")
    at.run()
    found = {}
    for name in TABS:
        _open(at, name, "uk")
        assert not at.exception, name
        for text in _visible(at):
            for word in _latin_words(text):
                found.setdefault(word, text[:120])
    assert not found, "\n".join(f"{w!r}: {t!r}" for w, t in sorted(found.items()))


# --- control questions --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_questions_before_any_run_show_the_untrained_networks_and_offer_a_first_run(lang):
    at = _open(_gan_page(lang), "questions", lang)
    assert not at.exception and not Tab(at).error
    assert at.button(key="gan_qa_first_q1")  # one click to a first run
    assert len(at.get("graphviz_chart")) == 1  # question 1: G and D as a diagram, untrained
    generator, discriminator = (table.value.to_string() for table in at.dataframe[:2])  # their blocks
    assert "ConvTranspose2d" in generator and "Tanh" in generator
    assert "Conv2d" in discriminator and "ConvTranspose2d" not in discriminator
    assert at.number_input(key="gan_qa_seed").value == 0  # question 2's seed


@pytest.mark.usefixtures("stop_runs")
def test_the_questions_answer_on_the_students_run():
    cfg = config.GanConfig(size=32, channels=1, latent=16, g_width=8, d_width=8, batch=16, iterations=20)
    run_id = runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 96}, title="мій", owner=ME.owner)
    job = runs.start(run_id, ME)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    at = _open(_gan_page("en"), "questions")
    assert not at.exception and not Tab(at).error
    assert at.selectbox(key="gan_qa_run").value == run_id  # the answers show the run just trained
    assert "gan_qa_first_q1" not in [b.key for b in at.button]  # no longer offered
    sliders = [s for s in at.select_slider if s.key.startswith("gan_qa_z_0_")]
    assert len(sliders) == 4  # the latent coordinates that change the picture most
    assert "z[" in sliders[0].label
    sliders[0].set_value(2.0).run()  # the labels are the language's ("2.0"), bound when drawn
    assert not at.exception and at.select_slider(key=sliders[0].key).value == 2.0
