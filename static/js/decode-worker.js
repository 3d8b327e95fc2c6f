// The camera's decoder, off the main thread: frames arrive as transferred bitmaps (a crop around the aiming
// box, or the whole frame), one at a time, and go back as codes with their positions in frame pixels.
import { decodeFrame, openDetector } from "./decoder.js";

let detector = null;

self.onmessage = async ({ data }) => {
  if (data.type === "open") {
    const started = performance.now();
    try {
      detector = await openDetector(data.ponyfillUrl);
      self.postMessage({ type: "ready", kind: detector.kind, loadMs: performance.now() - started });
    } catch (err) {
      self.postMessage({ type: "failed", message: String(err) });
    }
  } else if (data.type === "frame") {
    if (!detector) { data.bitmap.close(); self.postMessage({ type: "codes", id: data.id, codes: [], ms: 0 }); return; }
    const { codes, ms } = await decodeFrame(detector, data.bitmap, data.offset);
    self.postMessage({ type: "codes", id: data.id, codes, ms });
  }
};
