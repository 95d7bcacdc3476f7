"""The txt2img, img2img and inpaint tabs: one A1111 generation form shared by the three (with
A1111's token count under each prompt), the results with their downloads, and the accelerator's
queue while a generation waits for it.

Every setting is a widget kept for the session (``persist_state``), so a closed tab or
another page loses nothing, and ``form_fields`` reads the form from the session even
where it is not drawn (the experiments start from txt2img's settings).
"""

import hashlib
import time

import streamlit as st

from services.common import compute, jobs
from services.common.errors import UserError
from services.diffusion import generate, generations, images_out, presets, prompts, samplers
from services.diffusion.models import ModelRef
from ui.diffusion import inpaint, links
from ui.diffusion.uploads import uploaded_image
from ui.feedback import show_error
from ui.format import duration
from ui.job_view import progress, watch
from ui.options import decimal_slider
from ui.safe_text import escaped
from ui.session import actor, language, tr, variant

MODES = {"t2i": "txt2img", "i2i": "img2img", "inp": "inpaint"}  # tab -> GenRequest mode
QUEUE_KINDS = ("generation", "sweep", "gan")  # job kinds the queue names; others show as "other work"
# GenRequest field -> the form's widget (its key is "<tab>_<widget>")
FORM = {
    "prompt": "prompt",
    "negative_prompt": "negative",
    "sampler": "sampler",
    "steps": "steps",
    "cfg_scale": "cfg",
    "width": "width",
    "height": "height",
    "seed": "seed",
    "batch_count": "batch_count",
    "batch_size": "batch_size",
}


def tab(prefix: str, ref: ModelRef) -> None:
    """A generation tab: its pictures (img2img, inpaint), the form, Generate, and the results."""
    fields = {"mode": MODES[prefix]}
    if prefix == "inp":
        st.caption(tr("sd.inp.about"))
    if prefix in ("i2i", "inp"):
        fields |= _pictures(prefix)
    _form(prefix, ref)
    fields |= form_fields(prefix, ref)
    job = jobs.get(st.query_params.get(links.GENERATION))
    busy = job is not None and not job.snapshot().finished
    unable = prefix == "inp" and not getattr(ref, "can_inpaint", True)  # a model without inpainting
    if unable:
        st.info(tr("sd.inp.not_for_model", name=escaped(ref.label)), icon=":material/block:")
    clicked = st.button(
        tr("sd.generate"),
        type="primary",
        key=f"{prefix}_go",
        icon=":material/auto_awesome:",
        width="stretch",
        disabled=busy or unable,
    )
    if clicked and not busy:
        try:
            if prefix in ("i2i", "inp") and fields["init_image"] is None:
                raise UserError("sd.exp.err.need_image")
            if prefix == "inp" and fields.get("mask") is None:
                raise UserError("sd.exp.err.need_mask")
            job = generations.start(ref, generate.GenRequest(**fields), key=prefix, owner=actor().owner)
            st.query_params[links.GENERATION] = job.id
        except UserError as error:
            show_error(error)
    if job is not None and job.key == prefix:
        watch(job, _results)
    elif job is None and prefix == "t2i" and st.query_params.get(links.GENERATION):
        _saved(st.query_params[links.GENERATION])  # an old link: the images it made, read from disk


def _saved(job_id: str) -> None:
    images = generations.saved(job_id)
    if images:
        st.caption(tr("sd.saved_generation"))
        _images(job_id, images)
    else:
        st.info(tr("sd.generation_gone"), icon=":material/link_off:")


def form_fields(prefix: str, ref: ModelRef) -> dict:
    """The form's GenRequest fields as the session holds them, the LoRAs of the LoRA tab included."""
    fill_defaults(prefix, ref)
    state = st.session_state
    fields = {name: state[widget_key(prefix, name)] for name in FORM}
    for name in ("steps", "width", "height", "seed", "batch_count", "batch_size"):
        fields[name] = int(fields[name])
    fields["cfg_scale"] = float(fields["cfg_scale"])
    return fields | {"loras": tuple(state.get("sdp_loras", ()))}


def widget_key(prefix: str, field: str) -> str:
    """The key of the form widget that holds GenRequest ``field`` in tab ``prefix``."""
    return f"{prefix}_{FORM[field]}"


def fill_defaults(prefix: str, ref: ModelRef) -> None:
    """Fill the settings the student has not chosen: the prompt from the variant, size and steps
    from the model. A new variant brings its prompt and a new model its native size and steps."""
    state, number = st.session_state, variant().number
    basic = presets.preset(number, "basic")
    by_variant = {
        f"{prefix}_prompt": basic.prompt,
        f"{prefix}_negative": basic.negative,
        f"{prefix}_preset": "basic",
    }
    by_model = {
        f"{prefix}_cfg": ref.default_cfg,
        f"{prefix}_steps": ref.default_steps,
        f"{prefix}_width": ref.default_size,
        f"{prefix}_height": ref.default_size,
    }
    for marker, value, defaults in (
        (f"{prefix}_for_variant", number, by_variant),
        (f"{prefix}_for_model", ref.label, by_model),
    ):
        if state.get(marker) != value:
            state.update(defaults)
            state[marker] = value
    for key, value in {
        f"{prefix}_sampler": samplers.DEFAULT,
        f"{prefix}_seed": -1,
        f"{prefix}_batch_count": 1,
        f"{prefix}_batch_size": 1,
    }.items():
        state.setdefault(key, value)


def _apply_preset(prefix: str) -> None:
    chosen = presets.preset(variant().number, st.session_state[f"{prefix}_preset"])
    st.session_state[f"{prefix}_prompt"] = chosen.prompt
    st.session_state[f"{prefix}_negative"] = chosen.negative


def _form(prefix: str, ref: ModelRef) -> None:
    """Prompt, negative prompt and the sampling parameters, laid out as in A1111."""
    fill_defaults(prefix, ref)
    var = variant()
    names = {p.id: tr(f"sd.preset.{p.id}") for p in presets.presets(var.number)}
    st.selectbox(
        tr("sd.form.preset", number=var.number, name=var.name(language())),
        list(names),
        format_func=names.__getitem__,
        key=f"{prefix}_preset",
        on_change=_apply_preset,
        args=(prefix,),
        persist_state="session",
    )
    prompt = st.text_area(
        tr("sd.form.prompt"),
        key=f"{prefix}_prompt",
        height=90,
        help=tr("sd.form.prompt_help"),
        persist_state="session",
    )
    _token_count(ref, prompt)
    chosen = presets.preset(var.number, st.session_state[f"{prefix}_preset"])
    if language() == "uk" and prompt.strip() == chosen.prompt:
        st.caption(tr("sd.form.meaning", text=chosen.meaning_uk))
    negative = st.text_area(
        tr("sd.form.negative"), key=f"{prefix}_negative", height=68, persist_state="session"
    )
    _token_count(ref, negative)
    fixed_size = bool(getattr(ref, "fixed_size", None))  # a model that draws one size only
    a, b, c = st.columns(3)
    a.selectbox(
        tr("sd.form.sampler"),
        getattr(ref, "samplers", None) or samplers.NAMES,
        key=f"{prefix}_sampler",
        help=tr("sd.form.sampler_help"),
        persist_state="session",
    )
    b.slider(
        tr("sd.form.steps"),
        1,
        generate.MAX_STEPS,
        key=f"{prefix}_steps",
        help=tr("sd.form.steps_help"),
        persist_state="session",
    )
    decimal_slider(
        tr("sd.form.cfg"),
        *generate.CFG_RANGE,
        0.5,
        into=c,
        key=f"{prefix}_cfg",
        help=tr("sd.form.cfg_help"),
        persist_state="session",
    )
    a, b, c, d, e = st.columns([2, 2, 2, 1, 1])
    a.slider(
        tr("sd.form.width"),
        *generate.SIZE_RANGE,
        step=8,
        key=f"{prefix}_width",
        disabled=fixed_size,
        persist_state="session",
    )
    b.slider(
        tr("sd.form.height"),
        *generate.SIZE_RANGE,
        step=8,
        key=f"{prefix}_height",
        help=tr("sd.form.fixed_size_help" if fixed_size else "sd.form.size_help"),
        disabled=fixed_size,
        persist_state="session",
    )
    c.number_input(
        tr("common.seed"),
        -1,
        2**32 - 1,
        key=f"{prefix}_seed",
        help=tr("sd.form.seed_help"),
        persist_state="session",
    )
    d.number_input(
        tr("sd.form.batch_count"),
        1,
        generate.MAX_BATCH_COUNT,
        key=f"{prefix}_batch_count",
        persist_state="session",
    )
    e.number_input(
        tr("sd.form.batch_size"),
        1,
        generate.MAX_BATCH_SIZE,
        key=f"{prefix}_batch_size",
        persist_state="session",
    )


def _token_count(ref: ModelRef, text: str) -> None:
    """A1111's count under a prompt box: tokens used of the chunks' room ("12/75"), and each chunk's tokens."""
    if ref.kind not in prompts.CLIP_KINDS:  # a model that reads no text prompt through CLIP
        return
    tokenizer = prompts.tokenizer_for(ref)
    if tokenizer is None:
        st.caption(tr("sd.tokens.unknown"))
        return
    count = prompts.count(tokenizer, text)
    line = tr("sd.tokens", used=count.used, limit=count.limit)
    if len(count.chunks) > 1:
        sizes = " + ".join(str(n) for n in count.chunks)
        line += " · " + tr("sd.tokens.chunks", count=len(count.chunks), sizes=sizes)
    st.caption(line)


def _pictures(prefix: str) -> dict:
    """img2img's picture and denoising strength; inpaint's mask and options as well."""
    left, right = st.columns([2, 1])
    with left:
        image = uploaded_image(tr("sd.i2i.image"), f"{prefix}_image")
        if image is not None and prefix == "i2i":
            st.image(image, width=320)
    strength = decimal_slider(
        tr("sd.i2i.strength"),
        0.0,
        1.0,
        0.05,
        into=right,
        value=0.75,
        key=f"{prefix}_strength",
        help=tr("sd.i2i.strength_help"),
        persist_state="session",
    )
    fields = {"init_image": image, "strength": float(strength)}
    if prefix == "inp" and image is not None:
        fields |= inpaint.options(image)
    return fields


def _results(snap: jobs.Snapshot) -> None:
    """The job's progress with A1111's Interrupt and the accelerator's queue; when it is over, its
    images, seeds and parameters."""
    waiting = bool(snap.info.get("waiting"))
    stop = tr("sd.queue.leave") if waiting else tr("sd.interrupt")
    progress(snap, "gen_stop", text=_progress_text(snap), stop_label=stop)
    if not snap.finished:
        _queue(snap.id)
    images = snap.result if snap.finished and snap.result else []
    if images:
        _images(snap.id, images)


def _queue(job_id: str) -> None:
    """Every turn on the shared accelerator in order: what it is, whose session (never a name), and
    since when it waits or runs. Shown while anyone waits."""
    turns = compute.ACCELERATOR.queue()
    if not any(turn.started is None for turn in turns):
        return
    now, me = time.time(), actor().owner
    lines = []
    for number, turn in enumerate(turns, 1):
        holder = turn.holder
        what = tr(f"sd.queue.kind.{holder.kind if holder.kind in QUEUE_KINDS else 'other'}")
        if holder.owner == me:
            whose = tr("sd.queue.you")
        else:  # a fingerprint of the session: tells sessions apart, names nobody
            tag = hashlib.sha256(f"queue:{holder.owner}".encode()).hexdigest()[:4]
            whose = tr("sd.queue.session", tag=tag)
        if turn.started is None:
            state = tr("sd.queue.waits", time=duration(now - turn.queued))
        else:
            state = tr("sd.queue.runs", time=duration(now - turn.started))
        line = f"{what} · {whose} · {state}"
        lines.append(f"{number}. " + (f"**{line}**" if holder.job_id == job_id else line))
    with st.container(border=True):
        st.caption(tr("sd.queue.title"))
        st.markdown("\n".join(lines))


def _images(job_id: str, images: list[generations.SavedImage]) -> None:
    """The pictures four to a row with seed, time and a download each (PNG, JPEG or WebP, with the
    parameters inside, as A1111 saves them), and their parameters."""
    st.markdown(tr("sd.used_seeds", seeds=", ".join(str(i.seed) for i in images)))
    kind = st.segmented_control(
        tr("sd.save_as"),
        list(images_out.FORMATS),
        default="png",
        required=True,
        format_func=lambda k: images_out.FORMATS[k].name,
        key="sdp_save_as",
        help=tr("sd.save_as_help"),
        persist_state="session",
    )
    out = images_out.FORMATS[kind]
    for start in range(0, len(images), 4):
        for col, image in zip(st.columns(4), images[start : start + 4], strict=False):
            caption = tr("sd.image_caption", seed=image.seed, time=duration(image.seconds))
            col.image(
                str(image.path), caption=caption + (" · " + tr("sd.interrupted") if image.interrupted else "")
            )
            col.download_button(
                tr("sd.download", kind=out.name),
                lambda image=image: image.file(kind),  # made on the click only: JPEG and WebP take time
                file_name=image.path.with_suffix(out.suffix).name,
                mime=out.mime,
                key=f"dl_{job_id}_{image.path.name}",
                icon=":material/download:",
            )
    with st.expander(tr("sd.parameters")):
        st.code(images[0].parameters, language=None, wrap_lines=True)


def _progress_text(snap: jobs.Snapshot) -> str:
    info = snap.info
    if info.get("loading"):
        return tr("sd.progress.loading")
    return tr(
        "sd.progress.gen",
        batch=info.get("batch", 1),
        batches=info.get("batches", 1),
        step=info.get("step", 0),
        steps=info.get("steps", 0),
    )
