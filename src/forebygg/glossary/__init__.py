"""The glossary: docs/data/glossary.yml, its list, and the terms explained where pages use them."""
