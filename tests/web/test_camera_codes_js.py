"""The camera's rules in Node: codes judged by their format as the server judges them, the aimed code, two frames."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from webapp.domain.barcodes import MAX_LENGTH, MalformedCode, parse_code

JS = Path(__file__).resolve().parents[2] / "static" / "js"
LABEL = "佐川急便 お問い合せ番号 1234-5678-9012\n大阪府大阪市北区梅田1-1-1\n"
SYMBOLOGY_CASES = [
    ("15182881", "code_128"),
    ("15182881", None),
    ("96385075", "ean_8"),
    ("96385074", "ean_8"),
    ("4901234567894", "code_128"),
    ("4901234567890", "ean_13"),
    ("14901234567891", "itf"),
    ("14901234567890", "itf"),
    ("A40156B", "codabar"),
    ("(01)04901234567894(17)271231(10)LOT42A", "databar_expanded"),
    ("(01)04901234567894", "databar"),
    ("SAGAWA 1234\nOSAKA", "pdf417"),
    (LABEL, "qr_code"),
    ("04252614", "upc_e"),
]

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def node(script: str, *args) -> object:
    run = subprocess.run(
        ["node", "--input-type=module", "-e", script, *map(json.dumps, args)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def server(raw, symbology):
    try:
        parsed = parse_code(raw, symbology)
    except MalformedCode as exc:
        return {"error": exc.code}
    return {"key": parsed.candidates[0], "lot": parsed.lot, "expiry": parsed.expiry and parsed.expiry.isoformat()}


def test_the_phone_judges_each_format_as_the_server_does():
    device = node(
        f"""import {{ parseCode }} from {json.dumps((JS / "codes.js").as_uri())};
        const out = JSON.parse(process.argv[1]).map(([raw, sym]) => {{
          try {{ const p = parseCode(raw, sym); return {{ key: p.keys[0], lot: p.lot || null, expiry: p.expiry || null }}; }}
          catch (e) {{ return {{ error: e.reason }}; }}
        }});
        process.stdout.write(JSON.stringify(out));""",
        SYMBOLOGY_CASES,
    )
    for case, js in zip(SYMBOLOGY_CASES, device):
        py = server(*case)
        assert ("error" in js) == ("error" in py), (case, py, js)
        if "error" not in py:
            assert js == py, (case, py, js)


def test_both_accept_2d_text_up_to_the_same_limit_and_refuse_one_character_more():
    texts = [(LABEL * 60)[:MAX_LENGTH], (LABEL * 60)[: MAX_LENGTH + 1]]
    device = node(
        f"""import {{ parseCode }} from {json.dumps((JS / "codes.js").as_uri())};
        const out = JSON.parse(process.argv[1]).map((t) => {{ try {{ parseCode(t, "qr_code"); return "ok"; }}
          catch (e) {{ return e.reason; }} }});
        process.stdout.write(JSON.stringify(out));""",
        texts,
    )
    assert device == ["ok", "too_long"]
    assert [server(t, "qr_code").get("error", "ok") for t in texts] == ["ok", "too_long"]


READS = (JS / "reads.js").as_uri()


def test_of_two_codes_in_a_frame_only_the_one_inside_the_aim_is_taken():
    aim = {"x": 100, "y": 100, "width": 200, "height": 100}
    frames = [
        [code("4901234567894", 200, 150), code("9784003101018", 360, 150)],  # ISBN beside, outside the aim
        [code("4901234567894", 150, 150), code("4512345678906", 250, 150)],  # both inside, neither clearly nearer
        [code("4901234567894", 195, 150), code("4512345678906", 290, 110)],  # both inside, the first at the centre
    ]
    out = node(
        f"""import {{ aimedCode }} from {json.dumps(READS)};
        const [aim, frames] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2])];
        process.stdout.write(JSON.stringify(frames.map((f) => {{ const r = aimedCode(f, aim);
          return [r.code && r.code.rawValue, r.count]; }})));""",
        aim,
        frames,
    )
    assert out == [["4901234567894", 2], [None, 2], ["4901234567894", 2]]


def test_a_misread_frame_then_correct_frames_give_only_the_correct_code_once():
    misread, right = code("4901234567898", 200, 150), code("4901234567894", 200, 150)
    frames = [[0, misread], [100, right], [200, right], [300, right], [400, None], [500, right], [2600, right]]
    out = node(
        f"""import {{ Reads }} from {json.dumps(READS)};
        const reads = new Reads();
        const out = JSON.parse(process.argv[1]).map(([t, c]) => {{ const s = reads.frame(c, t); return s && s.rawValue; }});
        process.stdout.write(JSON.stringify(out));""",
        frames,
    )
    # Two agreeing frames scan it; held in view it stays one scan; back after 2 s away, one frame is not enough.
    assert out == [None, None, "4901234567894", None, None, None, None]


def test_a_qr_code_scans_from_one_frame():
    out = node(
        f"""import {{ Reads }} from {json.dumps(READS)};
        const r = new Reads().frame({{ rawValue: "A-01-02", format: "qr_code" }}, 0);
        process.stdout.write(JSON.stringify(r && r.rawValue));"""
    )
    assert out == "A-01-02"


def code(value, x, y, fmt="ean_13"):
    return {"rawValue": value, "format": fmt, "boundingBox": {"x": x - 40, "y": y - 20, "width": 80, "height": 40}}
