"""Where a form may send the browser next: only a path on this site, never another site."""

from urllib.parse import urlsplit


def same_site_path(target: str | None) -> bool:
    """True for `/office?x=1`; false for `https://evil.example/`, `//evil.example`, `/\\evil.example` or junk."""
    # Browsers read a backslash as a slash, so "/\evil.example" is another site as much as "//evil.example".
    if not target or not target.startswith("/") or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    parts = urlsplit(target)
    return not target.startswith("//") and not parts.scheme and not parts.netloc
