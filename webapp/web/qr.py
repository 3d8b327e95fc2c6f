"""QR codes drawn on the server as inline SVG: no script, no request anywhere, sized by their container."""

import segno
from markupsafe import Markup


def qr_svg(text: str, border: int = 4, title: str | None = None) -> Markup:
    """The QR code of `text` (error correction M) as an <svg class="qr"> with a viewBox and no fixed size."""
    # Never a Micro QR (segno picks one for short text, a badge code): phones' native detectors do not read it.
    svg = segno.make_qr(text, error="m").svg_inline(
        scale=1, border=border, omitsize=True, dark="#111", light="#fff", svgclass="qr", title=title
    )
    return Markup(svg)
