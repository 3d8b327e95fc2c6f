"""The camera path in a real Chromium with a fake 1280x720 camera showing an EAN-13 at the aim.

Usage: .venv/bin/python bench/camera.py [--runs N] [--frames N]
- camera start to first decode (performance.measure "camera-to-first-decode": the tap on "start camera" to the
  first scan, two agreeing frames for an EAN-13), cold (fresh profile), warm (a later page load) and offline;
- decode time per frame, at normal CPU speed and with the CPU throttled 4x (a low-end Android phone; CDP
  throttles the page's main thread, maybe not the worker, so the worker's throttled figures may flatter it):
  old path: zxing's BarcodeDetector.detect() on the whole 1280x720 frame on the main thread (what scanner.js
  did before; the main thread is blocked for all of it);
  new path: a VideoFrame taken on the main thread (the only part that runs there), cropped around the aiming
  box and decoded in static/js/decode-worker.js, measured per frame by the page itself
  ("worker-decode-crop": the decode in the worker; "frame-decode-crop": grab to codes back on the page);
  and the main thread's time in long tasks (over 50 ms) per second of scanning, for each path."""

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from lighthouse_support import CHROME_FLAGS, CHROMIUM, PASSWORD, ROOT, start_app
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(ROOT))
from tests.e2e.camera_videos import barcode

JAN = "4901234567894"
OLD_FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "qr_code", "data_matrix"]
OLD_PATH = """async ([ponyfillUrl, formats, frames]) => {
  const module = await import(ponyfillUrl);
  const folder = new URL(".", new URL(ponyfillUrl, location.href)).href;
  await module.prepareZXingModule({ overrides: { locateFile: (p, prefix) => (p.endsWith(".wasm") ? folder + p : prefix + p) },
    fireImmediately: true });
  const detector = new module.BarcodeDetector({ formats });
  // The app's camera is stopped: this video is the old path alone, nothing else decoding beside it.
  const video = document.createElement("video");
  video.muted = true;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  await video.play();
  const out = [];
  for (let i = 0; i < frames + 3; i++) {
    await new Promise((r) => video.requestVideoFrameCallback(r));
    const t0 = performance.now();
    const codes = await detector.detect(video);
    if (i >= 3 && codes.length) out.push(performance.now() - t0);  // the first frames warm the decoder up
  }
  video.srcObject.getTracks().forEach((t) => t.stop());
  return out;
}"""
GRAB = """async (frames) => {
  const video = document.getElementById("camera");
  const out = [];
  for (let i = 0; i < frames; i++) {
    await new Promise((r) => video.requestVideoFrameCallback(r));
    const t0 = performance.now();
    const frame = new VideoFrame(video);  // what camera.js sends the worker, which crops it
    out.push(performance.now() - t0);
    frame.close();
  }
  return out;
}"""


# Main-thread time lost to long tasks (over 50 ms: taps and the screen wait) per second of scanning.
WATCH_LONG_TASKS = """() => { if (window.benchLong) window.benchLong.observer.disconnect();
  const watch = { since: performance.now(), total: 0 };
  watch.observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) watch.total += e.duration; });
  watch.observer.observe({ type: "longtask" });
  window.benchLong = watch; }"""
BLOCKED = "() => 1000 * window.benchLong.total / (performance.now() - window.benchLong.since)"


def jan_video(folder: Path, width: int, height: int) -> Path:
    from PIL import Image

    code = barcode("ean13", JAN, scale=4 * width // 1280, height=12)
    still = Image.new("RGB", (width, height), "white")
    still.paste(code, ((width - code.width) // 2, (height - code.height) // 2))
    still.save(folder / "jan.png")
    video = folder / "jan.y4m"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-loop", "1", "-i", str(folder / "jan.png"), "-t", "2", "-r", "15"]
        + ["-vf", "format=yuv420p", "-f", "yuv4mpegpipe", str(video)],
        check=True,
    )
    return video


def first_decode(page) -> tuple[float, float | None]:
    page.goto("/scan/receive")
    page.click("#camera-toggle")
    page.wait_for_function("performance.getEntriesByName('camera-to-first-decode').length > 0", timeout=30_000)
    first = page.evaluate("performance.getEntriesByName('camera-to-first-decode')[0].duration")
    load = page.evaluate("(performance.getEntriesByName('decoder-load')[0] || {}).duration || null")
    page.wait_for_selector("#result[data-state=ok]")
    assert page.text_content("#result-name") == "レトロ置時計"
    return first, load


def per_frame(page, frames: int) -> dict:
    """Per-frame decode times of the new path (the page's own measures) and the old one, on one page."""
    page.goto("/scan/receive")
    page.click("#camera-toggle")
    page.evaluate(WATCH_LONG_TASKS)
    page.wait_for_function(
        f"performance.getEntriesByName('frame-decode-crop').length >= {frames + 3}", timeout=120_000, polling=500
    )
    new = page.evaluate("performance.getEntriesByName('frame-decode-crop').slice(3).map((e) => e.duration)")
    worker = page.evaluate("performance.getEntriesByName('worker-decode-crop').slice(3).map((e) => e.duration)")
    new_blocked = page.evaluate(BLOCKED)
    kind = page.get_attribute("#camera-box", "data-decoder")
    grab = page.evaluate(GRAB, frames)
    page.click("#camera-toggle")  # stop the worker path before the old one runs on the same page
    page.wait_for_function("document.getElementById('camera-box').dataset.decodeLoops === '0'")
    ponyfill = "/static/vendor/barcode-detector/ponyfill.js"
    page.evaluate(WATCH_LONG_TASKS)
    old = page.evaluate(OLD_PATH, [ponyfill, OLD_FORMATS, frames])
    old_blocked = page.evaluate(BLOCKED)
    return {"new": new, "worker": worker, "grab": grab, "old": old, "kind": kind, "blocked": (old_blocked, new_blocked)}


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):6.1f} ms  p90 {sorted(values)[int(len(values) * 0.9)]:6.1f}  (n={len(values)})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--size", default="1280x720", help="the fake camera's frame size")
    args = parser.parse_args()
    base = start_app()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        video = jan_video(Path(tmp), *map(int, args.size.split("x")))
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROME_FLAGS
            + [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={video}",
            ],
        )
        starts = {"cold": [], "warm": [], "offline": []}
        loads = []
        frames = {}
        for run in range(args.runs):
            context = browser.new_context(base_url=base, viewport={"width": 390, "height": 844}, locale="ja-JP")
            page = context.new_page()
            page.goto("/login")
            page.fill("#username", "sato")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.wait_for_function("navigator.serviceWorker.controller !== null")
            for phase in starts:
                context.set_offline(phase == "offline")
                first, load = first_decode(page)
                starts[phase].append(first)
                if load and phase == "cold":
                    loads.append(load)
            context.set_offline(False)
            if run == 0:
                cdp = context.new_cdp_session(page)
                for rate in (1, 4):
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                    frames[rate] = per_frame(page, args.frames)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
            context.close()
        browser.close()
    print(f"camera start -> first decode (EAN-13, {args.size} fake camera; {args.runs} runs)")
    for phase, values in starts.items():
        print(
            f"  {phase:8s} median {statistics.median(values):6.0f} ms  min {min(values):6.0f}  max {max(values):6.0f}"
        )
    print(f"  decoder load (worker start, import, wasm compile), cold: median {statistics.median(loads):.0f} ms")
    for rate, got in frames.items():
        print(f"decode per frame, CPU {'normal' if rate == 1 else f'throttled {rate}x'} (decoder: {got['kind']})")
        print(f"  old: whole frame on the main thread  {summary(got['old'])}  (main thread blocked all of it)")
        print(f"  new: crop decoded in the worker       {summary(got['worker'])}")
        print(f"       grab to codes back on the page   {summary(got['new'])}")
        print(f"       new VideoFrame on the main thread {summary(got['grab'])}")
        old_blocked, new_blocked = got["blocked"]
        print(f"  main thread in long tasks: old {old_blocked:.0f} ms/s, new {new_blocked:.0f} ms/s")


if __name__ == "__main__":
    main()
