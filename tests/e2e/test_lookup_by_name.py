"""Lookup by name and by typed code on the phone with no network: from the phone's copy of the catalogue,
full-width and half-width forms folded, hiragana finding katakana, name starts ranked before the rest."""

from tests.builders import make_item


def matches(page):
    return page.eval_on_selector_all("#matches .match", "buttons => buttons.map((b) => b.dataset.code)")


def search(page, text, first_code):
    page.fill("#typed-code", text)
    page.wait_for_selector(f"#matches .match[data-code='{first_code}']")
    return matches(page)


def test_items_are_found_by_name_and_by_typed_code_offline(phone, seeded):
    make_item("HASAMI-MUG", "波佐見焼マグカップ", "4520123456783", name_en="Hasami porcelain mug")
    make_item("TOTE-HANPU", "帆布トートバッグ", "4567890123456", name_en="Canvas tote bag")
    make_item("MUG-LID", "マグカップ用のふた", None, name_en="Lid for mugs")
    device = phone()
    page = device.login()
    device.open("/lookup")
    device.wait_for_worker()
    device.wait_for_reference()
    device.server.stop()
    device.context.set_offline(True)
    assert page.reload().from_service_worker
    page.wait_for_selector("body[data-scanner=ready]")

    # Hiragana finds katakana; a name that starts with the words comes before one that only holds them.
    assert search(page, "まぐかっぷ", "MUG-LID") == ["MUG-LID", "HASAMI-MUG"]
    assert search(page, "ﾄｰﾄ", "TOTE-HANPU") == ["TOTE-HANPU"]  # half-width katakana typed
    assert search(page, "置時計", "RETRO-CLOCK") == ["RETRO-CLOCK"]
    assert search(page, "CLOCK", "RETRO-CLOCK")[0] == "RETRO-CLOCK"  # code and English name, any case
    assert search(page, "4520", "HASAMI-MUG") == ["HASAMI-MUG"]  # the start of a JAN

    page.press("#typed-code", "Enter")  # Enter on a word lists the names, it is not an unknown code
    page.fill("#typed-code", "湯呑")
    page.press("#typed-code", "Enter")
    page.wait_for_selector("#matches .match[data-code='TEA-CUP']")
    assert page.is_hidden("#lookup-local")
    page.click("#matches .match[data-code='TEA-CUP']")
    assert page.text_content("#local-name") == "湯呑み"
    assert page.text_content("#local-note") == "オフライン：端末内の情報を表示中（在庫数なし）"

    page.fill("#typed-code", "４９０１２３４５６７８９４")  # a JAN typed with the Japanese IME on
    page.press("#typed-code", "Enter")
    page.wait_for_function("document.getElementById('local-name').textContent === 'レトロ置時計'")
    page.wait_for_timeout(300)
    assert page.is_hidden("#matches-box") and page.text_content("#local-code") == "RETRO-CLOCK"

    page.fill("#typed-code", "とけい")
    page.press("#typed-code", "Enter")
    page.wait_for_function("document.getElementById('matches-title').textContent.includes('とけい')")
    assert page.text_content("#matches-title") == "「とけい」に一致する商品名・コードはありません。"
    assert matches(page) == []
