"""
The size of a download, as a reader reads it: "683 kB", "1,2 MB".
"""

from __future__ import annotations


def human_size(size: int, language: str) -> str:
    if size < 1_000_000:
        number, unit = f"{max(1, round(size / 1000))}", "kB"
    else:
        number, unit = f"{size / 1_000_000:.1f}", "MB"
    # Swedish writes a decimal comma.
    return f"{number.replace('.', ',') if language == 'sv' else number}\u00a0{unit}"
