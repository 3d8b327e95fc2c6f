"""Single-scan requests/s and latency under gunicorn (2 sync workers, 64 connections), beside a
bare no-op Flask endpoint served the same way. Needs `wrk` (Debian package). Usage:
    .venv/bin/python bench/scan_http.py [--seconds 10] [--database-url URL]
"""

import argparse
import re
import subprocess
import tempfile

from common import free_port, prepared_database, start_gunicorn

LUA = r"""
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", math.random(1, 1e9)) end
function init(args) math.randomseed(tid or os.time()) end
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11)) end))
end
request = function()
  local body = '{"scan_id":"' .. uuid() .. '","mode":"receive","code":"4901234567894","quantity":1,' ..
               '"location":"A-01-01","occurred_at":"2026-11-20T09:00:00+09:00"}'
  return wrk.format("POST", "PATH", {["Content-Type"] = "application/json",
                                      ["Authorization"] = "Bearer TOKEN"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def run_wrk(port: int, path: str, token: str, seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA.replace("PATH", path).replace("TOKEN", token))
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "10s", "-s", f.name, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"RESULT rps=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+) non2xx=(\d+)", out)
    return {k: float(v) for k, v in zip(("rps", "p50", "p99", "errors", "non2xx"), match.groups())}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    url, token = prepared_database(args.database_url)
    results = {}
    for name, target, path, env in (
        ("no-op Flask", "bench.noop_app:app", "/noop", {}),
        ("POST /api/v1/scans", "wsgi:app", "/api/v1/scans", {"DATABASE_URL": url, "SECRET_KEY": "bench"}),
    ):
        port = free_port()
        server = start_gunicorn(target, port, workers=2, env=env)
        try:
            run_wrk(port, path, token, 2)  # warm-up
            results[name] = run_wrk(port, path, token, args.seconds)
        finally:
            server.terminate()
            server.wait()
    print(f"database: {url.split('://')[0]}; gunicorn 2 sync workers; wrk 2 threads, 64 connections, {args.seconds}s")
    for name, r in results.items():
        print(
            f"{name:22s} {r['rps']:8.0f} req/s   p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms   "
            f"errors {int(r['errors'])}  non-2xx {int(r['non2xx'])}"
        )
    ratio = results["POST /api/v1/scans"]["rps"] / results["no-op Flask"]["rps"]
    print(f"ratio scan/no-op: {ratio:.2f}  (aim: >= 0.5)")


if __name__ == "__main__":
    main()
