"""newsprint: OCR for scanned newspaper pages, from scan to per-article text.

The installed package maps its subpackages onto the checkout's stage folders
(``newsprint.layout`` is ``layout/``, ``newsprint.ocr`` is ``ocr/``, ...): see
``[tool.setuptools.package-dir]`` in ``pyproject.toml``.
"""
