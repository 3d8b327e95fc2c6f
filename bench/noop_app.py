"""A bare Flask app with a no-op endpoint: the baseline the scan endpoint is compared against."""

from flask import Flask

app = Flask(__name__)


@app.post("/noop")
def noop():
    return {"ok": True}
