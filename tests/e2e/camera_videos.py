"""Fake camera videos for the camera path's tests and bench: barcodes drawn by bwip-js, placed on a 640x480 frame."""

import io
import subprocess
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 640, 480
# Where the scan screen's aiming box falls in a 640x480 frame shown in its 3:4 box (object-fit: cover).
AIM_CENTRE = (320, 240)


def barcode(bcid: str, text: str, **options) -> Image.Image:
    """One barcode as bwip-js draws it (black on white, no human-readable text)."""
    script = (
        "const o=JSON.parse(process.argv[1]);require('bwip-js').toBuffer(o)"
        ".then(b=>process.stdout.write(b)).catch(e=>{console.error(e);process.exit(1)})"
    )
    import json

    opts = {"bcid": bcid, "text": text, "scale": 3, "backgroundcolor": "FFFFFF", **options}
    png = subprocess.run(["node", "-e", script, json.dumps(opts)], cwd=ROOT, check=True, capture_output=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def frame(*placed: tuple[Image.Image, tuple[int, int, int, int]]) -> Image.Image:
    """A white frame with each barcode resized into its box (x0, y0, x1, y1)."""
    out = Image.new("RGB", (WIDTH, HEIGHT), "white")
    for image, (x0, y0, x1, y1) in placed:
        # Sharp edges when enlarged; when shrunk, averaged grey edges as a lens gives, not bars dropped at random.
        shrink = x1 - x0 < image.width
        out.paste(image.resize((x1 - x0, y1 - y0), Image.LANCZOS if shrink else Image.NEAREST), (x0, y0))
    return out


def centred(image: Image.Image, max_width: int = 280, max_height: int = 180) -> Image.Image:
    """A frame with one barcode at the aim, as large as fits the aiming box."""
    scale = min(max_width / image.width, max_height / image.height)
    scale = int(scale) if scale >= 1 else scale  # whole multiples keep every bar's width in proportion
    w, h = int(image.width * scale), int(image.height * scale)
    x, y = AIM_CENTRE[0] - w // 2, AIM_CENTRE[1] - h // 2
    return frame((image, (x, y, x + w, y + h)))


def video(frames: list[Image.Image], out: Path, fps: int = 10) -> Path:
    """A looping y4m video of the frames, one frame each (Chromium's fake camera replays it)."""
    folder = out.with_suffix("")
    folder.mkdir(parents=True, exist_ok=True)
    for i, image in enumerate(frames):
        image.save(folder / f"f{i:03d}.png")
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-framerate", str(fps), "-i", str(folder / "f%03d.png")]
        + ["-vf", "format=yuv420p", "-f", "yuv4mpegpipe", str(out)],
        check=True,
    )
    return out
