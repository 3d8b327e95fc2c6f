"""Japanese text drawn as a monochrome bitmap for ^GFA, with the IPAex Gothic font the app already ships."""

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ...domain.zpl import Bitmap

# The order documents' embedded font (services/purchasing/fonts): one copy of the 6 MB file serves both.
FONT_PATH = Path(__file__).resolve().parents[1] / "purchasing" / "fonts" / "ipaexg.ttf"


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size=size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """Greedy wrap by glyph width (Japanese has no spaces to break at); the last line ends in … when cut."""
    out, line = [], ""
    for ch in text:
        if font.getlength(line + ch) <= width:
            line += ch
            continue
        out.append(line)
        line = ch
        if len(out) == lines:
            break
    else:
        out.append(line)
        return out[:lines]
    last = out[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    return [*out[:-1], last + "…"]


def draw_text(text: str, width: int, line_height: int, lines: int = 1, align: str = "L") -> Bitmap:
    """`text` wrapped onto up to `lines` lines of `line_height` dots within `width` (made a multiple of 8).

    `align` "R" sets each line against the right edge (a price), "C" centres it, "L" is the default.
    """
    width -= width % 8  # whole bytes per row: no padding bits printed past the box
    font = _font(max(1, round(line_height * 0.9)))
    image = Image.new("1", (width, line_height * lines), 1)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(_wrap(text, font, width, lines)):
        room = width - font.getlength(line)
        x = {"R": room, "C": room / 2}.get(align, 0)
        draw.text((max(0, x), i * line_height), line, font=font, fill=0)
    raw = bytes(b ^ 0xFF for b in image.tobytes())  # Pillow's 1 is white; ZPL's 1 is a black dot
    step = width // 8
    return Bitmap(width, line_height * lines, tuple(raw[i : i + step] for i in range(0, len(raw), step)))
