"""
What makes a download the same bytes from the same text: a fixed date, and
ZIP files normalised.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from importlib import metadata
from io import BytesIO
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

# The date every download claims as created, modified and printed: a fixed
# one, so that two builds of the same text give the same bytes.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)

# The documents' text font; the PDF's fields use a Latin subset of it.
DOCUMENT_FONT = "Liberation Sans"

# The libraries whose output is in the downloads.
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "python-docx", "odfpy", "markdown")


def reproducible_zip(data: bytes) -> bytes:
    """The same ZIP with fixed dates and permissions, and 'mimetype' first and uncompressed.

    python-docx and odfpy date each entry with the time of writing.
    """
    with ZipFile(BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries.sort(key=lambda entry: entry[0] != "mimetype")  # stable: the rest keep their order
    output = BytesIO()
    with ZipFile(output, "w") as target:
        for name, content in entries:
            info = ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = ZIP_STORED if name == "mimetype" else ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return output.getvalue()


def code_key(package: Path, font: Path | None) -> bytes:
    """A hash of what, besides a template, makes its downloads' bytes.

    Every file of this package (`package`, its folder), the font file the PDF
    embeds a subset of, and the libraries' versions. A cache of downloads
    under this key is never stale.
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".css") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(b"font\0" + (font.read_bytes() if font else b""))
    for library in LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    return digest.digest()
