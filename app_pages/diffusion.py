"""Lab 2: Stable Diffusion as in the AUTOMATIC1111 WebUI — generation tabs, the manual's experiments, PNG info, LoRA."""

import streamlit as st

from services.common import compute
from ui.session import language, tr, variant

st.title(tr("sd.title"))
st.write(tr("sd.intro"))
if not compute.torch_installed():
    st.warning(tr("common.needs_torch"), icon=":material/memory:")
    st.stop()

# services that need torch; each imports it lazily, inside the work itself
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402

from services.common import jobs  # noqa: E402
from services.common.errors import UserError  # noqa: E402
from services.common.model_cache import RESIDENT  # noqa: E402
from services.diffusion import generations, samplers, sweeps  # noqa: E402
from services.diffusion import infotext as png_info  # noqa: E402
from services.diffusion import pipelines as diffusion  # noqa: E402
from services.diffusion import presets as prompt_presets  # noqa: E402
from ui.feedback import show_error  # noqa: E402
from ui.job_view import progress as job_progress  # noqa: E402
from ui.options import labels  # noqa: E402

lang = language()
var = variant()
GEN_PARAM, SWEEP_PARAM = "gen", "sweep"
MODES = {"t2i": "txt2img", "i2i": "img2img", "inp": "inpaint"}
POLL_S = 1.0


def keep_choice(key: str, default: str) -> None:
    """A segmented control clicked on its selected option keeps it instead of becoming empty."""
    if st.session_state[key] is None:
        st.session_state[key] = st.session_state.get(f"{key}_last", default)
    st.session_state[f"{key}_last"] = st.session_state[key]


def duration(seconds: float) -> str:
    """Generation times as people read them: 35 ms, 1.24 s."""
    if seconds < 1:
        return tr("sd.ms", v=f"{seconds * 1000:.0f}")
    return tr("sd.s", v=f"{seconds:.2f}")


def watch(job: jobs.Job, render) -> None:
    """Render a job's snapshot in a fragment that polls every second while the job runs.

    When it finishes, the whole page reruns once: results are drawn outside the fragment,
    and the polling stops.
    """
    active = not job.snapshot().finished

    def body():
        snap = job.snapshot()
        if active and snap.finished:
            st.rerun()
        render(snap)

    st.fragment(run_every=POLL_S if active else None)(body)()


# --- model -----------------------------------------------------------------------------------------

SOURCES = ("tiny", "preset", "hub", "folder", "file")


def model_picker():
    """The model to generate with; loading is explicit so its time and errors show here, not mid-generation."""
    with st.container(border=True):
        source = st.segmented_control(
            tr("sd.model.source"),
            SOURCES,
            default="tiny",
            format_func=labels("sd.model.src"),
            key="sdp_source",
            on_change=keep_choice,
            args=("sdp_source", "tiny"),
        )
        source = source or "tiny"
        left, right = st.columns([3, 2])
        ref = None
        try:
            if source == "tiny":
                with left, st.spinner(tr("sd.model.building")):  # once per machine, a few seconds
                    ref = diffusion.tiny_model()
                left.caption(tr("sd.model.tiny_help"))
            elif source == "preset":
                names = list(diffusion.PRESETS)
                name = left.selectbox(tr("sd.model.preset"), names, key="sdp_preset")
                ref = diffusion.PRESETS[name]
                left.caption(tr("sd.model.offline_note"))
            else:
                location = left.text_input(
                    tr(f"sd.model.{source}"), key=f"sdp_{source}", help=tr(f"sd.model.{source}_help")
                ).strip()
                config = None
                if source == "file":  # diffusers reads the component configs from here, not the hub
                    config = left.text_input(
                        tr("sd.model.file_config"),
                        key="sdp_file_config",
                        help=tr("sd.model.file_config_help"),
                    ).strip()
                if location:
                    ref = diffusion.model_ref(source, location, config=config or None)
        except UserError as error:
            with left:
                show_error(error)
        with right:
            resident = RESIDENT.labels()
            st.caption(
                tr("sd.model.resident", names=", ".join(resident) if resident else tr("sd.model.none"))
            )
            if ref is not None:
                loaded = diffusion.is_loaded(ref)
                st.markdown(tr("sd.model.selected", name=ref.label))
                if loaded:
                    st.success(tr("sd.model.ready"), icon=":material/check_circle:")
                elif st.button(tr("sd.model.load"), key="sdp_load", icon=":material/download:"):
                    with st.spinner(tr("sd.model.loading", name=ref.label)):
                        try:
                            diffusion.load(ref)
                            st.rerun()
                        except UserError as error:
                            show_error(error)
                else:
                    st.caption(tr("sd.model.load_help"))
        return ref


# --- the A1111 generation form -----------------------------------------------------------------------


def form_defaults(prefix: str, ref) -> None:
    """Fill a form's empty widgets: the prompt from the variant, size and steps from the model.

    A new variant brings its prompt and a new model its native size; widgets Streamlit
    forgot (after visiting another page) get their defaults back.
    """
    state = st.session_state
    basic = prompt_presets.preset(var.number, "basic")
    prompt = {
        f"{prefix}_prompt": basic.prompt,
        f"{prefix}_negative": basic.negative,
        f"{prefix}_preset": "basic",
    }
    model = {
        f"{prefix}_cfg": ref.default_cfg,
        f"{prefix}_steps": ref.default_steps,
        f"{prefix}_width": ref.default_size,
        f"{prefix}_height": ref.default_size,
    }
    rest = {
        f"{prefix}_sampler": samplers.DEFAULT,
        f"{prefix}_seed": -1,
        f"{prefix}_batch_count": 1,
        f"{prefix}_batch_size": 1,
    }
    for marker, value, defaults in (
        (f"{prefix}_for_variant", var.number, prompt),
        (f"{prefix}_for_model", ref.label, model),
    ):
        if state.get(marker) != value:
            state.update(defaults)
            state[marker] = value
    for key, value in (prompt | model | rest).items():
        state.setdefault(key, value)


def apply_preset(prefix: str) -> None:
    chosen = prompt_presets.preset(var.number, st.session_state[f"{prefix}_preset"])
    st.session_state[f"{prefix}_prompt"] = chosen.prompt
    st.session_state[f"{prefix}_negative"] = chosen.negative


def generation_form(prefix: str, ref) -> dict:
    """Prompt, negative prompt and the sampling parameters, laid out as in A1111; returns GenRequest fields."""
    form_defaults(prefix, ref)
    labels = {p.id: tr(f"sd.preset.{p.id}") for p in prompt_presets.presets(var.number)}
    st.selectbox(
        tr("sd.form.preset", number=var.number, name=var.name(lang)),
        list(labels),
        format_func=labels.__getitem__,
        key=f"{prefix}_preset",
        on_change=apply_preset,
        args=(prefix,),
    )
    prompt = st.text_area(
        tr("sd.form.prompt"), key=f"{prefix}_prompt", height=90, help=tr("sd.form.prompt_help")
    )
    chosen = prompt_presets.preset(var.number, st.session_state[f"{prefix}_preset"])
    if lang == "uk" and prompt.strip() == chosen.prompt:
        st.caption(tr("sd.form.meaning", text=chosen.meaning_uk))
    negative = st.text_area(tr("sd.form.negative"), key=f"{prefix}_negative", height=68)
    a, b, c = st.columns(3)
    sampler = a.selectbox(
        tr("sd.form.sampler"), samplers.NAMES, key=f"{prefix}_sampler", help=tr("sd.form.sampler_help")
    )
    steps = b.slider(
        tr("sd.form.steps"), 1, diffusion.MAX_STEPS, key=f"{prefix}_steps", help=tr("sd.form.steps_help")
    )
    cfg = c.slider(
        tr("sd.form.cfg"), *diffusion.CFG_RANGE, step=0.5, key=f"{prefix}_cfg", help=tr("sd.form.cfg_help")
    )
    a, b, c, d, e = st.columns([2, 2, 2, 1, 1])
    width = a.slider(tr("sd.form.width"), *diffusion.SIZE_RANGE, step=8, key=f"{prefix}_width")
    height = b.slider(
        tr("sd.form.height"),
        *diffusion.SIZE_RANGE,
        step=8,
        key=f"{prefix}_height",
        help=tr("sd.form.size_help"),
    )
    seed = c.number_input(
        tr("common.seed"), -1, 2**32 - 1, key=f"{prefix}_seed", help=tr("sd.form.seed_help")
    )
    batch_count = d.number_input(
        tr("sd.form.batch_count"), 1, diffusion.MAX_BATCH_COUNT, key=f"{prefix}_batch_count"
    )
    batch_size = e.number_input(
        tr("sd.form.batch_size"), 1, diffusion.MAX_BATCH_SIZE, key=f"{prefix}_batch_size"
    )
    return {
        "prompt": prompt,
        "negative_prompt": negative,
        "sampler": sampler,
        "steps": int(steps),
        "cfg_scale": float(cfg),
        "width": int(width),
        "height": int(height),
        "seed": int(seed),
        "batch_count": int(batch_count),
        "batch_size": int(batch_size),
        "loras": tuple(st.session_state.get("sdp_loras", ())),
    }


def uploaded_image(label: str, key: str):
    """An uploaded picture as RGB PIL, or None; a corrupt file gets a message, not a traceback."""
    from PIL import Image, UnidentifiedImageError

    file = st.file_uploader(label, type=["png", "jpg", "jpeg", "webp"], key=key)
    if file is None:
        return None
    try:
        return Image.open(file).convert("RGB")
    except (UnidentifiedImageError, OSError):
        show_error(UserError("sd.exp.err.bad_image", name=file.name))
        return None


def rectangle_mask(image, prefix: str):
    """A white rectangle (the part to repaint) on black, from four sliders in percent of the image."""
    from PIL import Image, ImageDraw

    st.caption(tr("sd.inp.rect_help"))
    a, b = st.columns(2)
    x0, x1 = a.slider(tr("sd.inp.x_range"), 0, 100, (30, 70), key=f"{prefix}_mx")
    y0, y1 = b.slider(tr("sd.inp.y_range"), 0, 100, (30, 70), key=f"{prefix}_my")
    w, h = image.size
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rectangle([x0 * w // 100, y0 * h // 100, x1 * w // 100, y1 * h // 100], fill=255)
    return mask


def mask_preview(image, mask) -> None:
    from PIL import Image

    red = Image.new("RGB", image.size, (230, 40, 40))
    overlay = Image.composite(Image.blend(image, red, 0.55), image, mask.resize(image.size).convert("L"))
    st.image(overlay, caption=tr("sd.inp.preview"), width=320)


def generation_tab(prefix: str, ref) -> dict:
    """A generation tab; returns its form's GenRequest fields (the experiments reuse txt2img's)."""
    mode = MODES[prefix]
    fields = {"mode": mode}
    if prefix in ("i2i", "inp"):
        left, right = st.columns([2, 1])
        with left:
            image = uploaded_image(tr("sd.i2i.image"), f"{prefix}_image")
            if image is not None and prefix == "i2i":
                st.image(image, width=320)
        strength = right.slider(
            tr("sd.i2i.strength"),
            0.0,
            1.0,
            0.75,
            0.05,
            key=f"{prefix}_strength",
            help=tr("sd.i2i.strength_help"),
        )
        fields |= {"init_image": image, "strength": float(strength)}
        if prefix == "inp" and image is not None:
            how = st.radio(
                tr("sd.inp.mask_source"),
                ("draw", "upload"),
                format_func=labels("sd.inp.mask"),
                horizontal=True,
                key="inp_mask_source",
            )
            mask = uploaded_image(tr("sd.inp.mask_file"), "inp_mask_file") if how == "upload" else None
            if how == "draw":
                mask = rectangle_mask(image, prefix)
            if mask is not None:
                mask_preview(image, mask)
            fields["mask"] = mask.convert("L") if mask is not None else None
    fields |= generation_form(prefix, ref)
    job = jobs.get(st.query_params.get(GEN_PARAM))
    busy = job is not None and not job.snapshot().finished
    generate = st.button(
        tr("sd.generate"),
        type="primary",
        key=f"{prefix}_go",
        icon=":material/auto_awesome:",
        width="stretch",
        disabled=busy,
    )
    if generate and not busy:
        try:
            if prefix in ("i2i", "inp") and fields["init_image"] is None:
                raise UserError("sd.exp.err.need_image")
            if prefix == "inp" and fields.get("mask") is None:
                raise UserError("sd.exp.err.need_mask")
            job = generations.start(ref, diffusion.GenRequest(**fields), key=prefix)
            st.query_params[GEN_PARAM] = job.id
        except UserError as error:
            show_error(error)
    if job is not None and job.key == prefix:
        watch(job, generation_panel)
    return fields


def generation_panel(snap: jobs.Snapshot) -> None:
    if not snap.finished:
        running_progress(snap, "gen_stop")
        return
    job_progress(snap, "gen_stop_done")
    job_id = snap.id
    images = snap.result or []
    if images:
        st.markdown(tr("sd.used_seeds", seeds=", ".join(str(i.seed) for i in images)))
    for start in range(0, len(images), 4):
        for col, image in zip(st.columns(4), images[start : start + 4], strict=False):
            col.image(
                str(image.path),
                caption=tr("sd.image_caption", seed=image.seed, time=duration(image.seconds))
                + (" · " + tr("sd.interrupted") if image.interrupted else ""),
            )
            col.download_button(
                tr("common.download_png"),
                image.png_bytes(),
                file_name=image.path.name,
                mime="image/png",
                key=f"dl_{job_id}_{image.path.name}",
                icon=":material/download:",
            )
    if images:
        with st.expander(tr("sd.parameters")):
            st.code(images[0].parameters, language=None, wrap_lines=True)


def running_progress(snap: jobs.Snapshot, stop_key: str) -> None:
    """Where a running job is: queue position, image and step, with A1111's Interrupt button."""
    info = snap.info
    if info.get("waiting"):
        st.info(tr("compute.waiting", ahead=info["waiting"]), icon=":material/hourglass_top:")
    bar, stop = st.columns([5, 1], vertical_alignment="center")
    if snap.kind == sweeps.JOB_KIND:
        cell = info.get("cell", -1)
        text = (
            tr("sd.progress.warmup")
            if cell < 0
            else tr(
                "sd.progress.cell",
                cell=cell + 1,
                cells=snap.total,
                step=info.get("step", 0),
                steps=info.get("steps", 0),
            )
        )
    elif info.get("loading"):
        text = tr("sd.progress.loading")
    else:
        text = tr(
            "sd.progress.gen",
            batch=info.get("batch", 1),
            batches=info.get("batches", 1),
            step=info.get("step", 0),
            steps=info.get("steps", 0),
        )
    if snap.eta_s is not None:
        text += " · " + tr("job.eta", eta=jobs.format_seconds(snap.eta_s))
    bar.progress(snap.fraction, text=text)
    if stop.button(tr("sd.interrupt"), key=stop_key, icon=":material/stop_circle:"):
        job = jobs.get(snap.id)
        if job:
            job.cancel()


# --- experiments -----------------------------------------------------------------------------------


def default_values(kind: str, ref) -> str:
    """Values that finish in seconds on the tiny demo model, and the manual's ranges on a real one."""
    if ref.is_tiny:
        return {"steps": "1, 2, 4, 10, 20", "size": "64, 128, 192, 256, 320"}.get(kind, sweeps.DEFAULTS[kind])
    return sweeps.DEFAULTS[kind]


def values_input(param: str, ref, key: str, label: str) -> str:
    if param == "style":
        chosen = st.multiselect(
            label,
            list(prompt_presets.STYLES),
            default=["plain", "photo", "oil", "watercolor", "sketch", "anime", "vector"],
            format_func=labels("sd.style"),
            key=key,
        )
        return ", ".join(chosen)
    if param == "sampler":
        chosen = st.multiselect(label, samplers.NAMES, default=samplers.NAMES[:3], key=key)
        return ", ".join(chosen)
    return st.text_input(label, default_values(param, ref), key=key, help=tr(f"sd.exp.values_help.{param}"))


def experiments_tab(ref, base_fields: dict) -> None:
    kind = (
        st.segmented_control(
            tr("sd.exp.kind"),
            sweeps.KINDS,
            default="steps",
            format_func=labels("sd.exp.kind"),
            key="exp_kind",
            on_change=keep_choice,
            args=("exp_kind", "steps"),
        )
        or "steps"
    )
    st.caption(tr(f"sd.exp.about.{kind}"))
    x_param = y_param = y_values = None
    if kind == "xy":
        a, b = st.columns(2)
        x_param = a.selectbox(tr("sd.exp.x"), sweeps.PARAMS, format_func=labels("sd.param"), key="exp_xp")
        with a:
            values = values_input(x_param, ref, f"exp_xv_{x_param}", tr("sd.exp.x_values"))
        y_param = b.selectbox(
            tr("sd.exp.y"),
            sweeps.PARAMS,
            index=1,
            format_func=labels("sd.param"),
            key="exp_yp",
        )
        with b:
            y_values = values_input(y_param, ref, f"exp_yv_{y_param}", tr("sd.exp.y_values"))
    else:
        label = tr("sd.exp.styles") if kind == "style" else tr("sd.exp.values")
        values = values_input(kind, ref, f"exp_values_{kind}", label)
    base = base_summary(base_fields)
    st.caption(tr("sd.exp.base", summary=base))
    job = jobs.get(st.query_params.get(SWEEP_PARAM))
    busy = job is not None and not job.snapshot().finished
    run = st.button(tr("sd.exp.run"), type="primary", key="exp_run", icon=":material/science:", disabled=busy)
    if run and not busy:
        try:
            request = diffusion.GenRequest(**base_fields)
            job = sweeps.start(ref, request, kind, values, x_param, y_param, y_values, model_label=ref.label)
            st.query_params[SWEEP_PARAM] = job.id
        except UserError as error:
            show_error(error)
    sweep_id = st.query_params.get(SWEEP_PARAM)
    if job is not None:
        watch(job, sweep_progress)
    past_sweeps(sweep_id)
    if sweep_id and (job is None or job.snapshot().finished):
        try:
            show_sweep(sweeps.load(sweep_id))
        except UserError as error:
            show_error(error)


def base_summary(f: dict) -> str:
    return tr(
        "sd.exp.summary",
        prompt=f["prompt"][:80],
        sampler=f["sampler"],
        steps=f["steps"],
        cfg=f"{f['cfg_scale']:g}",
        width=f["width"],
        height=f["height"],
        seed=f["seed"] if f["seed"] >= 0 else tr("sd.random_seed"),
    )


def sweep_progress(snap: jobs.Snapshot) -> None:
    if snap.finished:
        job_progress(snap, "sweep_stop_done")
        return
    running_progress(snap, "sweep_stop")
    finished = sweeps.load(snap.id).table  # the images so far, small, as they arrive
    if not finished.empty:
        captions = [
            f"{shown_value(snap.info.get('x_param'), x)} · {duration(t)}"
            for x, t in zip(finished["x"], finished["seconds"], strict=True)
        ]
        st.image([str(p) for p in finished["path"]], caption=captions, width=96)


def sweep_title(meta: dict) -> str:
    when = meta["created"][:16].replace("T", " ")
    what = tr(f"sd.exp.kind.{meta['kind']}")
    if meta["kind"] == "xy":
        what += f" ({param_name(meta['x_param'])} × {param_name(meta['y_param'])})" if meta["y_param"] else ""
    state = tr(f"sd.state.{meta['state']}")
    return f"{when} · {what} · {meta['model']} · {meta['cells_done']}/{meta['cells_total']} · {state}"


def past_sweeps(current: str | None) -> None:
    kept = sweeps.list_sweeps()
    if not kept:
        return
    ids = [m["id"] for m in kept]
    titles = {m["id"]: sweep_title(m) for m in kept}
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        tr("sd.exp.past"),
        ids,
        index=ids.index(current) if current in ids else None,
        format_func=titles.get,
        key=f"exp_past_{hash(tuple(titles.values()))}",  # a new widget when a title changes
        placeholder=tr("sd.exp.past_pick"),
    )
    if chosen and chosen != current:
        st.query_params[SWEEP_PARAM] = chosen
        st.rerun()
    if current in ids and right.button(tr("sd.exp.delete"), key="exp_delete", icon=":material/delete:"):
        try:
            sweeps.delete(current)
            del st.query_params[SWEEP_PARAM]
            st.rerun()
        except UserError as error:
            show_error(error)


TABLE_COLUMNS = [
    "steps",
    "cfg_scale",
    "sampler",
    "width",
    "height",
    "seed",
    "seconds",
    "seconds_per_step",
    "prompt",
]


def param_name(param: str) -> str:
    return tr(f"sd.param.{param}")


def shown_value(param: str | None, label: str) -> str:
    """A swept value as the student reads it: style names are translated."""
    return tr(f"sd.style.{label}") if param == "style" else label


def show_sweep(sweep: sweeps.Sweep) -> None:
    meta, table = dict(sweep.meta), sweep.table.copy()
    for axis in ("x", "y"):
        param = meta[f"{axis}_param"]
        meta[f"{axis}_labels"] = [shown_value(param, v) for v in meta[f"{axis}_labels"]]
        table[axis] = [shown_value(param, v) if isinstance(v, str) else v for v in table[axis]]
    st.subheader(sweep_title(meta))
    st.caption(tr("sd.exp.base", summary=base_summary(meta["base"])))
    if meta.get("error"):
        show_error(UserError(meta["error"]["key"], **meta["error"]["params"]))
    if table.empty:
        st.info(tr("sd.exp.no_cells"), icon=":material/info:")
        return
    if meta["warmup_seconds"] is not None:
        st.caption(tr("sd.exp.warmup", time=duration(meta["warmup_seconds"])))
    image_grid(meta, table)
    chart(meta, table)
    # the swept parameters have their own columns, except a style's name or a prompt replacement
    labels = {"x": meta["x_param"], "y": meta["y_param"]}
    shown = [c for c in ("x", "y") if labels[c] in ("style", "prompt_sr")] + TABLE_COLUMNS
    st.dataframe(
        table[shown].rename(
            columns=lambda c: tr(f"sd.param.{labels[c]}") if c in labels else tr(f"sd.col.{c}")
        ),
        hide_index=True,
        width="stretch",
    )
    row = st.container(horizontal=True)
    row.download_button(
        tr("common.download_csv"),
        sweep.csv_bytes(),
        file_name=f"sweep-{meta['id']}.csv",
        mime="text/csv",
        key=f"csv_{meta['id']}",
        icon=":material/download:",
    )
    row.download_button(
        tr("common.download_zip"),
        sweep.zip_bytes,  # built only when clicked
        file_name=f"sweep-{meta['id']}.zip",
        mime="application/zip",
        key=f"zip_{meta['id']}",
        icon=":material/folder_zip:",
        help=tr("sd.exp.zip_help"),
    )


def image_grid(meta: dict, table: pd.DataFrame) -> None:
    """The images as A1111's X/Y plot: columns are X values, rows are Y values."""
    x_name = tr(f"sd.param.{meta['x_param']}")
    rows = [None] if not meta["y_param"] else meta["y_labels"]
    per_row = len(meta["x_labels"])
    width = min(max(per_row, 5), 8)  # a short strip keeps thumbnails small
    for y_label in rows:
        part = table if y_label is None else table[table["y"] == y_label]
        if y_label is not None:
            y_name = param_name(meta["y_param"])
            st.markdown(f"**{y_name}: {y_label}**")
        cells = list(part.itertuples())
        for start in range(0, len(cells), width):
            for col, row in zip(st.columns(width), cells[start : start + width], strict=False):
                col.image(
                    str(row.path),
                    caption=f"{x_name}: {row.x} · {duration(row.seconds)}",
                    width="stretch",
                )


def chart(meta: dict, table: pd.DataFrame) -> None:
    param = meta["x_param"]
    fig = go.Figure()
    layout = {
        "height": 380,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "yaxis_title": tr("sd.chart.seconds"),
    }
    if meta["y_param"]:
        grid = table.pivot_table(index="y", columns="x", values="seconds", sort=False)
        grid = grid.reindex(index=[y for y in meta["y_labels"] if y in grid.index])
        fig.add_heatmap(
            z=grid.values,
            x=list(grid.columns),
            y=list(grid.index),
            colorscale="Viridis",
            text=[[duration(v) if v == v else "" for v in row] for row in grid.values],  # v != v: NaN
            texttemplate="%{text}",
            colorbar={"title": tr("sd.unit.s")},
        )
        layout |= {
            "title": tr("sd.chart.xy"),
            "xaxis_title": tr(f"sd.param.{param}"),
            "yaxis_title": tr(f"sd.param.{meta['y_param']}"),
            "xaxis_type": "category",
            "yaxis_type": "category",
            "yaxis_autorange": "reversed",  # rows top to bottom, as in the image grid
        }
    elif param == "size":
        size_chart(fig, table, layout)
    elif param in ("steps", "cfg"):
        x = table["steps"] if param == "steps" else table["cfg_scale"]
        fig.add_scatter(x=x, y=table["seconds"], mode="markers+lines", name=tr("sd.chart.measured"))
        layout |= {"title": tr(f"sd.chart.{param}"), "xaxis_title": tr(f"sd.param.{param}")}
        if param == "steps":  # whole steps only
            layout |= {"xaxis_tickmode": "array", "xaxis_tickvals": sorted(x.unique())}
        if param == "steps" and x.nunique() >= 2:
            fit = sweeps.fit_line(x, table["seconds"])
            xs = [x.min(), x.max()]
            fig.add_scatter(
                x=xs, y=fit(xs), mode="lines", line={"dash": "dash"}, name=tr("sd.chart.line_fit")
            )
            st.metric(
                tr("sd.chart.per_step"),
                tr("sd.ms", v=f"{fit.slope * 1000:.1f}"),
                help=tr("sd.chart.per_step_help", overhead=f"{fit.intercept:.3f}"),
            )
    else:
        fig.add_bar(x=table["x"], y=table["seconds"], text=[duration(s) for s in table["seconds"]])
        layout |= {"title": tr("sd.chart.per_value"), "xaxis_title": tr(f"sd.param.{param}")}
    fig.update_layout(**layout)
    st.plotly_chart(fig, width="stretch", key=f"chart_{meta['id']}")


def size_chart(fig: go.Figure, table: pd.DataFrame, layout: dict) -> None:
    """Time against pixel count, with a line and a power law t = a·pixels^b: b ≈ 1 means linear."""
    pixels, seconds = table["pixels"], table["seconds"]
    fig.add_scatter(
        x=pixels,
        y=seconds,
        mode="markers",
        marker={"size": 10},
        name=tr("sd.chart.measured"),
        text=table["x"],
        hovertemplate="%{text}: " + tr("sd.s", v="%{y:.3f}"),
    )
    layout |= {"title": tr("sd.chart.size"), "xaxis_title": tr("sd.chart.pixels")}
    if pixels.nunique() < 2:
        st.info(tr("sd.chart.need_two_sizes"), icon=":material/info:")
        return
    line, power = sweeps.fit_line(pixels, seconds), sweeps.fit_power(pixels, seconds)
    xs = pd.Series(
        range(int(pixels.min()), int(pixels.max()) + 1, max(1, int(pixels.max() - pixels.min()) // 100))
    )
    fig.add_scatter(
        x=xs,
        y=line(xs),
        mode="lines",
        line={"dash": "dash"},
        name=tr("sd.chart.line_fit_r2", r2=f"{line.r2:.3f}"),
    )
    fig.add_scatter(
        x=xs,
        y=power(xs),
        mode="lines",
        name=tr("sd.chart.power_fit", b=f"{power.b:.2f}", r2=f"{power.r2:.3f}"),
    )
    a, b, c = st.columns(3)
    a.metric(tr("sd.chart.exponent"), f"{power.b:.2f}", help=tr("sd.chart.exponent_help"))
    b.metric(tr("sd.chart.r2_power"), f"{power.r2:.3f}")
    c.metric(tr("sd.chart.r2_line"), f"{line.r2:.3f}")
    verdict = "linear" if abs(power.b - 1) <= 0.15 else "super" if power.b > 1 else "sub"
    st.info(tr(f"sd.chart.verdict.{verdict}", b=f"{power.b:.2f}"), icon=":material/insights:")


# --- PNG info and LoRA -----------------------------------------------------------------------------

FORM_FIELDS = {  # parsed A1111 infotext field -> txt2img widget
    "prompt": "t2i_prompt",
    "negative_prompt": "t2i_negative",
    "steps": "t2i_steps",
    "sampler": "t2i_sampler",
    "cfg_scale": "t2i_cfg",
    "seed": "t2i_seed",
    "width": "t2i_width",
    "height": "t2i_height",
}


def send_to_txt2img(parsed: dict) -> None:
    """Copy what the form can hold; a value outside a widget's range is left as it was."""
    low, high = diffusion.SIZE_RANGE
    fits = {  # the same ranges as the form's widgets: SD-Turbo's "CFG scale: 0" included
        "steps": lambda v: 1 <= v <= diffusion.MAX_STEPS,
        "cfg_scale": lambda v: diffusion.CFG_RANGE[0] <= v <= diffusion.CFG_RANGE[1],
        "seed": lambda v: -1 <= v < 2**32,
        "width": lambda v: low <= v <= high and v % 8 == 0,
        "height": lambda v: low <= v <= high and v % 8 == 0,
        "sampler": lambda v: v in samplers.NAMES,
    }
    for field, key in FORM_FIELDS.items():
        value = parsed.get(field)
        if value is not None and fits.get(field, lambda v: True)(value):
            st.session_state[key] = float(value) if field == "cfg_scale" else value
    st.session_state["sdp_sent"] = True


def png_info_tab() -> None:
    file = st.file_uploader(tr("sd.png.upload"), type=["png"], key="png_file", help=tr("sd.png.upload_help"))
    if file is None:
        return
    try:
        text = png_info.read_parameters(file.getvalue())
        parsed = png_info.parse_parameters(text) if text else {}
    except UserError as error:
        show_error(error)
        return
    left, right = st.columns([1, 2])
    left.image(file.getvalue())
    with right:
        if not text:
            st.info(tr("sd.png.none"), icon=":material/info:")
            return
        st.code(text, language=None, wrap_lines=True)
        st.dataframe(
            pd.DataFrame({"field": list(parsed), "value": [str(v) for v in parsed.values()]}).rename(
                columns={"field": tr("sd.png.field"), "value": tr("sd.png.value")}
            ),
            hide_index=True,
            width="stretch",
        )
        st.button(
            tr("sd.png.send"),
            key="png_send",
            icon=":material/send:",
            on_click=send_to_txt2img,
            args=(parsed,),
        )
    if st.session_state.pop("sdp_sent", False):
        st.success(tr("sd.png.sent"), icon=":material/check_circle:")


LORA_SOURCES = ("upload", "path")


def add_lora(loras: list, lora: diffusion.Lora) -> None:
    """Add a LoRA; the same file added again only takes the new weight."""
    for number, known in enumerate(loras):
        if known.path == lora.path:
            loras[number] = lora
            return
    loras.append(lora)


def lora_tab(ref) -> None:
    st.caption(tr("sd.lora.about"))
    loras = st.session_state.setdefault("sdp_loras", [])
    source = st.radio(
        tr("sd.lora.source"),
        LORA_SOURCES,
        format_func=labels("sd.lora.src"),
        horizontal=True,
        key="lora_source",
    )
    a, b, c = st.columns([4, 2, 1], vertical_alignment="bottom")
    if source == "upload":
        file = a.file_uploader(
            tr("sd.lora.upload"), type=["safetensors"], key="lora_file", help=tr("sd.lora.upload_help")
        )
    else:
        path = a.text_input(tr("sd.lora.path"), key="lora_path", help=tr("sd.lora.path_help"))
    weight = float(b.slider(tr("sd.lora.weight"), *diffusion.LORA_WEIGHT_RANGE, 0.8, 0.05, key="lora_weight"))
    if c.button(tr("sd.lora.add"), key="lora_add", icon=":material/add:"):
        try:
            if source == "upload":
                if file is None:
                    raise UserError("sd.exp.err.need_lora_file")
                path = str(diffusion.save_uploaded_lora(file.name, file.getvalue()))
            add_lora(loras, diffusion.check_lora(path.strip(), weight))
        except UserError as error:
            show_error(error)
    if ref.is_tiny:  # the demo model has a demo LoRA, so the tab can be tried offline
        row = st.container(horizontal=True, vertical_alignment="center")
        row.caption(tr("sd.lora.demo_help"))
        if row.button(tr("sd.lora.demo"), key="lora_demo", icon=":material/auto_fix_high:"):
            try:
                with st.spinner(tr("sd.lora.demo_building")):  # once per machine, a few seconds
                    add_lora(loras, diffusion.check_lora(str(diffusion.tiny_lora()), weight))
            except UserError as error:
                show_error(error)
    if not loras:
        st.info(tr("sd.lora.none"), icon=":material/info:")
    for number, lora in enumerate(list(loras)):
        left, right = st.columns([6, 1], vertical_alignment="center")
        left.markdown(tr("sd.lora.item", name=lora.name, weight=f"{lora.weight:g}"))
        if right.button(tr("sd.lora.remove"), key=f"lora_rm_{number}", icon=":material/close:"):
            loras.remove(lora)
            st.rerun()


# --- control questions -----------------------------------------------------------------------------


def control_questions() -> None:
    with st.expander(tr("common.control_questions"), icon=":material/quiz:"):
        for number in range(1, 6):
            st.markdown(f"**{number}. {tr(f'sd.q.{number}')}**")
            st.markdown(tr(f"sd.a.{number}"))


# --- the page ---------------------------------------------------------------------------------------

ref = model_picker()
if ref is None:
    st.info(tr("sd.model.pick_first"), icon=":material/info:")
    control_questions()
    st.stop()

tabs = st.tabs([tr(f"sd.tab.{t}") for t in ("t2i", "i2i", "inp", "exp", "png", "lora")])
with tabs[0]:
    t2i_fields = generation_tab("t2i", ref)
with tabs[1]:
    generation_tab("i2i", ref)
with tabs[2]:
    st.caption(tr("sd.inp.about"))
    generation_tab("inp", ref)
with tabs[3]:
    experiments_tab(ref, t2i_fields)
with tabs[4]:
    png_info_tab()
with tabs[5]:
    lora_tab(ref)
control_questions()
