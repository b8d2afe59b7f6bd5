"""
The reading levels a page or a form may declare with `readability:` in its
front matter, and what each promises. Here, not in forebygg.front_matter,
so that the forms' package, which imports nothing of MkDocs, checks the same
levels. The limits are kept by tests/test_readability.py; EDITING.md
("Promise a page's reading level") explains them.
"""

READING_LEVELS = {
    "plain": "plain language for a reader under stress, LIX at most 30",
    "easy": "easy to read (lättläst), LIX at most 25",
}
