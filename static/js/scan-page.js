// A scan screen (receive, pick, count, move): bins as context, items as scans into the queue.
import { config, lang, requestSync, t } from "./app.js";
import { cameraError, invalidCodeText, signal } from "./feedback.js";
import { enqueue, onQueueChange, recent, undo } from "./queue.js";
import { classify, itemName } from "./reference.js";
import { refusalText, renderRows } from "./rows.js";
import { startScreenInputs } from "./scanner.js";
import { fill } from "./status.js";

const screen = document.getElementById("scan-screen");
const mode = screen.dataset.mode;
const $ = (id) => document.getElementById(id);
const qtyInput = $("qty");
const bins = { from: null, to: null };
const sessionIds = new Set();
const totals = new Map();   // item (or code) -> units scanned on this screen
const seenState = new Map(); // scan id -> state last shown, to signal the server's verdict once
let latest = null;
let awaitingSerial = null; // a serial-tracked item scanned without its serial: the next code is the serial
const SERIAL_MODES = new Set(["receive", "pick", "move", "count"]);

function setBin(slot, location) {
  bins[slot] = location;
  const button = $(slot === "to" ? "bin-to" : "bin-from");
  button.textContent = location ? fill(slot === "to" ? t.to_bin_set : t.bin_set, { code: location.code }) : button.dataset.empty;
  button.classList.toggle("is-set", Boolean(location));
}

function showResult(state, name, qty, detail, photo = null) {
  $("result").dataset.state = state;
  $("result-photo").hidden = !photo;  // the item's thumbnail, from the service worker's cache offline
  if (photo) $("result-photo").src = photo;
  else $("result-photo").removeAttribute("src");
  $("result-name").textContent = name;
  $("result-qty").textContent = qty;
  $("result-detail").textContent = detail;
}

async function onScan(event) {
  const { code, symbology } = event.detail;
  if (awaitingSerial) {
    const held = awaitingSerial;
    const next = await classify(code, symbology).catch(() => ({ kind: "unknown" }));
    // A bin label or another item starts over (the worker scans the unit again); anything else is its serial.
    if (next.kind !== "location" && !(next.kind === "item" && next.item.id !== held.found.item.id)) {
      awaitingSerial = null;
      const serial = code.trim();
      if (!serial || serial.length > 40) {
        showResult("error", held.name, "", t.serial_too_long);
        signal("error", t.serial_too_long, code);
        return;
      }
      return book(held.found, held.code, held.symbology, serial);
    }
    awaitingSerial = null;
  }
  let found;
  try {
    found = await classify(code, symbology);
  } catch (err) {
    found = { kind: "unknown", parsed: null };
  }
  if (found.kind === "invalid") {
    const text = invalidCodeText(found.error, t);
    showResult("error", code, "", text);
    signal("error", text, code);
    return;
  }
  if (found.kind === "location") {
    const slot = mode === "move" && bins.from && !bins.to ? "to" : "from";
    if (slot === "to" && found.location.id === bins.from.id) {
      signal("error", t.same_bin, found.location.code);
      return;
    }
    setBin(slot, found.location);
    const text = fill(slot === "to" ? t.to_bin_set : t.bin_set, { code: found.location.code });
    showResult("bin", text, "", found.location.name || "");
    signal("ok", text);
    return;
  }
  if (mode === "move" && !bins.to) {
    showResult("error", code, "", t.need_to_bin);
    signal("error", t.need_to_bin, code);
    return;
  }
  const parsedSerial = (found.parsed || {}).serial;
  if (found.kind === "item" && found.item.serial_tracked && SERIAL_MODES.has(mode) && !parsedSerial) {
    awaitingSerial = { found, code, symbology, name: itemName(found.item, lang) };
    showResult("bin", awaitingSerial.name, "", t.scan_serial, found.item.photo);
    signal("ok", awaitingSerial.name, t.scan_serial);
    return;
  }
  return book(found, code, symbology, null);
}

/** Queue one scan (a serial-tracked unit with its serial, one unit) and show it. */
async function book(found, code, symbology, serial) {
  const tracked = found.kind === "item" && found.item.serial_tracked;
  const qty = tracked ? 1 : quantity();
  const body = { mode, code, quantity: qty };
  if (serial) body.serial = serial;
  if (symbology) body.symbology = symbology;
  if (bins.from) body.location = bins.from.code;
  if (bins.to) body.to_location = bins.to.code;
  // Lot and expiry inside a GS1 code are read by the server from the raw code.
  const parsed = found.parsed || {};
  const name = found.kind === "item" ? itemName(found.item, lang) : code;
  const units = qty * (found.pack_qty || 1) * (parsed.count || 1);
  // The scan is safe on the device before anything else is shown or sent.
  const record = await enqueue(body, { item_name: name, kind: found.kind, units }, config.user_id);
  sessionIds.add(record.scan_id);
  seenState.set(record.scan_id, "pending");
  latest = record.scan_id;
  const key = found.kind === "item" ? `item:${found.item.id}` : `code:${code}`;
  totals.set(key, (totals.get(key) || 0) + units);
  const serialText = serial || parsed.serial ? fill(t.serial_of, { serial: serial || parsed.serial }) : "";
  const lotText = [serialText, parsed.lot, parsed.expiry].filter(Boolean).join(" · ");
  if (found.kind === "item") {
    showResult("ok", name, totals.get(key), [t.queued, lotText].filter(Boolean).join(" "), found.item.photo);
    signal("ok", name, `${totals.get(key)}`);
  } else {
    showResult("warn", code, totals.get(key), t.unknown_offline);
    signal("warn", t.unknown_code, code);
  }
  qtyInput.value = 1;
  requestSync();
  renderSession();
}

async function renderSession() {
  const rows = (await recent(200)).filter((r) => sessionIds.has(r.scan_id));
  for (const row of rows) {
    const before = seenState.get(row.scan_id);
    if (before === row.state) continue;
    seenState.set(row.scan_id, row.state);
    if (before === "pending" && row.scan_id === latest) verdict(row);
  }
  renderRows($("session-list"), rows.slice(0, 20), {
    t, lang, onUndo: async (row) => {
      if (!window.confirm(t.undo_confirm)) return;
      const record = await undo(row, config.user_id);
      sessionIds.add(record.scan_id);
      requestSync();
      renderSession();
    },
  });
}

/** The server has answered the latest scan: show its stock figure, or signal what went wrong. */
function verdict(row) {
  const result = row.result || {};
  // The phone's name is in the worker's language; the server's is the Japanese catalogue name.
  const name = (row.local.kind === "item" && row.local.item_name) || result.item_name || row.local.item_name;
  if (row.state === "attention") {
    const reason = refusalText(result, t);
    showResult("error", name, "", reason || t.rejected);
    signal("error", t.rejected, reason);
    return;
  }
  const unresolved = result.status === "unresolved" || result.first_status === "unresolved";
  if (unresolved && row.local.kind === "item") signal("warn", t.unknown_code, row.body.code);
  const notes = [t[result.status] || ""];
  if (result.stock_at_location != null) notes.push(fill(t.stock_here, { n: result.stock_at_location }));
  if ((result.warnings || []).includes("negative_stock")) {
    notes.push(t.negative_stock);
    signal("warn", t.negative_stock, name);
  }
  $("result-detail").textContent = notes.filter(Boolean).join(" · ");
}

for (const id of ["bin-from", "bin-to"]) {
  const button = $(id);
  if (button) button.addEventListener("click", () => setBin(button.dataset.slot, null));
}
document.addEventListener("scan", onScan);
const { quantity } = startScreenInputs({ ponyfillUrl: config.urls.decoder, onCameraError: (err) => cameraError(err, t) });
onQueueChange(renderSession);
