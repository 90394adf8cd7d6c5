"""The page pipeline as plain functions: scan -> deskew -> layout -> OCR -> articles -> outputs.

Prefect flows (``flows/``) wrap these; nothing here imports Prefect.
"""

from newsprint.pipeline.run import PageResult, ScanResult, process_page, process_scan

__all__ = ["PageResult", "ScanResult", "process_page", "process_scan"]
