"""GenLab's entry point: the router (navigation with sections, and the sidebar).

``streamlit run app.py`` first imports this file as a module, to serve it: then it only
builds the ASGI app with its start-up hook (``services/common/startup.py``: interrupted
training resumes before anyone opens a page). Each page view runs it as a script: the router.
"""

import streamlit as st

if __name__ != "__main__":  # imported by `streamlit run` to serve the app
    from services.common.startup import lifespan

    app = st.App(__file__, lifespan=lifespan)
else:
    from ui.router import route

    route()
