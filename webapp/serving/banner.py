"""What the launcher prints on start: the addresses, the CA's fingerprint, QR codes a phone can scan."""

import segno

# Dark modules black, light modules white, whatever the terminal's own colours are.
_FG = {True: "30", False: "97"}
_BG = {True: "40", False: "107"}
_RESET = "\x1b[0m"


def qr_lines(text: str, border: int = 2) -> list[str]:
    """A QR code in half-block characters, two module rows per line, colours set explicitly."""
    rows = [list(map(bool, row)) for row in segno.make(text, error="m").matrix_iter(scale=1, border=border)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2]):
        cells = "".join(f"\x1b[{_FG[t]};{_BG[b]}m▀" for t, b in zip(top, bottom))
        lines.append(cells + _RESET)
    return lines


def side_by_side(blocks: list[tuple[str, list[str]]], gap: int = 4) -> list[str]:
    """QR codes next to each other, each under its caption."""
    widths = [max(len(caption), _visible_width(lines)) for caption, lines in blocks]
    height = max(len(lines) for _, lines in blocks)
    out = ["".join(caption.ljust(w + gap) for (caption, _), w in zip(blocks, widths)).rstrip()]
    for i in range(height):
        parts = []
        for (_, lines), w in zip(blocks, widths):
            line = lines[i] if i < len(lines) else ""
            parts.append(line + " " * (w - _visible_width([line]) + gap))
        out.append("".join(parts).rstrip())
    return out


def _visible_width(lines: list[str]) -> int:
    return max((line.count("▀") for line in lines), default=0)


def banner(
    secure: str, setup: str | None, listening: list[str], fingerprint: str | None, with_qr: bool, note: str = ""
) -> list[str]:
    """The start-up text (QR codes only on a terminal: in a log they are escape-code noise)."""
    lines = ["", "Tanaoroshi is serving", ""]
    if secure:
        lines.append(f"  Secure address (phones, tablets, this PC): {secure}/")
    if setup:
        lines.append(f"  Setup page (open it first on each phone):  {setup}")
    lines += [f"  Listening: {entry}" for entry in listening]
    if note:
        lines.append(f"             {note}")
    if fingerprint:
        lines.append(f"  CA fingerprint (SHA-256): {fingerprint}")
    if with_qr and secure:
        blocks = ([("1. setup page (plain HTTP)", qr_lines(setup))] if setup else []) + [
            ("2. secure address", qr_lines(secure + "/"))
        ]
        lines += [""] + ["  " + line for line in side_by_side(blocks)]
    lines += ["", "  Stop with Ctrl-C.", ""]
    return lines
