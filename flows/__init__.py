"""Prefect flows and the command line."""

import os

# The machines newsprint runs on may have no way out: Prefect's embedded
# server must not try to send usage telemetry (it logs an error each start).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
