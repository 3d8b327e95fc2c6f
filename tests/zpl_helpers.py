"""Test helpers for ZPL labels: a stand-in printer on 127.0.0.1:9100, a reader of the ZPL subset the app emits
(every field's position, size and data, decoded on its own terms), and a renderer to PNG with its barcodes read back."""

from __future__ import annotations

import io
import re
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import segno

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "zpl"
FONT = Path(__file__).resolve().parents[1] / "webapp" / "services" / "purchasing" / "fonts" / "ipaexg.ttf"
PRINTER_PORT = 9100


# ---- the stand-in printer ------------------------------------------------------------------------------------


class StandInPrinter:
    """A raw-port printer on 127.0.0.1: every connection's bytes, read to EOF, kept as one received job."""

    def __init__(self, port: int = PRINTER_PORT) -> None:
        self.jobs: list[bytes] = []
        jobs = self.jobs

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                chunks = []
                while chunk := self.request.recv(65536):
                    chunks.append(chunk)
                jobs.append(b"".join(chunks))

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        try:
            self.server = Server(("127.0.0.1", port), Handler)
        except OSError as exc:
            pytest.fail(f"Port {port} on 127.0.0.1 is in use ({exc}); the stand-in printer needs it free.")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandInPrinter:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[bytes]:
        """The jobs once `count` have come in (the handler thread may still be reading the last)."""
        deadline = threading.Event()
        for _ in range(int(timeout * 20)):
            if len(self.jobs) >= count:
                return self.jobs
            deadline.wait(0.05)
        raise AssertionError(f"the printer received {len(self.jobs)} jobs, expected {count}")


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: a printer that is switched off."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- reading the ZPL -----------------------------------------------------------------------------------------


@dataclass
class Field:
    """One ^FO ... ^FS field: where it is, what draws it, its data and the box it covers in dots."""

    x: int
    y: int
    kind: str  # ean13, code128, qr, text, graphic
    data: str = ""
    params: list[str] = field(default_factory=list)
    module: int = 2
    width: int = 0
    height: int = 0


@dataclass
class ParsedLabel:
    width: int
    length: int
    copies: int
    utf8: bool
    fields: list[Field]

    def of(self, kind: str) -> list[Field]:
        return [f for f in self.fields if f.kind == kind]

    def outside(self) -> list[Field]:
        """Fields whose box leaves the ^PW x ^LL label."""
        return [
            f for f in self.fields if f.x < 0 or f.y < 0 or f.x + f.width > self.width or f.y + f.height > self.length
        ]


_COMMAND = re.compile(r"([\^~])([A-Z@][A-Z0-9@]?)")


def _unhex(data: str) -> str:
    """^FH_ data back to text: _XX hex escapes are bytes of the UTF-8 text."""
    raw = bytearray()
    i = 0
    encoded = data.encode("utf-8")
    while i < len(encoded):
        if encoded[i : i + 1] == b"_":
            raw.append(int(encoded[i + 1 : i + 3], 16))
            i += 3
        else:
            raw.append(encoded[i])
            i += 1
    return raw.decode("utf-8")


def code128_symbols(data: str) -> tuple[list[tuple[str, str]], int]:
    """ZPL ^BC data (>; start C, >8 FNC1, >6 to B, >0 a '>') read as (subset, value) symbols, with their count."""
    symbols: list[tuple[str, str]] = []
    subset, i = "B", 0
    if data.startswith(">;"):
        subset, i = "C", 2
    elif data.startswith(">:"):
        i = 2
    while i < len(data):
        if data[i] == ">":
            code = data[i + 1]
            if code == "8":
                symbols.append((subset, "FNC1"))
            elif code == "6":
                symbols.append((subset, "CodeB"))
                subset = "B"
            elif code == "0" and subset == "B":
                symbols.append((subset, ">"))  # code value 30 of subset B
            else:
                raise AssertionError(f"unexpected invocation >{code}")
            i += 2
        elif subset == "C":
            pair = data[i : i + 2]
            assert len(pair) == 2 and pair.isdigit(), f"subset C takes digit pairs, got {pair!r}"
            symbols.append(("C", pair))
            i += 2
        else:
            symbols.append(("B", data[i]))
            i += 1
    return symbols, len(symbols)


def code128_text(data: str) -> str:
    """What a scanner reads from ^BC data: GS1 element string ]C1... with FNC1 separators as GS, or plain text."""
    symbols, _ = code128_symbols(data)
    gs1 = symbols and symbols[0][1] == "FNC1"
    out = []
    for n, (_subset, value) in enumerate(symbols):
        if value == "FNC1":
            if n:
                out.append("\x1d")
        elif value != "CodeB":
            out.append(value)
    return ("]C1" if gs1 else "") + "".join(out)


def qr_side(text: str) -> int:
    """Modules across the largest QR (byte mode, level M) a printer could make for `text`."""
    return segno.make_qr(text, error="m", mode="byte", boost_error=False).symbol_size(border=0)[0]


def _box(f: Field, commands: dict) -> None:
    if f.kind == "ean13":
        f.width, f.height = 95 * f.module, int(f.params[2])
    elif f.kind == "code128":
        _, count = code128_symbols(f.data)
        f.width, f.height = ((count + 2) * 11 + 13) * f.module, int(f.params[2])
    elif f.kind == "qr":
        f.width = f.height = qr_side(f.data.split(",", 1)[1]) * int(f.params[3])
    elif f.kind == "text":
        block = commands["FB"]
        f.width, f.height = int(block[0]), int(block[1]) * int(commands["font"][1])
    elif f.kind == "graphic":
        total, row = int(f.params[1]), int(f.params[3])
        f.width, f.height = row * 8, total // row


def parse_zpl(zpl: bytes | str) -> list[ParsedLabel]:
    """Every ^XA..^XZ label of a job with its size, copies and fields (the subset of ZPL the app writes)."""
    text = zpl.decode("utf-8") if isinstance(zpl, bytes) else zpl
    labels = []
    for body in re.findall(r"\^XA(.*?)\^XZ", text, re.S):
        width = length = 0
        copies, utf8, fields, module = 1, False, [], 2
        current, commands = None, {}
        parts = _COMMAND.split(body)
        # parts: [before, prefix, name, args, prefix, name, args, ...]
        for k in range(1, len(parts), 3):
            name, args = parts[k + 1], parts[k + 2].strip()
            if name == "CI":
                utf8 = args == "28"
            elif name == "PW":
                width = int(args)
            elif name == "LL":
                length = int(args)
            elif name == "PQ":
                copies = int(args.split(",")[0])
            elif name == "FO":
                x, y = (int(v) for v in args.split(",")[:2])
                current, commands = Field(x, y, ""), {}
            elif name == "BY":
                module = int(args.split(",")[0])
            elif name in ("BE", "BC", "BQ"):
                current.kind = {"BE": "ean13", "BC": "code128", "BQ": "qr"}[name]
                current.params, current.module = [name, *args.split(",")], module  # [name, N, height or model, ...]
            elif name in ("A0", "A@"):
                current.kind = "text"
                commands["font"] = [name, args.split(",")[1]]  # N,height,width[,font name]
            elif name == "FB":
                commands["FB"] = args.split(",")
            elif name == "GF":
                current.kind, current.params = "graphic", args.split(",")
                current.data = current.params[4]
            elif name == "FD":
                current.data = _unhex(parts[k + 2]) if commands.get("FH") else parts[k + 2]
            elif name == "FH":
                commands["FH"] = True
            elif name == "FS":
                _box(current, commands)
                fields.append(current)
                current = None
        labels.append(ParsedLabel(width, length, copies, utf8, fields))
    return labels


# ---- rendering and reading back ------------------------------------------------------------------------------


def render_png(zpl: bytes, dpi: int, name: str) -> bytes:
    """The label drawn by zplkit (a ZPL renderer), written to test-artifacts/zpl/<name>.png.

    The printer's Unicode font is downloaded first (~DY) the way a shop loads it into a Zebra once, so the
    font-mode labels show their Japanese; ^PQ (copies) is a print-queue command the renderer does not take.
    """
    from zplkit import Options, render
    from zplkit.rendering import Limits

    font = FONT.read_bytes()
    download = b"~DYE:ANMDJ,B,T,%d,," % len(font) + font
    body = re.sub(rb"\^PQ[0-9,YN]*", b"", zpl)
    limits = Limits(input_bytes=16 << 20, font_bytes=16 << 20)
    document = render(download + body, Options(profile="specification", dpi=dpi), limits=limits)
    png = document.labels[0].png()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.png").write_bytes(png)
    return png


def read_barcodes(png: bytes) -> list[tuple[str, str, str]]:
    """(format, text, symbology identifier) of every barcode zxing-cpp finds in the picture."""
    import zxingcpp
    from PIL import Image

    return [
        (r.format.name, r.text, r.symbology_identifier) for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    ]


class SilentPrinter:
    """A printer that takes the connection and then reads nothing (a jammed or paused one), or hangs up early."""

    def __init__(self, *, hang_up_after: int | None = None) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.hang_up_after = hang_up_after
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        self.connections.append(conn)
        if self.hang_up_after is not None:
            conn.recv(self.hang_up_after)
            # A reset, not a polite close: the sender's next writes fail instead of filling a dead buffer.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            conn.close()

    def __enter__(self) -> SilentPrinter:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        for conn in self.connections:
            conn.close()
        self.sock.close()
