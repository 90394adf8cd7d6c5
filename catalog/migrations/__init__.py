"""Alembic migrations of the catalog's schema (``catalog.migrate`` runs them)."""
