// The shared phone's sign-in: a badge from the camera, a wedge scanner or typed, then the PIN on a big keypad.
import { t } from "./app.js";
import { cameraError, signal } from "./feedback.js";
import { counts } from "./queue.js";
import { startScreenInputs } from "./scanner.js";
import { fill } from "./status.js";

const $ = (id) => document.getElementById(id);
const MAX_PIN = 6;
const MIN_PIN = 4;

function badgeStep() {
  const form = $("badge-form");
  let sent = false;
  document.addEventListener("scan", (event) => {
    if (sent) return;  // one badge per screen: a code held in view must not post twice
    sent = true;
    $("badge-value").value = event.detail.code;
    signal("ok", event.detail.code);
    form.submit();
  });
  startScreenInputs({ ponyfillUrl: JSON.parse($("client-config").textContent).urls.decoder,
    onCameraError: (err) => cameraError(err, t) });
  // A shared phone keeps every worker's unsent scans; say so, so nobody worries that switching lost them.
  counts().then(({ pending }) => {
    const note = $("badge-waiting");
    if (pending && note) { note.textContent = fill(note.dataset.text, { n: pending }); note.hidden = false; }
  }).catch(() => {});
}

function pinStep() {
  const value = $("pin-value");
  const dots = $("pin-dots");
  const ok = $("pin-ok");
  const show = () => {
    const n = value.value.length;
    // Big dots to see from arm's length: filled for each digit, hollow up to the shortest PIN.
    dots.textContent = "●".repeat(n) + "○".repeat(Math.max(0, MIN_PIN - n));
    dots.setAttribute("aria-label", fill(dots.dataset.label, { n }));
    dots.dataset.count = String(n);
    ok.disabled = value.value.length < MIN_PIN;
  };
  const press = (digit) => {
    if (value.value.length < MAX_PIN) value.value += digit;
    show();
  };
  for (const key of document.querySelectorAll("[data-digit]")) key.addEventListener("click", () => press(key.dataset.digit));
  $("pin-back").addEventListener("click", () => { value.value = value.value.slice(0, -1); show(); });
  // A keyboard (or a scanner's keypad) types the PIN too.
  document.addEventListener("keydown", (event) => {
    if (/^[0-9]$/.test(event.key)) { press(event.key); event.preventDefault(); }
    else if (event.key === "Backspace") { value.value = value.value.slice(0, -1); show(); event.preventDefault(); }
    else if (event.key === "Enter" && !ok.disabled) { $("pin-form").requestSubmit(); event.preventDefault(); }
  });
  show();
  document.body.dataset.keypad = "ready";
}

if ($("pin-form")) pinStep();
else badgeStep();
