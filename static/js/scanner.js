// The one scanner input layer: camera, keyboard-wedge scanners and typed entry all end in one
// `scan` event on document, detail {code, symbology, source: "camera" | "wedge" | "keyboard"}.
import { bindCamera, Camera } from "./camera.js";

const GS = "\x1d";
// Wedge scanners send a character every 1-20 ms (Bluetooth ones up to ~40); people type 80 ms or
// more apart. A few slow gaps are forgiven (a busy main thread, a scanner's first character), a
// pause this long is not.
const WEDGE_MAX_GAP_MS = 50;
const WEDGE_PAUSE_MS = 300;
const WEDGE_MIN_LENGTH = 4;
const NOWHERE_PAUSE_MS = 1500;

function emit(code, symbology, source) {
  document.dispatchEvent(new CustomEvent("scan", { detail: { code, symbology, source } }));
}

/* ---- keyboard wedge ---- */

function isTextField(el) {
  return el && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(el.type)));
}

function keyChar(event) {
  // Scanners send the GS1 separator as Ctrl+] (or as the character itself).
  if (event.ctrlKey && (event.key === "]" || event.code === "BracketRight")) return GS;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return event.key.length === 1 ? event.key : null;
}

function isBurst(times) {
  if (times.length < WEDGE_MIN_LENGTH) return false;
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((x, y) => x - y);
  const slow = gaps.filter((g) => g > WEDGE_MAX_GAP_MS).length;
  return slow <= Math.max(1, Math.floor(gaps.length / 6)) && gaps[Math.floor(gaps.length / 2)] <= WEDGE_MAX_GAP_MS;
}

/**
 * Tell scanner bursts from typing; a burst into a focused field is taken back out of it. A line ending in Enter
 * that is not a burst is never dropped: typed into the entry form it submits there; typed where no field takes
 * it (or into a field outside a form, like the quantity) it becomes typed entry. Keys pressed before this ran
 * (a burst as the page opens) were kept by base.html and are replayed first.
 */
export function listenForWedge(root = document) {
  let buffer = "";
  let times = [];
  let field = null;
  let before = "";
  const reset = () => { buffer = ""; times = []; field = null; };
  const takeBack = () => {
    if (!field) return;
    field.value = before;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const onKey = (event) => {
    if (event.isComposing) return;
    const now = event.timeStamp;
    // Keys that reach no field are kept across a busy main thread's stalls; typing into a field is not.
    if (times.length && now - times[times.length - 1] > (field ? WEDGE_PAUSE_MS : NOWHERE_PAUSE_MS)) reset();
    if (event.key === "Enter") {
      const code = buffer;
      const burst = isBurst(times.concat(now));
      const stray = !burst && code.trim() && (!field || (!field.form && looksLikeCode(field, code)));
      if (burst || stray) {
        event.preventDefault();
        event.stopPropagation();
        takeBack();
      }
      reset();
      if (burst) emit(code, null, "wedge");
      else if (stray) emit(code.trim(), null, "keyboard");
      return;
    }
    const ch = keyChar(event);
    if (ch === null) return;
    if (!buffer) {
      field = isTextField(event.target) ? event.target : null;
      before = field ? (event.value ?? field.value) : "";  // a replayed key knows the value it found
    }
    if (ch === GS) event.preventDefault();
    buffer += ch;
    times.push(now);
  };
  const early = window.earlyKeys;
  if (early) {
    document.removeEventListener("keydown", early.listen, true);
    window.earlyKeys = null;
    for (const key of early.keys) onKey(key);
  }
  root.addEventListener("keydown", onKey, true);
}

// A field outside a form (quantity, lot) holding what can only be a code: more digits than a quantity has.
function looksLikeCode(field, code) {
  return code.length >= WEDGE_MIN_LENGTH && (field.type !== "number" || code.length > 7);
}

/** Typed entry: submitting the form scans what was typed. */
export function listenForTyping(form, input) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = input.value.trim();
    input.value = "";
    if (code) emit(code, null, "keyboard");
  });
}

/* ---- camera: static/js/camera.js ---- */

/** Not a secure context: show templates/_camera.html's notice, linking this screen at the secure address. */
export function showInsecureNotice(notice) {
  if (!notice || window.isSecureContext) return false;
  const base = notice.dataset.secureUrl || `https://${location.hostname}:8443`;
  const link = notice.querySelector("#insecure-link");
  link.href = base + location.pathname + location.search;
  link.textContent = link.href;
  notice.hidden = false;
  return true;
}

/**
 * The standard inputs of a scan screen (templates/_scan_controls.html, _camera.html): wedge, typing, camera and
 * the quantity buttons. Returns quantity(): the quantity per scan, a whole number from 1 to 1,000,000.
 */
export function startScreenInputs({ ponyfillUrl, onCameraError }) {
  const $ = (id) => document.getElementById(id);
  const qty = $("qty");
  const quantity = () => {
    const n = Math.trunc(Number(qty ? qty.value : 1));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000000) : 1;
  };
  if (qty) {  // the lookup screen has none
    $("qty-minus").addEventListener("click", () => { qty.value = Math.max(1, quantity() - 1); });
    $("qty-plus").addEventListener("click", () => { qty.value = quantity() + 1; });
  }
  listenForWedge();
  listenForTyping($("typed-form"), $("typed-code"));
  bindCamera(new Camera($("camera"), ponyfillUrl, (code, symbology) => emit(code, symbology, "camera")), {
    toggle: $("camera-toggle"), torch: $("torch"), box: $("camera-box"), onError: onCameraError,
  });
  showInsecureNotice($("insecure-notice"));
  document.body.dataset.scanner = "ready";  // tests wait for it (earlier keys are replayed, see listenForWedge)
  return { quantity };
}
