"""
Addresses of films hosted elsewhere, made into the provider's player address.

Each provider's film ids have a shape; an address whose id cannot be one is
an AddressError that says what to copy instead, never a player for no film.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qs, urlencode, urlsplit


class AddressError(ValueError):
    pass


@dataclass(frozen=True)
class Provider:
    name: str
    origin: str  # the CSP's frame-src allows it (forebygg.csp writes it into deploy/)
    share: str  # the addresses its Share button gives, for advice


YOUTUBE = Provider(
    "YouTube", "https://www.youtube-nocookie.com", "https://youtu.be/ID or https://www.youtube.com/watch?v=ID"
)
VIMEO = Provider(
    "Vimeo",
    "https://player.vimeo.com",
    "https://vimeo.com/NUMBER, or https://vimeo.com/NUMBER/HASH for an unlisted film",
)
DAILYMOTION = Provider(
    "Dailymotion", "https://www.dailymotion.com", "https://www.dailymotion.com/video/ID or https://dai.ly/ID"
)
PROVIDERS = (YOUTUBE, VIMEO, DAILYMOTION)


def player(address: str) -> tuple[Provider, str]:
    """The provider of a film's address and the address of its player, which plays it at once."""
    parts = urlsplit(address)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    reader = READERS.get(host)
    if parts.scheme != "https" or reader is None:
        names = ", ".join(sorted(provider.name for provider in PROVIDERS))
        raise AddressError(
            f"films cannot be hosted at {address} – use an https:// address at {names}, "
            f"or a film file of our own"
        )
    provider, read = reader
    found = read(parts)
    if found is None:
        raise AddressError(
            f"{address} is not the address of a {provider.name} film – copy it from the "
            f"film's Share button: {provider.share}"
        )
    return provider, _embed(provider, address, *found)


def _youtube(parts: SplitResult) -> tuple[str, str] | None:
    if parts.hostname == "youtu.be":
        match = re.fullmatch(r"/([^/]*)/?", parts.path)
    elif parts.path.rstrip("/") == "/watch":
        return (parse_qs(parts.query).get("v") or [""])[0], ""
    else:
        match = re.fullmatch(r"/(?:embed|shorts|live|v)/([^/]*)/?", parts.path)
    return (match.group(1), "") if match else None


def _vimeo(parts: SplitResult) -> tuple[str, str] | None:
    path = parts.path.rstrip("/")
    if parts.hostname == "player.vimeo.com":
        match = re.fullmatch(r"/video/([^/]*)", path)
        return (match.group(1), (parse_qs(parts.query).get("h") or [""])[0]) if match else None
    # vimeo.com/ID, /ID/HASH (unlisted), /channels/NAME/ID, /groups/NAME/videos/ID
    match = re.fullmatch(r"(?:/channels/[^/]+|/groups/[^/]+/videos)?/(\d[^/]*)(?:/([^/]+))?", path)
    return (match.group(1), match.group(2) or "") if match else None


def _dailymotion(parts: SplitResult) -> tuple[str, str] | None:
    pattern = r"/([^/]*)/?" if parts.hostname == "dai.ly" else r"(?:/embed)?/video/([^/_]*)(?:_[^/]*)?/?"
    match = re.fullmatch(pattern, parts.path)
    return (match.group(1), "") if match else None


READERS = {
    "youtube.com": (YOUTUBE, _youtube),
    "youtu.be": (YOUTUBE, _youtube),
    "youtube-nocookie.com": (YOUTUBE, _youtube),
    "vimeo.com": (VIMEO, _vimeo),
    "player.vimeo.com": (VIMEO, _vimeo),
    "dailymotion.com": (DAILYMOTION, _dailymotion),
    "dai.ly": (DAILYMOTION, _dailymotion),
}

# What each provider's film ids look like, said for an editor.
IDS = {
    YOUTUBE: (r"[A-Za-z0-9_-]{11}", "11 letters, digits, - or _"),
    VIMEO: (r"\d+", "a number"),
    DAILYMOTION: (r"x[A-Za-z0-9]+", "x followed by letters and digits"),
}


def _embed(provider: Provider, address: str, film: str, secret: str) -> str:
    if not film:
        raise AddressError(
            f"no film is named in {address} – copy the film's address from its Share button: {provider.share}"
        )
    pattern, shape = IDS[provider]
    if not re.fullmatch(pattern, film):
        raise AddressError(
            f"'{film}' in {address} cannot be a {provider.name} film id ({shape}) – copy the "
            f"film's address again from its Share button: {provider.share}"
        )
    if provider is YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{film}?autoplay=1"
    if provider is DAILYMOTION:
        return f"https://www.dailymotion.com/embed/video/{film}?autoplay=1"
    # An unlisted Vimeo film plays only with its privacy hash.
    if secret and not re.fullmatch(r"[0-9a-f]+", secret):
        raise AddressError(
            f"'{secret}' in {address} cannot be the privacy hash of an unlisted Vimeo film "
            f"(digits and a–f) – copy the film's address again from its Share button: "
            f"{provider.share}"
        )
    query = ({"h": secret} if secret else {}) | {"dnt": 1, "autoplay": 1}
    return f"https://player.vimeo.com/video/{film}?{urlencode(query)}"
