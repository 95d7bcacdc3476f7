"""GenLab's entry point: the router (navigation with sections, and the sidebar).

``streamlit run app.py`` first imports this file as a module, to serve it: then it only
builds the ASGI app with its start-up hook (``services/common/startup.py``: interrupted
training resumes before anyone opens a page; then the first page view is warmed).
Each page view runs it as a script: the router.
"""

import contextlib
import threading

import streamlit as st


def warm_up() -> None:
    from ui.router import warm_up

    warm_up()


@contextlib.asynccontextmanager
async def serving(app):
    """The server's start-up: resume interrupted work, then warm the first page view in the
    background while the first browser loads Streamlit's frontend (~0.7 s): Home draws ~0.1 s
    sooner (benchmarks/startup.py)."""
    from services.common.startup import lifespan

    async with lifespan(app):
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        yield


if __name__ != "__main__":  # imported by `streamlit run` to serve the app
    app = st.App(__file__, lifespan=serving)
else:
    from ui.router import route

    route()
