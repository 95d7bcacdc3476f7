"""AppTest smoke tests of the router and the home page."""

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from services.common.owners import Actor

ME = Actor("e" * 32)  # the student of these tests

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    return at.run()


def test_home_renders_in_both_languages():
    for lang, title in (("uk", "лабораторія"), ("en", "workbench")):
        at = _app(lang=lang)
        assert not at.exception
        assert title in at.title[0].value


def test_picking_a_variant_carries_it_to_the_sidebar_and_url():
    at = _app(lang="en")
    at.selectbox(key="home_variant").set_value(7).run()
    assert not at.exception
    assert at.session_state.variant == 7
    assert at.query_params["variant"] in ("7", ["7"])
    # a reload with that URL keeps the variant (AppTest loses the sidebar on reruns under
    # st.navigation, so the sidebar is checked on a fresh run)
    again = _app(lang="en", variant="7")
    assert any("Your variant: 7" in c.value for c in again.sidebar.caption)


def test_variant_and_language_come_from_the_url():
    at = _app(lang="en", variant="3")
    assert at.session_state.variant == 3 and at.session_state.lang == "en"
    at = _app(variant="99")  # nonsense falls back to variant 1, not a crash
    assert not at.exception and at.session_state.variant == 1


def test_language_switch_changes_the_text():
    at = _app(lang="en")
    at.sidebar.button_group[0].set_value("uk").run()
    assert not at.exception
    assert "лабораторія" in at.title[0].value


def test_the_server_resumes_gan_runs_that_a_restart_interrupted(tmp_path, monkeypatch):
    """A run left "running" by a server that died goes on as soon as `streamlit run app.py` starts
    again, before anybody opens a page (its ASGI start-up hook)."""
    from services.gan import runs
    from services.gan.config import GanConfig
    from tests.conftest import serve_app

    monkeypatch.setenv("GENLAB_CACHE", str(tmp_path))  # the run is written where the server will look
    cfg = GanConfig(size=28, latent=8, g_width=8, d_width=8, batch=16, iterations=5)
    run_id = runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 64}, owner=ME.owner)
    runs._update_status(run_id, status="running")  # what the dead server left behind
    with serve_app(tmp_path):
        deadline = time.time() + 120
        while runs._read_status(run_id).get("status") != "done" and time.time() < deadline:
            time.sleep(0.5)
    status = runs._read_status(run_id)
    assert status["status"] == "done" and status["step"] == 5, status


def test_home_says_a_variant_is_saved_only_once_one_is_picked():
    at = _app(lang="en")
    assert not at.success and "Variant 1 applies for now" in at.info[0].value
    at.selectbox(key="home_variant").set_value(4).run()
    assert at.success[0].value.startswith("Variant 4 saved")
    linked = _app(lang="en", variant="7")  # a link that names the variant has picked it
    assert linked.success[0].value.startswith("Variant 7 saved")


def test_the_server_warms_the_first_page_view_without_a_session():
    """app.py runs this in a thread as the server starts, outside any page view."""
    import sys

    from ui import router

    router.warm_up()
    assert "streamlit.emojis" in sys.modules and "PIL.PngImagePlugin" in sys.modules
