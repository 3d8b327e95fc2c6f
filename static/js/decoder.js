// One frame to its codes, with no DOM in it: run inside static/js/decode-worker.js, and on the page itself
// only where the browser cannot start a module worker.

// What a Japanese shop meets: JAN/EAN/UPC, Code 128 and GS1-128, Code 39, ITF (cartons), Codabar (NW-7:
// delivery slips, libraries, clinics), GS1 DataBar (fresh food, coupons), QR, Data Matrix, PDF417 (shipping).
export const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "codabar",
  "databar", "databar_expanded", "databar_limited", "qr_code", "data_matrix", "pdf417"];
// What Android's native detector reads (no DataBar): it is used for these and zxing only for the rest.
const NATIVE_CORE = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "qr_code", "data_matrix"];

async function zxing(ponyfillUrl, formats) {
  const module = await import(ponyfillUrl);
  const folder = new URL(".", new URL(ponyfillUrl, self.location.href)).href;
  await module.prepareZXingModule({
    overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? folder + path : prefix + path) },
    fireImmediately: true,
  });
  return new module.BarcodeDetector({ formats });
}

async function nativeFormats() {
  if (!("BarcodeDetector" in self)) return [];
  try { return await self.BarcodeDetector.getSupportedFormats(); } catch (err) { return []; }
}

/** The best detector this browser has: {kind, detect(image) -> plain codes}. */
export async function openDetector(ponyfillUrl) {
  const supported = await nativeFormats();
  const native = FORMATS.filter((f) => supported.includes(f));
  if (native.length === FORMATS.length) {
    const detector = new self.BarcodeDetector({ formats: FORMATS });
    return { kind: "native", detect: async (image) => plain(await detector.detect(image)) };
  }
  if (NATIVE_CORE.every((f) => native.includes(f))) {
    // Native for what it reads (fast on Android); zxing only for the formats it lacks (DataBar), on every third
    // frame where native found nothing, so a slow phone pointed at nothing does not run both on every frame.
    const detector = new self.BarcodeDetector({ formats: native });
    const rest = await zxing(ponyfillUrl, FORMATS.filter((f) => !native.includes(f)));
    let empty = 0;
    return {
      kind: "native+zxing",
      detect: async (image) => {
        const found = plain(await detector.detect(image));
        if (found.length) { empty = 0; return found; }
        return ++empty % 3 === 0 ? plain(await rest.detect(image)) : [];
      },
    };
  }
  const detector = await zxing(ponyfillUrl, FORMATS);
  return { kind: "zxing", detect: async (image) => plain(await detector.detect(image)) };
}

// DOMRect and DOMPoint do not cross postMessage; numbers do.
function plain(codes) {
  return codes.map(({ rawValue, format, boundingBox: b, cornerPoints }) => ({
    rawValue,
    format,
    boundingBox: b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null,
    cornerPoints: (cornerPoints || []).map((p) => ({ x: p.x, y: p.y })),
  }));
}

/** Decode one frame (a bitmap cropped at `offset` {x, y} of the video frame), then close it; positions in frame pixels. */
export async function decodeFrame(detector, bitmap, offset) {
  const started = performance.now();
  let codes = [];
  try {
    codes = await detector.detect(bitmap);
  } catch (err) {
    codes = [];  // a frame that cannot be read: the next one may
  } finally {
    bitmap.close();
  }
  for (const code of codes) {
    if (code.boundingBox) { code.boundingBox.x += offset.x; code.boundingBox.y += offset.y; }
    for (const p of code.cornerPoints) { p.x += offset.x; p.y += offset.y; }
  }
  return { codes, ms: performance.now() - started };
}
