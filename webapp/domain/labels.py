"""Barcodes for printed labels as SVG, with no dependency: Code 128 (bins) and EAN-13 (items)."""

from ..domain.gtin import gtin_check_digit

# Code 128 symbol patterns 0-105, 11 modules each, as bits (1 = bar), in code-value order.
_C128 = (
    0x6CC,
    0x66C,
    0x666,
    0x498,
    0x48C,
    0x44C,
    0x4C8,
    0x4C4,
    0x464,
    0x648,
    0x644,
    0x624,
    0x59C,
    0x4DC,
    0x4CE,
    0x5CC,
    0x4EC,
    0x4E6,
    0x672,
    0x65C,
    0x64E,
    0x6E4,
    0x674,
    0x76E,
    0x74C,
    0x72C,
    0x726,
    0x764,
    0x734,
    0x732,
    0x6D8,
    0x6C6,
    0x636,
    0x518,
    0x458,
    0x446,
    0x588,
    0x468,
    0x462,
    0x688,
    0x628,
    0x622,
    0x5B8,
    0x58E,
    0x46E,
    0x5D8,
    0x5C6,
    0x476,
    0x776,
    0x68E,
    0x62E,
    0x6E8,
    0x6E2,
    0x6EE,
    0x758,
    0x746,
    0x716,
    0x768,
    0x762,
    0x71A,
    0x77A,
    0x642,
    0x78A,
    0x530,
    0x50C,
    0x4B0,
    0x486,
    0x42C,
    0x426,
    0x590,
    0x584,
    0x4D0,
    0x4C2,
    0x434,
    0x432,
    0x612,
    0x650,
    0x7BA,
    0x614,
    0x47A,
    0x53C,
    0x4BC,
    0x49E,
    0x5E4,
    0x4F4,
    0x4F2,
    0x7A4,
    0x794,
    0x792,
    0x6DE,
    0x6F6,
    0x7B6,
    0x578,
    0x51E,
    0x45E,
    0x5E8,
    0x5E2,
    0x7A8,
    0x7A2,
    0x5DE,
    0x5EE,
    0x75E,
    0x7AE,
    0x684,
    0x690,
    0x69C,
)
_STOP = "1100011101011"  # the stop symbol with its final two-module bar
_START_B = 104
_EAN_L = ("0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011")
_EAN_G = tuple("".join("1" if b == "0" else "0" for b in p)[::-1] for p in _EAN_L)
_EAN_R = tuple("".join("1" if b == "0" else "0" for b in p) for p in _EAN_L)
# Which of L/G codes the 6 left digits use, chosen by the first digit.
_EAN_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")


def code128_modules(text: str) -> str:
    """The bar/space modules (1 = bar) of `text` in Code 128 set B, with start, check and stop symbols."""
    if not text or any(not 32 <= ord(ch) <= 126 for ch in text):
        raise ValueError("Code 128 set B takes printable ASCII only")
    values = [_START_B] + [ord(ch) - 32 for ch in text]
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    return "".join(format(_C128[v], "011b") for v in values + [check]) + _STOP


def ean13_modules(code: str) -> str:
    """The modules of an EAN-13 (a 12-digit code gets its check digit)."""
    if len(code) == 12:
        code += str(gtin_check_digit(code))
    if len(code) != 13 or not code.isdigit():
        raise ValueError("EAN-13 takes 12 or 13 digits")
    left = "".join((_EAN_L if p == "L" else _EAN_G)[int(d)] for p, d in zip(_EAN_PARITY[int(code[0])], code[1:7]))
    right = "".join(_EAN_R[int(d)] for d in code[7:])
    return "101" + left + "01010" + right + "101"


def svg(modules: str, *, module_px: float = 2, height: int = 60, quiet: int = 10) -> str:
    """An SVG drawing of the modules, one rect per bar, with quiet zones on both sides."""
    width = (len(modules) + 2 * quiet) * module_px
    rects, i = [], 0
    while i < len(modules):
        j = i
        while j < len(modules) and modules[j] == modules[i]:
            j += 1
        if modules[i] == "1":
            x, w = (quiet + i) * module_px, (j - i) * module_px
            rects.append(f'<rect x="{x:g}" y="0" width="{w:g}" height="{height}"/>')
        i = j
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height}" width="{width:g}" '
        f'height="{height}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/>'
        f'<g fill="#000">{"".join(rects)}</g></svg>'
    )
