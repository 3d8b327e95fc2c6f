"""ZPL II for thermal label printers: millimetres to dots, escaped field data, fields placed inside the label."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# Print heads: 203 dpi is 8 dots/mm exactly as Zebra counts it; 300 dpi is 11.81 dots/mm.
DOTS_PER_MM = {203: 8.0, 300: 11.81}
TEXT_MODES = ("font", "graphic")
MAX_COPIES = 100
_ESCAPED = {"_", "^", "~"}


class LabelDoesNotFit(ValueError):
    """A layout whose fields cannot all sit inside the configured label; says what needs how much room."""

    def __init__(self, what: str, needed_mm: tuple[float, float], label_mm: tuple[float, float]) -> None:
        super().__init__(
            f"The {what} does not fit on a {label_mm[0]:g} x {label_mm[1]:g} mm label: "
            f"it needs about {needed_mm[0]:.0f} x {needed_mm[1]:.0f} mm."
        )
        self.what = what
        self.needed_mm = needed_mm
        self.label_mm = label_mm


def dots(mm: float, dpi: int) -> int:
    """Millimetres as whole print-head dots at `dpi` (203 or 300)."""
    return round(mm * DOTS_PER_MM[dpi])


def field_data(text: str) -> str:
    """`^FH_^FD...` for `text`: ^ and ~ (ZPL commands), _ (the escape itself) and control characters as _XX hex."""
    out = []
    for ch in text:
        if ch in _ESCAPED or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"_{ord(ch):02X}")
        else:
            out.append(ch)  # anything else goes as UTF-8 under ^CI28
    return "^FH_^FD" + "".join(out)


@dataclass(frozen=True)
class Box:
    """A field's rectangle in dots from the label's top-left corner."""

    x: int
    y: int
    width: int
    height: int

    def inside(self, width: int, height: int) -> bool:
        """Whether the box lies wholly on a label of width x height dots."""
        return self.x >= 0 and self.y >= 0 and self.x + self.width <= width and self.y + self.height <= height


@dataclass(frozen=True)
class Bitmap:
    """A monochrome picture for ^GFA: `rows` of packed bits, 1 = black, each row `ceil(width / 8)` bytes."""

    width: int
    height: int
    rows: tuple[bytes, ...]

    @property
    def row_bytes(self) -> int:
        return math.ceil(self.width / 8)


@dataclass(frozen=True)
class LabelSize:
    """A printer's label stock and head: width and height in mm, dots per inch."""

    width_mm: float
    height_mm: float
    dpi: int

    @property
    def width(self) -> int:
        return dots(self.width_mm, self.dpi)

    @property
    def height(self) -> int:
        return dots(self.height_mm, self.dpi)

    def dots(self, mm: float) -> int:
        return dots(mm, self.dpi)

    def mm(self, dot_count: int) -> float:
        return dot_count / DOTS_PER_MM[self.dpi]


@dataclass
class Label:
    """One label being laid out: each field is added with its box, and a box off the label is refused."""

    size: LabelSize
    what: str
    commands: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    def place(self, box: Box, command: str) -> None:
        """Add a field at its box, or refuse the whole layout when the box leaves the label."""
        if not box.inside(self.size.width, self.size.height):
            needed = (max(self.size.width, box.x + box.width), max(self.size.height, box.y + box.height))
            raise LabelDoesNotFit(
                self.what, (self.size.mm(needed[0]), self.size.mm(needed[1])), (self.size.width_mm, self.size.height_mm)
            )
        self.boxes.append(box)
        self.commands.append(f"^FO{box.x},{box.y}{command}^FS")

    def text(self, box: Box, text: str, height: int, *, lines: int = 1, align: str = "L", font: str = "0") -> None:
        """Text in a field block of the box's width (wrapped to `lines`); font "0" or a named font like E:ANMDJ.TTF."""
        font_command = f"^A0N,{height},{height}" if font == "0" else f"^A@N,{height},{height},{font}"
        self.place(box, f"{font_command}^FB{box.width},{lines},0,{align},0{field_data(text)}")

    def graphic(self, x: int, y: int, bitmap: Bitmap) -> None:
        """A bitmap as ^GFA hex at (x, y)."""
        data = "".join(row.hex().upper() for row in bitmap.rows)
        total = bitmap.row_bytes * bitmap.height
        self.place(Box(x, y, bitmap.width, bitmap.height), f"^GFA,{total},{total},{bitmap.row_bytes},{data}")

    def zpl(self, copies: int = 1) -> str:
        """The label's ZPL: UTF-8 (^CI28), print width and length from its size, `copies` of it."""
        if not 1 <= copies <= MAX_COPIES:
            raise ValueError(f"copies must be 1-{MAX_COPIES}")
        head = f"^XA^CI28^PW{self.size.width}^LL{self.size.height}^LH0,0"
        return head + "\n" + "\n".join(self.commands) + f"\n^PQ{copies},0,1,Y^XZ\n"
