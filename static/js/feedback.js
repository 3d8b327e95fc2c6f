// Feedback a worker can use without looking: a tone, a vibration and a full-screen colour.
import { fill } from "./status.js";

const SOUNDS = {
  ok: [[1760, 0.09]],
  warn: [[880, 0.12], [0, 0.06], [880, 0.12]],
  error: [[220, 0.45]],
};
const VIBRATION = { ok: [60], warn: [120, 80, 120], error: [400, 100, 400] };
const HOLD_MS = { ok: 700, warn: 1400, error: 2200 };
let audio = null;
let hideTimer = null;

function context() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return null;
  if (!audio) audio = new Ctx();
  if (audio.state === "suspended") audio.resume().catch(() => {});
  return audio;
}

// Browsers start audio only after a user gesture: unlock it on the first tap or key.
for (const type of ["pointerdown", "keydown"]) {
  // Deferred: creating the context takes long enough to disturb a wedge scanner's first keys.
  window.addEventListener(type, () => setTimeout(context, 0), { once: true, capture: true });
}

function beep(kind) {
  const ctx = context();
  if (!ctx || ctx.state !== "running") return;
  let at = ctx.currentTime;
  for (const [freq, secs] of SOUNDS[kind]) {
    if (freq) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = kind === "error" ? "square" : "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.25, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + secs);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + secs);
    }
    at += secs;
  }
}

/** Signal ok | warn | error with sound, vibration and a full-screen colour carrying `title`. */
export function signal(kind, title, detail = "") {
  beep(kind);
  if (navigator.vibrate) navigator.vibrate(VIBRATION[kind]);
  const flash = document.getElementById("flash");
  if (!flash) return;
  flash.dataset.kind = kind;
  document.getElementById("flash-title").textContent = title;
  document.getElementById("flash-detail").textContent = detail;
  flash.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => { flash.hidden = true; }, HOLD_MS[kind]);
}

document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("#flash")) document.getElementById("flash").hidden = true;
});

/** The worker's message for a code the device refused (MalformedCode from codes.js). */
export function invalidCodeText(err, t) {
  if (err.reason === "bad_check_digit") return fill(t.bad_check_digit, { expected: err.expected });
  // The reason by its code in the worker's language; codes.js's own words are English.
  return (t.code_problems || {})[err.reason] || fill(t.bad_code, { reason: err.reason || err.message });
}

/** Signal a camera that could not start. */
export function cameraError(err, t) {
  const text = { insecure: t.camera_insecure, "no-camera": t.camera_none }[err.message] || t.camera_denied;
  signal("error", text);
}
