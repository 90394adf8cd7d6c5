"""``newsprint web``: a review page for archivists (FastAPI, server-rendered).

See ``web.app.create_app``; ``web.command`` is the ``web`` command (``flows.cli`` registers it).
"""
