"""CSV bytes as Japanese Excel saves them: UTF-8 (with or without BOM) or Shift_JIS (CP932), and back."""

BOM = b"\xef\xbb\xbf"
# 〓 (geta) is what Japanese systems print for a character the code page lacks: visible, never silent.
CP932_STAND_IN = "〓"
EXPORT_ENCODINGS = ("utf-8-sig", "cp932")


class UndecodableText(ValueError):
    """Bytes that are neither UTF-8 nor CP932; `line` is the 1-based line of the first bad byte."""

    def __init__(self, line: int):
        super().__init__(f"line {line} is neither UTF-8 nor Shift_JIS")
        self.line = line


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 first (a BOM means UTF-8), then CP932; else UndecodableText naming the line."""
    if data.startswith(BOM):
        try:
            return data[len(BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise UndecodableText(data.count(b"\n", 0, exc.start + len(BOM)) + 1) from None
    failures = []
    for encoding in ("utf-8", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failures.append(exc.start)
            continue
        stray = next((i for i, c in enumerate(text) if _stray(c)), None)
        if stray is None:
            return text, encoding
        failures.append(len(text[:stray].encode(encoding)))
    # The encoding that read further is the one the file was meant to be in; blame its first bad line.
    raise UndecodableText(data.count(b"\n", 0, max(failures)) + 1)


def _stray(char: str) -> bool:
    """C1 controls and private-use code points: what CP932 makes of bytes no Excel file holds."""
    return "\x80" <= char <= "\x9f" or "\ue000" <= char <= "\uf8ff"


def encode_csv(text: str, encoding: str) -> tuple[bytes, int]:
    """(bytes, replaced): UTF-8 with BOM, or CP932 with each character it lacks replaced by 〓 (counted)."""
    if encoding not in EXPORT_ENCODINGS:
        raise ValueError(f"unknown export encoding {encoding!r}")
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig"), 0
    try:
        return text.encode("cp932"), 0
    except UnicodeEncodeError:
        pass  # the slow way only for a file that needs it
    out, replaced = [], 0
    for char in text:
        try:
            out.append(char.encode("cp932"))
        except UnicodeEncodeError:
            out.append(CP932_STAND_IN.encode("cp932"))
            replaced += 1
    return b"".join(out), replaced
