"""Lighthouse (mobile) on the home and scan screens, and the gzip weight of the app shell.

Usage: .venv/bin/python bench/lighthouse.py [--runs N]     (needs `npm ci` for lighthouse)
Prints the category scores and core metrics per screen (median of N runs), then sizes."""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import tempfile

from lighthouse_support import CHROME_FLAGS, CHROMIUM, ROOT, session_cookie, start_app

SCREENS = ["/", "/scan/receive", "/lookup", "/recent"]
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]


def lighthouse(url: str, cookie: str) -> dict:
    with tempfile.TemporaryDirectory() as profile, tempfile.NamedTemporaryFile(suffix=".json") as out:
        flags = " ".join(CHROME_FLAGS + [f"--user-data-dir={profile}"])
        subprocess.run(
            [
                str(ROOT / "node_modules/.bin/lighthouse"),
                url,
                "--quiet",
                f"--chrome-flags={flags}",
                f"--extra-headers={json.dumps({'Cookie': cookie})}",
                "--output=json",
                f"--output-path={out.name}",
                "--only-categories=performance,accessibility,best-practices",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            cwd=ROOT,
        )
        return json.load(open(out.name))


def failed_audits(report: dict) -> list[str]:
    ids = {
        ref["id"]
        for cat in ("accessibility", "best-practices")
        for ref in report["categories"][cat]["auditRefs"]
        if ref["weight"] > 0
    }
    return [a for a in ids if report["audits"][a]["score"] is not None and report["audits"][a]["score"] < 1]


def shell_sizes() -> None:
    from webapp.web.shell import DECODER_FILES, SHELL_FILES

    static = ROOT / "static"
    rows = []
    for name in SHELL_FILES:
        if name.endswith((".js", ".css")):
            data = (static / name).read_bytes()
            rows.append((name, len(data), len(gzip.compress(data, 9))))
    raw, gz = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(
        f"\napp shell JS+CSS ({len(rows)} files, everything precached): {raw / 1024:.1f} KB raw, "
        f"{gz / 1024:.1f} KB gzip (budget 60 KB)"
    )
    for name, r, g in sorted(rows, key=lambda r: -r[2]):
        print(f"  {name:42s} {r / 1024:6.1f} KB  {g / 1024:5.1f} KB gz")
    for name in DECODER_FILES:
        data = (static / name).read_bytes()
        print(
            f"  decoder, loaded only without native BarcodeDetector: {name} {len(data) / 1024:.0f} KB, "
            f"{len(gzip.compress(data, 6)) / 1024:.0f} KB gz"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    base = start_app()
    cookie = session_cookie(base)
    for path in SCREENS:
        reports = [lighthouse(base + path, cookie) for _ in range(args.runs)]
        final = reports[-1]["finalDisplayedUrl"]
        if not final.endswith(path):
            raise SystemExit(f"{path} ended at {final}: not logged in?")
        scores = {
            c: statistics.median(r["categories"][c]["score"] for r in reports)
            for c in ("performance", "accessibility", "best-practices")
        }
        metrics = {m: statistics.median(r["audits"][m]["numericValue"] for r in reports) for m in METRICS}
        print(
            f"{path:15s} performance {scores['performance']:.2f}  accessibility {scores['accessibility']:.2f}  "
            f"best-practices {scores['best-practices']:.2f}  | FCP {metrics['first-contentful-paint']:.0f} ms  "
            f"LCP {metrics['largest-contentful-paint']:.0f} ms  TBT {metrics['total-blocking-time']:.0f} ms  "
            f"CLS {metrics['cumulative-layout-shift']:.3f}  SI {metrics['speed-index']:.0f} ms"
        )
        for audit in failed_audits(reports[-1]):
            print(f"    failing: {audit}: {reports[-1]['audits'][audit]['title']}")
    shell_sizes()


if __name__ == "__main__":
    main()
