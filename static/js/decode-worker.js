// The camera's decoder, off the main thread: frames arrive one at a time, transferred (a VideoFrame cropped here
// to the area asked for, or a bitmap the page already cropped), and go back as codes in frame pixels.
import { decodeFrame, openDetector } from "./decoder.js";

let detector = null;

async function crop(source, area) {
  if (typeof VideoFrame === "undefined" || !(source instanceof VideoFrame)) return source;
  try {
    return await createImageBitmap(source, area.x, area.y, area.width, area.height);
  } finally {
    source.close();  // the camera's buffer goes back to it at once
  }
}

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
    // Always answer: the page waits for this frame before it sends the next.
    let reply = { codes: [], ms: 0 };
    try {
      const bitmap = await crop(data.source, data.area);
      if (detector) reply = await decodeFrame(detector, bitmap, data.area);
      else bitmap.close();
    } catch (err) { /* a frame that cannot be read: the next one may */ }
    self.postMessage({ type: "codes", id: data.id, ...reply });
  }
};
