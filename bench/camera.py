"""Camera start to first decode, in a real Chromium with a fake camera showing an EAN-13.

"cold" is the first camera start in a fresh browser profile (the service worker may already have
fetched the wasm in the background), "warm" a later page load, "offline" with the network cut.

Usage: .venv/bin/python bench/camera.py [--runs N]
Measures what the page itself records (performance.measure "camera-to-first-decode", from the tap
on "start camera" to the first decoded frame, and "decoder-load" for the zxing wasm), cold (first
visit, wasm from the network), warm (wasm from the service worker's cache) and offline."""

import argparse
import statistics
import subprocess
import tempfile
from pathlib import Path

from lighthouse_support import CHROME_FLAGS, CHROMIUM, PASSWORD, start_app
from playwright.sync_api import sync_playwright

JAN = "4901234567894"


def ean13_video(folder: Path) -> Path:
    import barcode
    from barcode.writer import ImageWriter

    png = barcode.get("ean13", JAN[:12], writer=ImageWriter()).save(str(folder / "ean13"))
    video = folder / "ean13.y4m"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-loop",
            "1",
            "-i",
            png,
            "-t",
            "2",
            "-r",
            "10",
            "-vf",
            "scale=520:-2,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p",
            "-f",
            "yuv4mpegpipe",
            str(video),
        ],
        check=True,
    )
    return video


def measure(page) -> tuple[float, float | None, str]:
    page.goto("/scan/receive")
    page.click("#camera-toggle")
    page.wait_for_function("performance.getEntriesByName('camera-to-first-decode').length > 0", timeout=30_000)
    first = page.evaluate("performance.getEntriesByName('camera-to-first-decode')[0].duration")
    load = page.evaluate("(performance.getEntriesByName('decoder-load')[0] || {}).duration || null")
    page.wait_for_selector("#result[data-state=ok]")
    code = page.text_content("#result-name")
    page.click("#camera-toggle")
    return first, load, code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = start_app()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        video = ean13_video(Path(tmp))
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROME_FLAGS
            + [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={video}",
            ],
        )
        results = {"cold": [], "warm": [], "offline": []}
        loads = {"cold": [], "warm": [], "offline": []}
        for _ in range(args.runs):
            context = browser.new_context(base_url=base, viewport={"width": 390, "height": 844}, locale="ja-JP")
            page = context.new_page()
            page.goto("/login")
            page.fill("#username", "sato")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.wait_for_function("navigator.serviceWorker.controller !== null")
            for phase in ("cold", "warm", "offline"):
                context.set_offline(phase == "offline")
                first, load, code = measure(page)
                assert code == "レトロ置時計", code
                results[phase].append(first)
                if load:
                    loads[phase].append(load)
            context.close()
        browser.close()
    print(f"camera start -> first decode (EAN-13, 640x480 fake camera, zxing-wasm; {args.runs} runs)")
    for phase, values in results.items():
        line = (
            f"  {phase:8s} median {statistics.median(values):6.0f} ms  min {min(values):6.0f}  max {max(values):6.0f}"
        )
        if loads[phase]:
            line += f"  | decoder load (import + wasm compile) median {statistics.median(loads[phase]):.0f} ms"
        print(line)


if __name__ == "__main__":
    main()
