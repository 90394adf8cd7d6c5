"""One file per schema revision, oldest first (``0001_initial`` is the schema of
the releases before migrations, created then with ``create_all``)."""
