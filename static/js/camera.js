// The camera: frames grabbed on the page, decoded in static/js/decode-worker.js, turned into scans by reads.js.
import { openDecoder } from "./decode-client.js";
import { aimedCode, Reads } from "./reads.js";

// Decode the area around the aiming box (grown by this share of its size on each side) first; the whole frame
// only after this long with nothing found, and then every other frame.
const CROP_MARGIN = 0.25;
const WHOLE_FRAME_AFTER_MS = 600;
const HINT_MS = 1200;
const MEASURED_FRAMES = 300;

function cropAround(aim, width, height) {
  const x = Math.max(0, Math.floor(aim.x - aim.width * CROP_MARGIN));
  const y = Math.max(0, Math.floor(aim.y - aim.height * CROP_MARGIN));
  const right = Math.min(width, Math.ceil(aim.x + aim.width * (1 + CROP_MARGIN)));
  const bottom = Math.min(height, Math.ceil(aim.y + aim.height * (1 + CROP_MARGIN)));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

export class Camera {
  constructor(video, ponyfillUrl, onScan) {
    this.video = video;
    this.ponyfillUrl = ponyfillUrl;
    this.onScan = onScan;
    this.box = video.parentElement;
    this.aim = this.box.querySelector(".camera-aim");
    this.hint = this.box.querySelector(".camera-hint");
    this.generation = 0;  // every start and stop begins a new one; a loop or a decode of an older one ends quietly
    this.on = false;
    this.running = false;
    this.loops = 0;
    this.reads = new Reads();
    this.hasTorch = false;
  }

  /** Open the back camera and scan until stop(); resolves when frames are being decoded. */
  async start() {
    const gen = ++this.generation;
    this.on = true;
    // Plain HTTP at a LAN address: the browser hides the camera; that is not the same as having none.
    if (!window.isSecureContext) throw new Error("insecure");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) throw new Error("no-camera");
    this.startedAt = performance.now();
    this.decodedOnce = false;
    const decoder = openDecoder(this.ponyfillUrl);
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    if (gen !== this.generation) { stream.getTracks().forEach((t) => t.stop()); return; }
    this.stream = stream;
    this.video.srcObject = stream;
    try {
      await this.video.play();
    } catch (err) {
      if (gen !== this.generation) return;  // stopped while starting: play() was interrupted on purpose
      throw err;
    }
    this.track = stream.getVideoTracks()[0];
    const caps = this.track.getCapabilities ? this.track.getCapabilities() : {};
    this.hasTorch = Boolean(caps.torch);
    this.decoder = await decoder;
    if (gen !== this.generation) return;
    this.box.dataset.decoder = `${this.decoder.kind} (${this.decoder.where})`;
    this.running = true;
    this.loop(gen);
  }

  stop() {
    this.generation += 1;
    this.on = false;
    this.running = false;
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video.srcObject = null;
    this.reads.clear();
    if (this.hint) this.hint.hidden = true;
  }

  async setTorch(on) {
    if (!this.track || !this.hasTorch) return false;
    await this.track.applyConstraints({ advanced: [{ torch: on }] });
    return on;
  }

  // True on a new video frame; false after a short wait without one (a stopped or stalled video sends none), so
  // the same frame is never decoded twice and counted as two agreeing frames. Without requestVideoFrameCallback
  // every wait counts as a frame.
  nextFrame() {
    return new Promise((resolve) => {
      const video = this.video;
      if (!video.requestVideoFrameCallback) { setTimeout(() => resolve(true), 60); return; }
      const timer = setTimeout(() => { video.cancelVideoFrameCallback(handle); resolve(false); }, 150);
      const handle = video.requestVideoFrameCallback(() => { clearTimeout(timer); resolve(true); });
    });
  }

  /** The aiming box in video-frame pixels (the video is shown with object-fit: cover). */
  aimInFrame() {
    const { videoWidth: vw, videoHeight: vh } = this.video;
    const shown = this.video.getBoundingClientRect();
    const aim = this.aim ? this.aim.getBoundingClientRect() : null;
    if (!aim || !aim.width || !shown.width) return { x: vw * 0.1, y: vh * 0.3, width: vw * 0.8, height: vh * 0.4 };
    const scale = Math.max(shown.width / vw, shown.height / vh);
    const left = (vw - shown.width / scale) / 2;
    const top = (vh - shown.height / scale) / 2;
    return { x: left + (aim.left - shown.left) / scale, y: top + (aim.top - shown.top) / scale,
      width: aim.width / scale, height: aim.height / scale };
  }

  /** One decode at a time, for as long as this generation lasts. */
  async loop(gen) {
    this.loops += 1;
    this.box.dataset.decodeLoops = String(this.loops);
    let lastFound = performance.now();
    let measured = 0;
    let wasCrop = false;
    try {
      while (gen === this.generation) {
        const fresh = await this.nextFrame();
        if (gen !== this.generation) break;
        if (!fresh) continue;
        const { videoWidth: vw, videoHeight: vh, readyState } = this.video;
        if (readyState < 2 || !vw) continue;
        const aim = this.aimInFrame();
        const whole = wasCrop && performance.now() - lastFound > WHOLE_FRAME_AFTER_MS;
        const area = whole ? { x: 0, y: 0, width: vw, height: vh } : cropAround(aim, vw, vh);
        const started = performance.now();
        let result;
        try {
          // A VideoFrame costs the main thread nothing (the worker crops it); else the page crops a bitmap.
          const source = this.decoder.where === "worker" && typeof VideoFrame === "function"
            ? new VideoFrame(this.video)
            : await createImageBitmap(this.video, area.x, area.y, area.width, area.height);
          result = await this.decoder.decode(source, area);
        } catch (err) {
          continue;  // a frame that could not be grabbed or read: the next one may
        }
        wasCrop = !whole;
        if (gen !== this.generation) break;  // stopped while this frame was decoded: nothing from it
        const now = performance.now();
        if (measured++ < MEASURED_FRAMES) {
          const area = whole ? "whole" : "crop";
          performance.measure(`frame-decode-${area}`, { start: started, end: now });  // grab to codes back here
          performance.measure(`worker-decode-${area}`, { start: now - result.ms, duration: result.ms });
        }
        if (result.codes.length) lastFound = now;
        this.frame(result.codes, aim, now);
      }
    } finally {
      this.loops -= 1;
      this.box.dataset.decodeLoops = String(this.loops);
    }
  }

  /** One frame's codes: only the code at the aim may scan, and only once it is trusted. */
  frame(codes, aim, now) {
    const { code, count } = aimedCode(codes, aim);
    this.showHint(count, now);
    const scan = this.reads.frame(code, now);
    if (!scan) return;
    if (!this.decodedOnce) {
      this.decodedOnce = true;
      performance.measure("camera-to-first-decode", { start: this.startedAt, end: now });
    }
    this.onScan(scan.rawValue, scan.format);
  }

  showHint(count, now) {
    if (!this.hint) return;
    if (count >= 2) {
      this.hint.textContent = this.hint.dataset.text.replace("{count}", String(count));
      this.hint.hidden = false;
      this.hintUntil = now + HINT_MS;
    } else if (!this.hint.hidden && now > this.hintUntil) {
      this.hint.hidden = true;
    }
  }
}

/** Wire a start/stop button, a torch button and the page's visibility to a camera. */
export function bindCamera(camera, { toggle, torch, box, onError }) {
  let wanted = false;
  const label = () => { toggle.textContent = camera.on ? toggle.dataset.stop : toggle.dataset.start; };
  const start = async () => {
    box.hidden = false;
    try {
      const pending = camera.start();
      label();
      await pending;
      torch.hidden = !camera.hasTorch;
    } catch (err) {
      wanted = false;
      camera.stop();
      box.hidden = true;
      onError(err);
    }
    label();
  };
  toggle.addEventListener("click", async () => {
    wanted = !camera.on;
    if (wanted) await start();
    else { camera.stop(); box.hidden = true; torch.hidden = true; label(); }
  });
  torch.addEventListener("click", async () => {
    const on = torch.getAttribute("aria-pressed") !== "true";
    try { await camera.setTorch(on); torch.setAttribute("aria-pressed", String(on)); } catch (err) { torch.hidden = true; }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && camera.on) camera.stop();
    else if (document.visibilityState === "visible" && wanted && !camera.on) start();
  });
}
