"""The typed page model, settings and geometry that every stage shares."""
