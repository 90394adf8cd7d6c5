"""Prefect flow ``reprocess``: run one page again with an archivist's overrides.

The new run is a new version (``<stem>/versions/vN/``) made current; the old
versions stay. The overrides are stored in the catalog with the page, so a
later re-ingestion keeps them. A page of an issue has its issue built again
(a new version of ``issue.mets.xml`` and ``issue.pdf``; task ``build-issue``).
"""

from __future__ import annotations

from pathlib import Path

from newsprint.catalog import Catalog, CatalogError, PageStatus, claimant_id
from newsprint.core.settings import Settings, load_settings
from newsprint.pipeline.issues import IssueBuilt
from newsprint.pipeline.jobs import NOT_RUNNING, PageOutcome, rebuild_issue_of, run_page
from newsprint.pipeline.overrides import Overrides
from prefect import flow, task


@task(name="reprocess-page", task_run_name="reprocess-{ref}")
def reprocess_task(
    ref: str, out: str, overrides: Overrides, settings: Settings, reason: str
) -> PageOutcome:
    catalog = Catalog.open(settings.catalog.url, Path(out))
    catalog.release_dead_claims()
    info = catalog.page(ref)
    if info.status == PageStatus.RUNNING:
        raise CatalogError(f"page {info.stem} is being processed by {info.claimed_by}")
    return run_page(
        catalog,
        info.id,
        Path(out),
        settings,
        claimant_id("reprocess"),
        statuses=NOT_RUNNING,
        overrides=overrides,
        reason=reason,
    )


@task(name="build-issue", task_run_name="issue-of-{ref}")
def issue_task(ref: str, out: str, settings: Settings, reason: str) -> IssueBuilt | None:
    catalog = Catalog.open(settings.catalog.url, Path(out))
    return rebuild_issue_of(catalog, ref, Path(out), settings, reason)


@flow(name="reprocess", log_prints=True)
def reprocess(
    page: str,
    out: str,
    overrides: Overrides | None = None,
    by: str | None = None,
    settings: Settings | None = None,
) -> PageOutcome:
    """Run page ``page`` (its stem or id) again with ``overrides`` added to the
    ones it already has; ``by`` names the archivist in the version's reason."""
    settings = settings or load_settings()
    reason = f"reprocess by {by}" if by else "reprocess"
    outcome = reprocess_task(str(page), str(out), overrides or Overrides(), settings, reason)
    if outcome.status in ("done", "flagged"):
        outcome.issue = issue_task(outcome.stem, str(out), settings, f"{outcome.stem}: {reason}")
    return outcome
