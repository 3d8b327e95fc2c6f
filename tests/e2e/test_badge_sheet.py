"""A printed badge reads back as its code through the decoder the phones use: QR for cameras, Code 128 for scanners."""

from tests.builders import make_user
from tests.e2e.helpers import PASSWORD

READ_BACK = """async () => {
  const mod = await import('/static/vendor/barcode-detector/ponyfill.js');
  await mod.prepareZXingModule({overrides: {locateFile: (p, prefix) =>
    p.endsWith('.wasm') ? '/static/vendor/barcode-detector/' + p : prefix + p}, fireImmediately: true});
  const detector = new mod.BarcodeDetector({formats: ['qr_code', 'code_128']});
  const found = [];
  for (const svg of document.querySelectorAll('.card svg')) {
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = svg.classList.contains('qr') ? 800 : 200;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 40, 20, canvas.width - 80, canvas.height - 40);
    found.push((await detector.detect(canvas)).map((f) => [f.format, f.rawValue]));
  }
  return found;
}"""


def test_a_printed_badge_reads_back_as_its_code(phone, seeded):
    make_user("suzuki", "manager", PASSWORD)
    office = phone()
    page = office.login("suzuki")
    page.goto("/office/phones/badges")
    page.check(f"#pick-{seeded['user_id']}")
    with office.context.expect_page() as info:
        page.click("#print-badges")
    sheet = info.value
    sheet.wait_for_load_state()
    code = sheet.get_attribute(".card", "data-code")
    # A Micro QR (what a QR library picks for short text) is not read by phones' native detectors.
    assert sheet.evaluate(READ_BACK) == [[["qr_code", code]], [["code_128", code]]]
