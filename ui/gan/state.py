"""What Lab 1 keeps in the session beyond its widgets' own values.

Every settings widget keeps its value itself (``persist_state="session"``). Left here is what
no widget can do alone: the data choices and the Model tab's settings that start from the
variant picked on Home (and start again when another is picked), the depth that starts at the
deepest network for the data's size (and again when the size changes), the config the Model
tab's choices make, and the run on screen.
"""

import streamlit as st

from services.common.errors import UserError
from services.gan import config, runs
from ui.session import tr, variant

RUN_PARAM = "run"  # the run on screen, in the URL so a reload re-attaches to it


def follow_variant_and_size() -> None:
    """Set the defaults that follow the variant and the size; call before the tabs are drawn."""
    state = st.session_state
    current = variant()
    if state.get("gan_for_variant") != current.number:
        state.gan_builtin = current.builtin or "shapes"
        state.gan_size = current.size
        state.gan_channels = current.channels
        apply_defaults()
        state.gan_for_variant = current.number
    size = data_format()[0]
    if state.get("gan_depth_for_size") != size:
        state.gan_hp_depth = config.max_depth(size)
        state.gan_depth_for_size = size


def apply_defaults() -> None:
    """The Model tab's settings as the variant starts them (also its button's callback)."""
    for name, value in config.defaults_for(variant()).items():
        st.session_state[f"gan_hp_{name}"] = value if name != "depth" else config.max_depth(data_format()[0])


def data_format() -> tuple[int, int]:
    """Size and channels of the loaded data, or of the format picked in Data before loading."""
    summary = st.session_state.get("gan_data")
    if summary:
        return summary["size"], summary["channels"]
    return st.session_state.gan_size, st.session_state.gan_channels


def current_config() -> config.GanConfig:
    """The Model tab's choices (the variant's defaults until changed) for the data's format."""
    defaults = config.defaults_for(variant())
    choices = {
        name: st.session_state.get(f"gan_hp_{name}", defaults[name]) for name in config.HYPERPARAMETERS
    }
    return config.for_data(*data_format(), choices)


# --- the run on screen ------------------------------------------------------------------------------


def current_run() -> str | None:
    """The run in the URL (or picked earlier in this session); a stale id is dropped."""
    run_id = st.query_params.get(RUN_PARAM) or st.session_state.get("gan_run")
    if not run_id:
        return None
    try:
        runs.run_info(run_id)
    except UserError:
        forget_run(run_id)
        return None
    open_run(run_id)
    return run_id


def open_run(run_id: str) -> None:
    st.session_state.gan_run = run_id
    st.query_params[RUN_PARAM] = run_id


def forget_run(run_id: str) -> None:
    """No run on screen any more, if ``run_id`` was it (deleted, or gone from the cache)."""
    if run_id in (st.session_state.get("gan_run"), st.query_params.get(RUN_PARAM)):
        st.session_state.pop("gan_run", None)
        st.query_params.pop(RUN_PARAM, None)


def pick_run(key: str) -> runs.RunInfo | None:
    """A run that has trained, the one on screen first (Sample and Mode collapse)."""
    trained = [info for info in runs.list_runs() if info.step > 0]
    if not trained:
        st.info(tr("gan.sample.need_run"), icon=":material/info:")
        return None
    ids = [info.id for info in trained]
    chosen = st.session_state.get("gan_run")
    index = ids.index(chosen) if chosen in ids else 0
    titles = {info.id: f"{info.title} · {info.step}/{info.iterations}" for info in trained}
    run_id = st.selectbox(tr("gan.sample.run"), ids, index=index, format_func=titles.get, key=key)
    return trained[ids.index(run_id)]
