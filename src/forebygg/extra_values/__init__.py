"""Facts and texts from mkdocs.yml `extra:`, in pages and templates, and their checks."""
