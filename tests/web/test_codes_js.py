"""static/js/codes.js must judge codes as webapp/domain/barcodes.py does (run in Node against the same table)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from webapp.domain.barcodes import MalformedCode, parse_code

CODES_JS = Path(__file__).resolve().parents[2] / "static" / "js" / "codes.js"
GS = "\x1d"
CASES = [
    ("4901234567894", None),
    ("4901234567890", None),
    ("49012345", None),
    ("96385074", None),
    ("036000291452", None),
    ("036000291453", None),
    ("14901234567891", None),
    ("04252614", "upc_e"),
    ("0425261", "upc_e"),
    ("04252615", "upc_e"),
    ("A-01-01", None),
    ("RETRO-CLOCK", None),
    ("]d201049012345678941727123110LOT42A", None),
    (f"010490123456789410LOT7{GS}17260300", None),
    ("(01)04901234567894(17)271231(10)ABC", None),
    ("010490123456789010X", None),
    (f"]C1{GS}01149012345678913712", None),
    ("https://id.example.com/01/04901234567894/10/L1", None),
    ("https://example.com/shop", None),
    ("４９０１２３４５６７８９４", None),
    ("  4901234567894 ", None),
    ("Ａ－０１－０１", None),
    ("A−01ー01", None),
    ("ＲＥＴＲＯ－ＣＬＯＣＫ", None),
]
TYPED = [
    "４９０１２３４５６７８９４",
    "Ａ－０１－０１",
    "A−01ー01",
    "　RETRO-CLOCK　",
    "ﾚﾄﾛ",
    "コーヒー",
    "波佐見焼マグカップ",
    "ほうじ茶 ティーバッグ",
    "Retro Table・Clock",
    "ﾄｰﾄ",
]


def python_verdict(raw, symbology):
    try:
        parsed = parse_code(raw, symbology)
    except MalformedCode as exc:
        return {"error": exc.code}
    return {
        "key": parsed.candidates[0],
        "lot": parsed.lot,
        "expiry": parsed.expiry.isoformat() if parsed.expiry else None,
    }


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_device_and_the_server_read_codes_the_same_way():
    script = f"""
    import {{ parseCode }} from {json.dumps(CODES_JS.as_uri())};
    const cases = JSON.parse(process.argv[1]);
    const out = cases.map(([raw, sym]) => {{
      try {{ const p = parseCode(raw, sym); return {{ key: p.keys[0], lot: p.lot || null, expiry: p.expiry || null }}; }}
      catch (e) {{ return {{ error: e.reason }}; }}
    }});
    process.stdout.write(JSON.stringify(out));
    """
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(CASES)], capture_output=True, text=True, check=True
    )
    device = json.loads(result.stdout)
    for (raw, symbology), js in zip(CASES, device):
        py = python_verdict(raw, symbology)
        if "error" in py:
            # Here the device refuses what the server refuses (a misread is caught at once)...
            assert "error" in js, (raw, py, js)
        else:
            assert js == py, (raw, py, js)  # ...and reads what it accepts to the same key, lot, expiry


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_device_normalises_typed_codes_and_names_as_the_server_does():
    from webapp.domain.typed import normalise_code, search_key

    script = f"""
    import {{ normaliseCode, searchKey }} from {json.dumps(CODES_JS.as_uri())};
    const typed = JSON.parse(process.argv[1]);
    process.stdout.write(JSON.stringify(typed.map((t) => [normaliseCode(t), searchKey(t)])));
    """
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(TYPED)], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [[normalise_code(t), search_key(t)] for t in TYPED]
