"""Prefect flows and the command line.

Importing this package changes nothing in the process: the Prefect servers
newsprint starts get their environment from ``flows/prefect_api.py``.
"""
