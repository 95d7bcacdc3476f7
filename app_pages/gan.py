"""Lab 1: a DCGAN trained by the manual's Algorithm 1 — data, model, live training, runs,
samples and mode collapse, one tab each."""

import io
import os
from datetime import datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from PIL import Image
from streamlit.errors import StreamlitSecretNotFoundError

import i18n
from services.common import compute, jobs
from services.common.errors import UserError
from services.gan import collapse
from services.gan import data as datasets
from services.gan import model as gan
from services.gan import runs as gan_runs
from ui.feedback import show_error
from ui.job_view import progress as job_progress
from ui.session import tr, variant

RUN_PARAM = "run"  # the run on screen, in the URL so a reload re-attaches to it
SOURCES = ("builtin", "kaggle", "zip", "folder")
GRID_WIDTH = 600  # px a sample grid is enlarged to (nearest neighbour), readable on a projector
CHART_HEIGHT = 340
COLOURS = {"loss_d": "#e8590c", "loss_g": "#3b5bdb", "d_real": "#2f9e44", "d_fake": "#c2255c"}
LEARNING_RATES = (1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3)
WIDTHS = (4, 8, 16, 32, 64, 128)
BATCHES = (16, 32, 64, 128, 256)
# what a training job does before its steps move, and the job info each message shows
PHASES = {
    "loading": ("loaded", "to_load"),
    "probe": ("probe_done", "probe_total"),
    "waiting": ("ahead",),
    "saving": (),
}
LEGEND = {"orientation": "h", "y": 1.0, "x": 0, "xanchor": "left", "yanchor": "bottom"}
MARGIN = {"l": 10, "r": 10, "t": 80, "b": 10}

# hyperparameters start at DCGAN's values, with narrower networks so a laptop CPU trains in minutes
DEFAULT = gan.GanConfig(g_width=32, d_width=32, iterations=1000)
HYPERPARAMETERS = ("latent", "g_width", "d_width", "depth", "batch", "iterations", "k", "lr_g", "lr_d")
HYPERPARAMETERS += ("beta1", "beta2", "loss", "label_smoothing", "seed")


def keep_widget_values() -> None:
    """Widgets of a closed tab are not drawn, and Streamlit forgets the values of undrawn
    widgets; writing them back into session state keeps every choice across tabs.

    The data choices start from the variant picked on Home, and start again when another
    variant is picked; the depth starts at the deepest network for the data's size, and
    starts there again when the size changes."""
    state = st.session_state
    current = variant()
    for_variant = {
        "gan_builtin": current.builtin or "shapes",
        "gan_size": current.size,
        "gan_channels": current.channels,
    }
    if state.get("gan_for_variant") != current.number:
        state.update(for_variant)
        state.gan_for_variant = current.number
    defaults = {f"gan_hp_{name}": getattr(DEFAULT, name) for name in HYPERPARAMETERS}
    defaults |= for_variant | {
        "gan_source": "builtin",
        "gan_limit": None,
        "gan_folder": "",
        "gan_extend": 500,
        "gan_sample_n": 32,
        "gan_sample_seed": 0,
        "gan_seed_a": 1,
        "gan_seed_b": 2,
        "gan_interp_steps": 10,
    }
    for key, value in defaults.items():
        state[key] = state.get(key, value)
    size = data_format()[0]
    if state.get("gan_depth_for_size") != size:
        state.gan_hp_depth = gan.max_depth(size)
        state.gan_depth_for_size = size


def data_format() -> tuple[int, int]:
    """Size and channels of the loaded data, or of the format picked in Data before loading."""
    summary = st.session_state.get("gan_data")
    if summary:
        return summary["size"], summary["channels"]
    return st.session_state.gan_size, st.session_state.gan_channels


def label(key: str) -> str:
    """A translated label for a code the services use (a skip reason, a run status)."""
    return tr(key) if key in i18n.TABLE else key.rsplit(".", 1)[-1]


def source_label(source: str) -> str:
    """Where a set comes from, in the session's language: datasets name it "<kind> <name>"."""
    kind, name = datasets.source_parts(source)
    if kind == "builtin":
        return label(f"gan.data.source.builtin.{name}")
    return tr(f"gan.data.source.{kind}", name=name) if kind else source


def class_labels(summary: dict) -> list[str]:
    """The loaded set's class names; the built-in shapes' in the session's language (the names
    of folders are the student's own and stay as they are)."""
    names = summary["class_names"]
    if datasets.source_parts(summary["source"])[0] != "builtin":
        return names
    return [
        tr(f"gan.data.class.{name}") if f"gan.data.class.{name}" in i18n.TABLE else name for name in names
    ]


def show_tab(name: str) -> None:
    """Open a tab (a callback: the tab is switched before the tabs are drawn)."""
    st.session_state.gan_tab = tr(f"gan.tab.{name}")


def enlarged(picture):
    """A sample grid scaled up by a whole factor with nearest neighbour, so pixels stay sharp."""
    scale = max(1, round(GRID_WIDTH / picture.width))
    return (
        picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)
        if scale > 1
        else picture
    )


def png_bytes(picture) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


# --- data -------------------------------------------------------------------------------------------


def kaggle_credentials() -> tuple[str | None, str | None, bool]:
    """Username and key from st.secrets, or (None, None, True) when the environment or ~/.kaggle has them."""
    try:
        secrets = dict(st.secrets)
    except StreamlitSecretNotFoundError:
        secrets = {}
    section = secrets.get("kaggle", {})
    username = secrets.get("KAGGLE_USERNAME") or section.get("username")
    key = secrets.get("KAGGLE_KEY") or secrets.get("KAGGLE_API_TOKEN") or section.get("key")
    if key:
        return username, key, True
    configured = os.environ.get("KAGGLE_KEY") or os.environ.get("KAGGLE_API_TOKEN")
    configured = configured or os.path.exists(os.path.expanduser("~/.kaggle/kaggle.json"))
    return None, None, bool(configured)


def data_summary(data: datasets.ImageSet, spec: dict) -> dict:
    """What the other tabs need to know about the loaded set: the tensor itself stays out of
    the session (the training job loads it again from the dataset cache in an instant)."""
    step = max(1, len(data) // 48)
    preview = datasets.to_pil_grid(
        data.images[::step][:48], nrow=12, scale=2 if data.images.shape[-1] < 64 else 1
    )
    labelled = data.labels is not None
    counts = np.bincount(data.labels, minlength=len(data.class_names)).tolist() if labelled else []
    return {
        "spec": spec,
        "count": len(data),
        "size": data.images.shape[-1],
        "channels": data.images.shape[1],
        "source": data.source,
        "class_names": data.class_names if labelled else [],
        "class_counts": counts,
        "converted": dict(data.report.converted),
        "skipped": dict(data.report.skipped),
        "preview": png_bytes(preview),
    }


def load_data(source: str, size: int, channels: int, limit: int | None) -> None:
    """Load from the chosen source with a progress bar; keep a summary in the session."""
    bar = st.progress(0.0, text=tr("gan.data.loading", done=0, total="…"))

    def progress(done: int, total: int) -> None:
        bar.progress(
            min(1.0, done / total) if total else 0.0, text=tr("gan.data.loading", done=done, total=total)
        )

    zip_bytes = None
    try:
        if source == "builtin":
            name = st.session_state.gan_builtin
            data = datasets.load_builtin(name, size, channels, count=limit, progress=progress)
            spec = {"kind": "builtin", "name": name, "limit": limit}
        elif source == "kaggle":
            current = variant()
            username, key, _ = kaggle_credentials()
            username = username or st.session_state.get("gan_kaggle_user") or None
            key = key or st.session_state.get("gan_kaggle_key") or None
            data = datasets.load_kaggle(current, size, channels, limit, progress, username=username, key=key)
            spec = {"kind": "kaggle", "variant": current.number, "limit": limit}
        elif source == "zip":
            upload = st.session_state.get("gan_zip_upload")
            if upload is None:
                st.warning(tr("gan.data.zip_needed"))
                return
            zip_bytes = upload.getvalue()
            data = datasets.load_zip(zip_bytes, size, channels, limit, name=upload.name, progress=progress)
            spec = {"kind": "zip", "name": upload.name, "limit": limit}
        else:
            path = st.session_state.gan_folder.strip()
            if not path:
                st.warning(tr("gan.data.folder_needed"))
                return
            data = datasets.load_folder(path, size, channels, limit, progress)
            spec = {"kind": "folder", "path": path, "limit": limit}
    except UserError as error:
        show_error(error)
        return
    finally:
        bar.empty()
    st.session_state.gan_data = data_summary(data, spec)
    st.session_state.gan_zip = zip_bytes


def show_data(summary: dict) -> None:
    colour = tr("gan.data.gray") if summary["channels"] == 1 else tr("gan.data.rgb")
    st.success(
        tr(
            "gan.data.loaded",
            count=summary["count"],
            size=summary["size"],
            colour=colour,
            source=source_label(summary["source"]),
        ),
        icon=":material/check_circle:",
    )
    names = class_labels(summary)
    if names:
        shown = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
        st.write(tr("gan.data.classes", n=len(names), names=shown))
    else:
        st.caption(tr("gan.data.unlabelled"))
    # datasets.CONVERSIONS and datasets.SKIP_REASONS, each named by its data.* key
    converted = [f"{label(f'gan.data.converted.{code}')}: {n}" for code, n in summary["converted"].items()]
    skipped = [f"{label(f'gan.data.skipped.{code}')}: {n}" for code, n in summary["skipped"].items()]
    if converted:
        st.caption(tr("gan.data.converted", items=", ".join(converted)))
    if skipped:
        st.caption(tr("gan.data.skipped", items=", ".join(skipped)))
    if not summary["converted"] and not summary["skipped"]:
        st.caption(tr("gan.data.clean"))
    st.image(summary["preview"], caption=tr("gan.data.preview"))


def data_tab() -> None:
    current = variant()
    source = st.segmented_control(
        tr("gan.data.source"),
        SOURCES,
        format_func={s: tr(f"gan.data.src.{s}") for s in SOURCES}.get,
        key="gan_source",
        required=True,
    )
    if source == "builtin":
        st.radio(
            tr("gan.data.builtin"),
            datasets.BUILTINS,
            format_func={name: tr(f"gan.data.builtin.{name}") for name in datasets.BUILTINS}.get,
            key="gan_builtin",
            help=tr("gan.data.builtin_help"),
            horizontal=True,
        )
    elif source == "kaggle":
        st.markdown(
            tr("gan.data.kaggle_dataset", number=current.number, slug=current.kaggle, url=current.kaggle_url)
        )
        if kaggle_credentials()[2]:
            st.caption(tr("gan.data.kaggle_found"))
        else:
            left, right = st.columns(2)
            left.text_input(tr("gan.data.kaggle_user"), key="gan_kaggle_user", autocomplete="off")
            right.text_input(
                tr("gan.data.kaggle_key"),
                key="gan_kaggle_key",
                type="password",
                help=tr("gan.data.kaggle_key_help"),
            )
    elif source == "zip":
        st.file_uploader(tr("gan.data.zip"), type=["zip"], key="gan_zip_upload")
    else:
        st.text_input(tr("gan.data.folder_path"), key="gan_folder", help=tr("gan.data.folder_help"))

    size_col, colour_col, limit_col = st.columns(3)
    size = size_col.segmented_control(
        tr("gan.data.size"), datasets.SIZES, key="gan_size", required=True, help=tr("gan.data.format_help")
    )
    channels = colour_col.segmented_control(
        tr("gan.data.colour"),
        datasets.CHANNELS,
        format_func={1: tr("gan.data.gray"), 3: tr("gan.data.rgb")}.get,
        key="gan_channels",
        required=True,
    )
    limit = limit_col.number_input(
        tr("gan.data.limit"),
        min_value=16,
        max_value=200_000,
        step=500,
        key="gan_limit",
        placeholder=tr("gan.data.limit_auto"),
    )
    if st.button(tr("gan.data.load"), type="primary", icon=":material/download:", key="gan_load"):
        load_data(source, size, channels, limit)
    summary = st.session_state.get("gan_data")
    if summary:
        show_data(summary)


# --- model ------------------------------------------------------------------------------------------


def current_config() -> gan.GanConfig:
    """The hyperparameters on screen, for the loaded data's format (or the format picked in Data)."""
    size, channels = data_format()
    values = {name: st.session_state[f"gan_hp_{name}"] for name in HYPERPARAMETERS}
    most = gan.max_depth(size)
    values["depth"] = min(values["depth"] or most, most)  # a size changed in this run: at most its deepest
    iterations = values["iterations"]
    # snapshots often enough to watch a short demo, rarely enough not to slow a long run
    every = max(10, min(100, iterations // 20 // 10 * 10))
    measure = max(50, min(250, iterations // 5 // 10 * 10))
    return gan.GanConfig(
        size=size,
        channels=channels,
        sample_every=every,
        eval_every=measure,
        checkpoint_every=measure,
        **values,
    )


@st.cache_data(max_entries=32, show_spinner=False)
def architecture(config: dict) -> dict:
    """Layer tables and parameter counts of G and D for a config (built on the CPU, cached)."""
    cfg = gan.GanConfig.from_dict(config)
    generator, discriminator = gan.build(cfg)
    return {
        "g": (gan.layer_table(generator, cfg), gan.parameter_count(generator)),
        "d": (gan.layer_table(discriminator, cfg), gan.parameter_count(discriminator)),
    }


def layer_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("gan.col.layer"): [
                tr("gan.col.input") if i == 0 else row["layer"] for i, row in enumerate(rows)
            ],
            tr("gan.col.output"): [" × ".join(map(str, row["output_shape"])) for row in rows],
            tr("gan.col.params"): [row["params"] for row in rows],
        }
    )


def model_tab() -> None:
    st.caption(tr("gan.model.algorithm_link"))
    with st.expander(tr("gan.model.algorithm"), icon=":material/function:"):
        st.markdown(tr("gan.model.algorithm_text"))
    lr_format = "{:.0e}".format
    first, second, third = st.columns(3)
    with first:
        st.number_input(
            tr("gan.hp.iterations"),
            1,
            1_000_000,
            step=100,
            key="gan_hp_iterations",
            help=tr("gan.hp.iterations_help"),
        )
        st.select_slider(tr("gan.hp.batch"), BATCHES, key="gan_hp_batch", help=tr("gan.hp.batch_help"))
        st.number_input(tr("gan.hp.k"), 1, 20, key="gan_hp_k", help=tr("gan.hp.k_help"))
        st.number_input(
            tr("gan.hp.latent"), 2, 512, step=8, key="gan_hp_latent", help=tr("gan.hp.latent_help")
        )
    with second:
        st.select_slider(tr("gan.hp.g_width"), WIDTHS, key="gan_hp_g_width", help=tr("gan.hp.g_width_help"))
        st.select_slider(tr("gan.hp.d_width"), WIDTHS, key="gan_hp_d_width", help=tr("gan.hp.d_width_help"))
        st.select_slider(
            tr("gan.hp.depth"),
            range(1, gan.max_depth(data_format()[0]) + 1),
            key="gan_hp_depth",
            help=tr("gan.hp.depth_help"),
        )
        st.select_slider(
            tr("gan.hp.lr_g"),
            LEARNING_RATES,
            format_func=lr_format,
            key="gan_hp_lr_g",
            help=tr("gan.hp.lr_help"),
        )
        st.select_slider(
            tr("gan.hp.lr_d"),
            LEARNING_RATES,
            format_func=lr_format,
            key="gan_hp_lr_d",
            help=tr("gan.hp.lr_help"),
        )
    with third:
        st.radio(
            tr("gan.hp.loss"),
            gan.LOSSES,
            format_func={loss: tr(f"gan.loss.{loss}") for loss in gan.LOSSES}.get,
            key="gan_hp_loss",
            help=tr("gan.hp.loss_help"),
        )
        st.slider(tr("gan.hp.beta1"), 0.0, 0.95, step=0.05, key="gan_hp_beta1", help=tr("gan.hp.beta_help"))
        st.select_slider(
            tr("gan.hp.beta2"), (0.9, 0.99, 0.999), key="gan_hp_beta2", help=tr("gan.hp.beta_help")
        )
        st.slider(
            tr("gan.hp.label_smoothing"),
            0.0,
            0.3,
            step=0.05,
            key="gan_hp_label_smoothing",
            help=tr("gan.hp.label_smoothing_help"),
        )
        st.number_input(tr("common.seed"), 0, 2**31 - 1, key="gan_hp_seed", help=tr("gan.hp.seed_help"))

    cfg = current_config()
    try:
        cfg.check()
    except UserError as error:
        show_error(error)
        return
    tables = architecture(cfg.to_dict())
    st.caption(tr("gan.model.format", size=cfg.size, channels=cfg.channels))
    for column, part in zip(st.columns(2), ("g", "d"), strict=True):
        rows, count = tables[part]
        with column:
            st.subheader(tr(f"gan.model.{part}"))
            st.caption(tr("gan.model.params", n=f"{count:,}".replace(",", " ")))
            st.dataframe(layer_frame(rows), hide_index=True, width="stretch")


# --- train ------------------------------------------------------------------------------------------


def current_run() -> str | None:
    """The run in the URL (or picked earlier in this session); a stale id is dropped with a note."""
    run_id = st.query_params.get(RUN_PARAM) or st.session_state.get("gan_run")
    if not run_id:
        return None
    try:
        gan_runs.run_info(run_id)
    except UserError:
        st.query_params.pop(RUN_PARAM, None)
        st.session_state.pop("gan_run", None)
        return None
    open_run(run_id)
    return run_id


def open_run(run_id: str) -> None:
    st.session_state.gan_run = run_id
    st.query_params[RUN_PARAM] = run_id


def start_run() -> None:
    summary = st.session_state.get("gan_data")
    try:
        run_id = gan_runs.create(current_config(), summary["spec"], zip_bytes=st.session_state.get("gan_zip"))
        gan_runs.start(run_id)
    except UserError as error:
        show_error(error)
        return
    open_run(run_id)


def line_chart(rows: list[dict], series: tuple[str, ...], title: str, axis: str, y_range=None) -> go.Figure:
    figure = go.Figure()
    steps = [row["step"] for row in rows]
    for name in series:
        figure.add_scatter(
            x=steps,
            y=[row.get(name) for row in rows],
            name=tr(f"gan.series.{name}"),
            mode="lines",
            line={"color": COLOURS[name], "width": 2.5},
        )
    if y_range:
        figure.add_hline(y=0.5, line_dash="dot", line_color="#868e96")
    figure.update_layout(
        title=title,
        height=CHART_HEIGHT,
        margin=MARGIN,
        legend=LEGEND,
        xaxis_title=tr("gan.chart.step"),
        yaxis_title=axis,
        yaxis_range=y_range,
        font={"size": 14},
    )
    return figure


def training_charts(run_id: str) -> None:
    rows = gan_runs.metrics(run_id)
    if not rows:
        st.caption(tr("gan.train.waiting_metrics"))
        return
    losses, probabilities = st.columns(2)
    losses.plotly_chart(
        line_chart(rows, ("loss_d", "loss_g"), tr("gan.chart.losses"), tr("gan.chart.loss")),
        key="gan_chart_loss",
    )
    probabilities.plotly_chart(
        line_chart(rows, ("d_real", "d_fake"), tr("gan.chart.probs"), tr("gan.chart.prob"), y_range=(0, 1)),
        key="gan_chart_probs",
    )
    probabilities.caption(tr("gan.chart.probs_help"))


def sample_snapshots(info: gan_runs.RunInfo, live: bool) -> None:
    """The newest grid while training; afterwards a slider scrubs through every snapshot."""
    if not info.samples:
        return
    step = info.samples[-1]
    if not live and len(info.samples) > 1:
        step = st.select_slider(
            tr("gan.train.snapshot"), info.samples, value=step, key=f"gan_snapshot_{info.id}"
        )
    picture = gan_runs.samples_at(info.id, step)
    if picture is not None:
        st.image(enlarged(picture), caption=tr("gan.train.samples", step=step))
        st.caption(tr("gan.train.samples_fixed"))


def latest_numbers(info: gan_runs.RunInfo) -> None:
    """The newest losses and discriminator outputs, large enough to read from the back row."""
    if not info.last_metrics:
        return
    st.markdown(f"**{tr('gan.train.latest', step=info.last_metrics['step'])}**")
    left, right = st.columns(2)
    for column, name in zip(
        (left, right, left, right), ("loss_d", "loss_g", "d_real", "d_fake"), strict=True
    ):
        column.metric(tr(f"gan.series.{name}"), f"{info.last_metrics[name]:.3f}")


def run_status(info: gan_runs.RunInfo) -> None:
    """Progress of the live job, or the run's saved state when no job trains it in this process."""
    job = jobs.get(info.job_id) or next(iter(jobs.find(gan_runs.JOB_KIND, info.id)), None)
    if job is not None:
        snap = job.snapshot()
        job_progress(snap, f"gan_stop_{info.id}")
        phase = snap.info.get("phase")
        if not snap.finished and phase in PHASES:  # why the bar does not move yet
            st.caption(tr(f"gan.phase.{phase}", **{k: snap.info.get(k, "…") for k in PHASES[phase]}))
    elif info.error is not None:
        show_error(info.error)
    else:
        st.progress(
            info.fraction, text=f"{label(f'gan.state.{info.status}')} · {info.step}/{info.iterations}"
        )
    if info.images_per_s:
        st.caption(tr("gan.train.speed", speed=f"{info.images_per_s:.0f}", seconds=f"{info.seconds:.0f}"))


def collapse_note(info: gan_runs.RunInfo) -> None:
    """A short warning while the newest measurement says the generator collapsed; the
    Mode collapse tab, one click away, has the charts and the advice."""
    measured = info.last_collapse
    if not measured or not measured.get("collapsed"):
        return
    tab = tr("gan.tab.collapse")
    st.warning(
        tr("gan.train.collapsed", step=measured["step"], tab=tab),
        icon=":material/warning:",
    )
    if st.button(
        tr("gan.train.to_collapse", tab=tab),
        icon=":material/troubleshoot:",
        key="gan_to_collapse",
        on_click=show_tab,
        args=("collapse",),
    ):
        st.rerun()  # clicked inside the live fragment: redraw the whole page on the new tab


def run_panel(run_id: str) -> None:
    info = gan_runs.run_info(run_id)
    live = info.job_id is not None
    st.subheader(tr("gan.train.run", run=info.title))
    st.caption(run_id)

    @st.fragment(run_every=1.0 if live else None)
    def progress() -> None:
        now = gan_runs.run_info(run_id)
        run_status(now)
        collapse_note(now)
        training_charts(run_id)
        grid, numbers = st.columns([3, 2])
        with grid:
            sample_snapshots(now, live)
        with numbers:
            latest_numbers(now)
        if live and now.job_id is None:  # it just finished or stopped: redraw the whole page once
            st.rerun()

    progress()
    if live:
        return
    if info.status in ("stopped", "interrupted", "failed", "new") and info.step < info.iterations:
        if st.button(tr("gan.train.resume"), icon=":material/play_arrow:", key="gan_resume"):
            try:
                gan_runs.start(run_id)
            except UserError as error:
                show_error(error)
            else:
                st.rerun()
    more_col, button_col = st.columns([1, 2], vertical_alignment="bottom")
    more = more_col.number_input(tr("gan.train.extend"), 10, 100_000, step=100, key="gan_extend")
    if button_col.button(tr("gan.train.extend_go"), icon=":material/fast_forward:", key="gan_extend_go"):
        try:
            gan_runs.extend(run_id, int(more))
            gan_runs.start(run_id)
        except UserError as error:
            show_error(error)
        else:
            st.rerun()


def train_tab() -> None:
    summary = st.session_state.get("gan_data")
    cfg = current_config()
    if summary:
        st.caption(
            tr(
                "gan.train.summary",
                count=summary["count"],
                iterations=cfg.iterations,
                batch=cfg.batch,
                k=cfg.k,
            )
        )
    else:
        st.info(tr("gan.data.need"), icon=":material/info:")
    if st.button(
        tr("gan.train.start"),
        type="primary",
        icon=":material/rocket_launch:",
        disabled=not summary,
        key="gan_start",
    ):
        start_run()
    run_id = current_run()
    if run_id:
        run_panel(run_id)
    else:
        st.caption(tr("gan.train.none"))


# --- runs -------------------------------------------------------------------------------------------


def runs_frame(runs: list[gan_runs.RunInfo]) -> pd.DataFrame:
    def last(info, key):
        return (info.last_metrics or {}).get(key)

    def measured(info, key):
        return (info.last_collapse or {}).get(key)

    rows = []
    for info in runs:
        c = info.config
        rows.append(
            {
                tr("gan.col.run"): info.title,
                tr("gan.col.state"): label(f"gan.state.{info.status}"),
                tr("gan.col.created"): datetime.fromtimestamp(info.created).strftime("%d.%m %H:%M"),
                tr("gan.col.data"): source_label(info.data) + (f" ({info.images})" if info.images else ""),
                tr("gan.col.iterations"): f"{info.step}/{info.iterations}",
                "m": c["batch"],
                "k": c["k"],
                "lr G": c["lr_g"],
                "lr D": c["lr_d"],
                "β₁": c["beta1"],
                tr("gan.hp.loss"): tr(f"gan.loss_short.{c['loss']}"),
                "ε": c["label_smoothing"],
                tr("gan.col.widths"): f"{c['g_width']}/{c['d_width']}",
                tr("gan.col.depth"): c.get("depth") or gan.max_depth(c["size"]),
                "z": c["latent"],
                tr("gan.col.loss_d"): last(info, "loss_d"),
                tr("gan.col.loss"): last(info, "loss_g"),
                tr("gan.col.diversity"): measured(info, "diversity"),
                tr("gan.col.modes"): (
                    f"{measured(info, 'modes_covered')}/{measured(info, 'n_classes')}"
                    if measured(info, "n_classes")
                    else None
                ),
                tr("gan.col.kl"): measured(info, "kl"),
                tr("gan.col.speed"): info.images_per_s,
                tr("gan.col.time"): info.seconds,
            }
        )
    return pd.DataFrame(rows)


def open_in_train(run_id: str, resume: bool = False) -> None:
    """Show the run in the Train tab (a callback: the tab is switched before the tabs are drawn)."""
    if resume:
        try:
            gan_runs.start(run_id)
        except UserError as error:
            st.session_state.gan_runs_error = error
            return
    open_run(run_id)
    show_tab("train")


def runs_tab() -> None:
    runs = gan_runs.list_runs()
    if not runs:
        st.info(tr("gan.runs.empty"), icon=":material/info:")
        return
    number = st.column_config.NumberColumn
    picked = st.dataframe(
        runs_frame(runs),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="gan_runs_table",
        column_config={
            tr("gan.col.loss_d"): number(format="%.3f"),
            tr("gan.col.loss"): number(format="%.3f"),
            tr("gan.col.diversity"): number(format="%.2f"),
            tr("gan.col.kl"): number(format="%.3f"),
            tr("gan.col.speed"): number(format="%.0f"),
            tr("gan.col.time"): number(format="%.0f"),
            "lr G": number(format="%.0e"),
            "lr D": number(format="%.0e"),
        },
    )
    rows = picked.selection.rows
    if not rows:
        st.caption(tr("gan.runs.pick"))
        return
    info = runs[rows[0]]
    st.write(tr("gan.runs.chosen", run=info.title))
    if "gan_runs_error" in st.session_state:
        show_error(st.session_state.pop("gan_runs_error"))
    buttons = st.container(horizontal=True)
    buttons.button(
        tr("gan.runs.open"),
        icon=":material/monitoring:",
        key="gan_runs_open",
        on_click=open_in_train,
        args=(info.id,),
    )
    buttons.button(
        tr("gan.train.resume"),
        icon=":material/play_arrow:",
        key="gan_runs_resume",
        on_click=open_in_train,
        args=(info.id, True),
        disabled=info.job_id is not None or info.step >= info.iterations,
    )
    if buttons.button(tr("gan.runs.delete"), icon=":material/delete:", key="gan_runs_delete"):
        st.session_state.gan_confirm_delete = info.id
    if st.session_state.get("gan_confirm_delete") == info.id:
        st.warning(tr("gan.runs.confirm", run=info.title), icon=":material/warning:")
        answer = st.container(horizontal=True)
        if answer.button(tr("gan.runs.confirm_yes"), type="primary", key="gan_runs_delete_yes"):
            try:
                gan_runs.delete(info.id)
            except UserError as error:
                show_error(error)
            else:
                if st.session_state.get("gan_run") == info.id:
                    st.session_state.pop("gan_run", None)
                    st.query_params.pop(RUN_PARAM, None)
                st.session_state.pop("gan_confirm_delete", None)
                st.toast(tr("gan.runs.deleted", run=info.title))
                st.rerun()
        if answer.button(tr("gan.runs.cancel"), key="gan_runs_delete_no"):
            st.session_state.pop("gan_confirm_delete", None)
            st.rerun()


# --- sample -----------------------------------------------------------------------------------------


def pick_run(key: str) -> gan_runs.RunInfo | None:
    """A run that has trained, the one on screen first."""
    runs = [info for info in gan_runs.list_runs() if info.step > 0]
    if not runs:
        st.info(tr("gan.sample.need_run"), icon=":material/info:")
        return None
    ids = [info.id for info in runs]
    chosen = st.session_state.get("gan_run")
    index = ids.index(chosen) if chosen in ids else 0
    titles = {info.id: f"{info.title} · {info.step}/{info.iterations} · {info.id}" for info in runs}
    run_id = st.selectbox(tr("gan.sample.run"), ids, index=index, format_func=titles.get, key=key)
    return runs[ids.index(run_id)]


def sample_tab() -> None:
    info = pick_run("gan_sample_run")
    if info is None:
        return
    try:
        generator = gan_runs.load_generator(info.id)
    except UserError as error:  # no checkpoint yet: the first one comes within a minute of training
        st.info(tr(error.key, **error.params), icon=":material/hourglass_top:")
        return
    cfg = gan.GanConfig.from_dict(info.config)

    st.subheader(tr("gan.sample.grid"))
    n_col, seed_col = st.columns(2)
    n = n_col.select_slider(tr("gan.sample.n"), (8, 16, 32, 64), key="gan_sample_n")
    seed = seed_col.number_input(tr("common.seed"), 0, 2**31 - 1, key="gan_sample_seed")
    grid = enlarged(datasets.to_pil_grid(gan.sample(generator, cfg, int(seed), n), nrow=8))
    st.image(grid, caption=tr("gan.sample.caption", n=n, seed=seed))
    st.download_button(
        tr("common.download_png"),
        png_bytes(grid),
        file_name=f"gan_{info.id}_seed{seed}.png",
        mime="image/png",
        icon=":material/download:",
        key="gan_sample_png",
    )

    st.subheader(tr("gan.sample.interp"))
    st.caption(tr("gan.sample.interp_help"))
    a_col, b_col, steps_col = st.columns(3)
    seed_a = a_col.number_input(tr("gan.sample.seed_a"), 0, 2**31 - 1, key="gan_seed_a")
    seed_b = b_col.number_input(tr("gan.sample.seed_b"), 0, 2**31 - 1, key="gan_seed_b")
    steps = steps_col.slider(tr("gan.sample.steps"), 3, 16, key="gan_interp_steps")
    for mode in ("linear", "slerp"):
        images = gan.interpolate(generator, cfg, int(seed_a), int(seed_b), steps, mode)
        strip = enlarged(datasets.to_pil_grid(images, nrow=steps))
        st.image(strip, caption=tr(f"gan.sample.{mode}"))
        st.download_button(
            f"{tr('common.download_png')} · {tr(f'gan.sample.{mode}')}",
            png_bytes(strip),
            file_name=f"gan_{info.id}_{mode}_{seed_a}-{seed_b}.png",
            mime="image/png",
            icon=":material/download:",
            key=f"gan_interp_png_{mode}",
        )


# --- mode collapse ----------------------------------------------------------------------------------


def measure_chart(rows: list[dict]) -> go.Figure:
    steps = [row["step"] for row in rows]
    figure = go.Figure()
    figure.add_scatter(
        x=steps,
        y=[row["diversity"] for row in rows],
        mode="lines+markers",
        name=tr("gan.collapse.diversity"),
    )
    figure.add_hline(
        y=collapse.COLLAPSE_DIVERSITY,
        line_dash="dot",
        line_color="#c92a2a",
        annotation_text=tr("gan.collapse.threshold"),
        annotation_position="top left",
    )
    figure.update_layout(
        title=tr("gan.collapse.diversity"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis_title=tr("gan.chart.step"),
        yaxis_range=(0, max(1.2, max(row["diversity"] for row in rows) * 1.1)),
        font={"size": 14},
    )
    return figure


def coverage_chart(rows: list[dict]) -> go.Figure:
    steps = [row["step"] for row in rows]
    figure = go.Figure()
    figure.add_bar(
        x=steps,
        y=[row["modes_covered"] for row in rows],
        name=tr("gan.collapse.modes_axis"),
        marker_color="#74c0fc",
    )
    figure.add_scatter(
        x=steps,
        y=[row["kl"] for row in rows],
        name="KL",
        yaxis="y2",
        mode="lines+markers",
        line={"color": "#c2255c", "width": 2.5},
    )
    figure.update_layout(
        title=tr("gan.collapse.modes"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis_title=tr("gan.chart.step"),
        yaxis={
            "title": tr("gan.collapse.modes_axis"),
            "range": (0, rows[-1]["n_classes"] + 0.5),
            "dtick": 1,
        },
        yaxis2={
            "title": tr("gan.collapse.kl_axis"),
            "tickformat": ".1f",
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
        legend=LEGEND,
        font={"size": 14},
    )
    return figure


def histogram_chart(measure: dict, summary: dict | None) -> go.Figure:
    counts = measure["histogram"]
    names = [str(i) for i in range(len(counts))]
    real = None
    if summary and len(summary["class_names"]) == len(counts):
        names = class_labels(summary)
        total = sum(summary["class_counts"]) or 1
        real = [n / total for n in summary["class_counts"]]
    total = sum(counts) or 1
    figure = go.Figure()
    if real is not None:
        figure.add_bar(x=names, y=real, name=tr("gan.collapse.real"), marker_color="#adb5bd")
    figure.add_bar(
        x=names, y=[n / total for n in counts], name=tr("gan.collapse.generated"), marker_color="#3b5bdb"
    )
    figure.update_layout(
        title=tr("gan.collapse.histogram"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis={"title": tr("gan.collapse.class"), "type": "category"},
        yaxis={"title": tr("gan.collapse.share"), "tickformat": ".0%"},
        legend=LEGEND,
        font={"size": 14},
    )
    return figure


def collapse_tab() -> None:
    st.markdown(tr("gan.collapse.what"))
    info = pick_run("gan_collapse_run")
    if info is not None:
        # while the run trains, new measurements appear without a click
        st.fragment(collapse_measures, run_every=2.0 if info.job_id else None)(info.id)


def collapse_measures(run_id: str) -> None:
    info = gan_runs.run_info(run_id)
    rows = [row for row in gan_runs.metrics(run_id) if "diversity" in row]
    if not rows:
        st.info(tr("gan.collapse.need"), icon=":material/info:")
        return
    last = rows[-1]
    classes = last.get("n_classes")
    numbers = {
        "diversity": last["diversity"],
        "covered": last.get("modes_covered", "—"),
        "classes": classes or "—",
    }
    if last["collapsed"]:
        st.warning(tr("gan.collapse.detected", **numbers), icon=":material/warning:")
    else:
        st.success(tr("gan.collapse.ok", **numbers), icon=":material/check_circle:")
    left, right = st.columns(2)
    left.plotly_chart(measure_chart(rows), key="gan_chart_diversity")
    left.caption(tr("gan.collapse.diversity_help"))
    if not classes:
        right.info(tr("gan.collapse.no_classes"), icon=":material/info:")
        return
    right.plotly_chart(coverage_chart(rows), key="gan_chart_coverage")
    right.caption(tr("gan.collapse.modes_help"))
    summary = st.session_state.get("gan_data")
    if not summary or (summary["source"], summary["count"]) != (info.data, info.images):
        summary = None  # the data loaded in this session is not this run's
    st.plotly_chart(histogram_chart(last, summary), key="gan_chart_histogram")
    if summary is None:
        st.caption(tr("gan.collapse.real_unknown"))


# --- the page ---------------------------------------------------------------------------------------


st.title(tr("gan.title"))
if not compute.torch_installed():
    st.warning(tr("common.needs_torch"), icon=":material/memory:")
    st.stop()
keep_widget_values()
st.write(tr("gan.intro"))
with st.expander(tr("common.control_questions"), icon=":material/quiz:"):
    for number in range(1, 6):
        st.markdown(f"**{number}. {tr(f'gan.q.{number}')}**  \n{tr(f'gan.a.{number}')}")

TABS = {
    "data": data_tab,
    "model": model_tab,
    "train": train_tab,
    "runs": runs_tab,
    "sample": sample_tab,
    "collapse": collapse_tab,
}
# the open tab is kept by its label: after a language switch, find it under its new label
for name in TABS:
    if st.session_state.get("gan_tab") in {i18n.t(f"gan.tab.{name}", lang) for lang in i18n.LANGS}:
        st.session_state.gan_tab = tr(f"gan.tab.{name}")
# a reload with a run in the URL comes back to its training view
opening = tr("gan.tab.train") if st.query_params.get(RUN_PARAM) else None
tabs = st.tabs([tr(f"gan.tab.{name}") for name in TABS], default=opening, key="gan_tab", on_change="rerun")
for draw, tab in zip(TABS.values(), tabs, strict=True):
    if tab.open:  # only the open tab runs: switching tabs reruns the page
        with tab:
            draw()
