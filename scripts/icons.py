"""Draw the app icons into static/icons/ (run once after changing the design; the PNGs are committed)."""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
BRAND, WHITE, ACCENT = (11, 61, 46), (255, 255, 255), (255, 196, 0)
BARS = [3, 1, 2, 1, 1, 3, 1, 2, 2, 1, 3, 1]  # bar widths, in units, alternating bar and gap


def draw(size: int, safe: float) -> Image.Image:
    """The icon at `size` px, its artwork inside the central `safe` fraction (maskable icons need 0.8)."""
    img = Image.new("RGB", (size, size), BRAND)
    d = ImageDraw.Draw(img)
    box = size * safe
    left, top = (size - box) / 2, (size - box) / 2
    unit = box * 0.7 / sum(BARS)
    x = left + box * 0.15
    for i, width in enumerate(BARS):
        if i % 2 == 0:
            d.rectangle([x, top + box * 0.2, x + width * unit - 1, top + box * 0.68], fill=WHITE)
        x += width * unit
    d.rectangle(
        [left + box * 0.1, top + box * 0.43, left + box * 0.9, top + box * 0.45 + max(2, size // 96)], fill=ACCENT
    )
    d.rounded_rectangle(
        [left + box * 0.15, top + box * 0.74, left + box * 0.85, top + box * 0.8], radius=size // 64, fill=WHITE
    )
    return img


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    draw(192, 0.9).save(OUT / "icon-192.png", optimize=True)
    draw(512, 0.9).save(OUT / "icon-512.png", optimize=True)
    draw(512, 0.72).save(OUT / "maskable-512.png", optimize=True)
    draw(48, 1.0).save(OUT / "favicon.png", optimize=True)
    draw(180, 0.9).save(OUT / "apple-touch-icon.png", optimize=True)
    print("icons written to", OUT)
