"""``newsprint web``: a review page for archivists (FastAPI, server-rendered).

See ``web.app.create_app``; ``web.command`` adds the ``web`` command to the CLI.
"""
