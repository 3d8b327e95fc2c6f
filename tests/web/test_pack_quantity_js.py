"""static/js/workflows/pack-quantity.js must split quantities as webapp/domain/pack_levels.py does (run in Node)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from webapp.domain.pack_levels import PackLevels, format_mixed
from webapp.domain.units import UNIT_WORDS, unit_word

PACK_JS = Path(__file__).resolve().parents[2] / "static" / "js" / "workflows" / "pack-quantity.js"
LINES = [
    {"inner_qty": 6, "case_qty": 24, "unit": "bottle"},
    {"inner_qty": None, "case_qty": 12, "unit": "pcs"},
    {"inner_qty": 10, "case_qty": None, "unit": "袋"},
]
QUANTITIES = [0, 1, 5, 6, 11, 12, 13, 24, 25, 30, 59, 71, 240, 1_000_000, -7]
WORDS = {
    "ja": {"case_one": "{n} ケース", "case_many": "{n} ケース", "inner_one": "{n} ボール", "inner_many": "{n} ボール"},
    "en": {"case_one": "{n} case", "case_many": "{n} cases", "inner_one": "{n} inner", "inner_many": "{n} inners"},
}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_phone_splits_cases_inners_and_pieces_as_the_server_does(lang):
    words = WORDS[lang] | {"unit_words": {code: unit_word(code, lang) for code in UNIT_WORDS}}
    cases = [[n, line] for line in LINES for n in QUANTITIES]
    script = f"""
    import {{ mixed }} from {json.dumps(PACK_JS.as_uri())};
    const [cases, words] = JSON.parse(process.argv[1]);
    process.stdout.write(JSON.stringify(cases.map(([n, line]) => mixed(n, line, words))));
    """
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps([cases, words])],
        capture_output=True,
        text=True,
        check=True,
    )
    phone = json.loads(result.stdout)
    server = [format_mixed(n, PackLevels(ln["inner_qty"], ln["case_qty"]), ln["unit"], lang) for n, ln in cases]
    assert phone == server
    assert phone[QUANTITIES.index(59)] == {"ja": "2 ケース 1 ボール 5 本", "en": "2 cases 1 inner 5 bottle"}[lang]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_an_item_without_packs_keeps_its_plain_number_on_the_phone():
    script = f"""
    import {{ mixed }} from {json.dumps(PACK_JS.as_uri())};
    process.stdout.write(JSON.stringify([mixed(17, {{ unit: "pcs" }}, {{}}), mixed(0, null, {{}})]));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == ["17", "0"]
