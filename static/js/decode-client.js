// The page's side of static/js/decode-worker.js: one decoder per page, kept across camera stop and start.

let decoderPromise = null;

function openWorker(ponyfillUrl) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./decode-worker.js", import.meta.url), { type: "module" });
    const pending = new Map();
    let next = 1;
    const decode = (source, area) => new Promise((done, fail) => {
      const id = next++;
      pending.set(id, { done, fail });
      worker.postMessage({ type: "frame", id, source, area }, [source]);
    });
    worker.onerror = (event) => {
      for (const { fail } of pending.values()) fail(event);
      pending.clear();
      reject(event);
    };
    worker.onmessage = ({ data }) => {
      if (data.type === "ready") resolve({ kind: data.kind, where: "worker", loadMs: data.loadMs, decode });
      else if (data.type === "failed") { worker.terminate(); reject(new Error(data.message)); }
      else if (data.type === "codes") {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if (call) call.done(data);
      }
    };
    worker.postMessage({ type: "open", ponyfillUrl: new URL(ponyfillUrl, location.href).href });
  });
}

async function openOnPage(ponyfillUrl) {
  const { decodeFrame, openDetector } = await import("./decoder.js");
  const started = performance.now();
  const detector = await openDetector(ponyfillUrl);
  return { kind: detector.kind, where: "page", loadMs: performance.now() - started,
    decode: (bitmap, area) => decodeFrame(detector, bitmap, area) };
}

/** The page's one decoder, kept across stop and start: in a module worker, on the page where there is none. */
export function openDecoder(ponyfillUrl) {
  if (!decoderPromise) {
    const started = performance.now();
    decoderPromise = openWorker(ponyfillUrl).catch(() => openOnPage(ponyfillUrl)).then((decoder) => {
      performance.measure("decoder-load", { start: started, end: performance.now() });
      return decoder;
    });
    decoderPromise.catch(() => { decoderPromise = null; });
  }
  return decoderPromise;
}
