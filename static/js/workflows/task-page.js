// The guided task screen: receive against an order, pick in walk order with bin-then-item checks,
// count bins, or transfer (from, item, quantity, to). Every scan goes through the PWA's queue, and the screen is
// drawn again from the server's answer after every scan and every sync (the phone's copy only while offline).
import { config, lang, requestSync, t } from "../app.js";
import { cameraError, invalidCodeText, signal } from "../feedback.js";
import { canUndo, enqueue, onQueueChange, recent, undo } from "../queue.js";
import { classify, itemName, photoOf } from "../reference.js";
import { startScreenInputs } from "../scanner.js";
import { fill } from "../status.js";
import { mixed } from "./pack-quantity.js";
import { askLotReason, resendWithReason, wireLotReason } from "./lot-reason.js";
import { askShort, wirePickActions } from "./pick-actions.js";
import { drawLines, lotText, nextPick } from "./task-lines.js";
import { countFigures, reasonText, receipt, receiptVerdict, refuseOn, show } from "./task-steps.js";
import { fetchTask, OPEN, pendingWork, savedTask, wcfg, withActions, wt } from "./tasks.js";

const $ = (id) => document.getElementById(id);
const ref = location.hash.slice(1);
const qtyInput = $("qty");
let quantity = () => 1;  // startScreenInputs() gives the real one
const sent = new Map(); // scan or action id -> state last seen, to signal the server's verdict once
// raw: the task as the server (or the phone's copy) has it; task: with the queued actions applied.
// last: this screen's latest scan (for "undo"); item: the item last received or counted here.
const state = {
  raw: null, task: null, bin: null, to: null, item: null, last: null, notice: null, pending: new Map(), awaitingSerial: null,
};
let drawing = 0;
// The server's answer on its way: a redraw meanwhile waits for it instead of drawing from an older copy (a scan
// made while the answer to the previous sync was still coming would otherwise be judged against stale lines).
let fetching = null;

const here = () => (state.bin ? fill(wt.bin, { code: state.bin.code }) : "");

function refuse(title, detail = "") {
  state.notice = { kind: "error", title, detail };
  refuseOn(here(), title, detail);
}

async function queueScan(body, found) {
  const qty = found.qty;  // taken when the code came in: the field may already hold the next scan's quantity
  const units = qty * (found.pack_qty || 1) * ((found.parsed && found.parsed.count) || 1);
  const name = itemName(found.item, lang);
  const record = await enqueue({ ...body, code: found.code, quantity: qty, symbology: found.symbology || undefined },
    { item_name: name, item_id: found.item.id, kind: "item", units }, config.user_id);
  sent.set(record.scan_id, "pending");
  state.last = { record, name, units };
  if (quantity() === qty) qtyInput.value = 1;  // back to one, unless the worker has typed the next quantity
  requestSync();
  return units;
}

function showClosed(task) {
  const cancelled = task.status === "cancelled";
  const title = fill(cancelled ? wt.closed_cancelled : wt.closed, { number: task.number });
  const order = task.kind === "purchase_order";
  $("wf-closed-text").textContent = order ? (wcfg.manager ? wt.receive_more : wt.ask_manager) : "";
  $("wf-blind").hidden = !(order && wcfg.manager);
  $("wf-closed").hidden = !order;
  const v = order && state.item ? receiptVerdict(receipt(task, state.pending, state.item.id)) : null;
  return show(v ? v.kind : "done", "", title, v ? `${state.item.name}: ${v.text}` : "", v ? v.figures : {});
}

function guideStep() {
  const task = state.task;
  $("wf-undo").hidden = !state.last;
  if (ref === "transfer") {
    if (!state.bin) return show("idle", wt.from_bin, "");
    if (!state.item) return show("bin", fill(wt.from_set, { code: state.bin.code }), wt.scan_item);
    return show("bin", fill(wt.from_set, { code: state.bin.code }), fill(wt.item_set, { name: itemName(state.item.item, lang) }));
  }
  $("wf-closed").hidden = true;
  if (!OPEN.includes(task.status)) return showClosed(task);
  if (state.notice) return show(state.notice.kind, here(), state.notice.title, state.notice.detail);
  if (task.kind === "pick_list") {
    const line = nextPick(task, state.pending);
    const shorts = task.lines.filter((l) => l.short_queued).map((l) => fill(wt.short_queued, { n: l.short, name: l.item_name }));
    if (!line) return show("ok", "", wt.all_picked, shorts.join(" · "));
    const where = fill(wt.go_to_bin, { code: line.bin });
    // The proposed lot (first expiry first out) is said with its expiry, so the picker takes the right carton.
    const hint = [lotText(line), state.bin ? wt.scan_item : wt.scan_bin].filter(Boolean).join(" · ");
    return show(state.bin ? "bin" : "idle", where, `${line.case_qty || line.inner_qty ? fill(wt.take_packs, { n: mixed(line.left_now, line, wt) }) : fill(wt.take, { n: line.left_now })} × ${line.item_name}`,
      hint);
  }
  if (task.kind === "count_session") {
    if (!state.bin) return show("idle", wt.count_bin, "");
    const figures = countFigures(task, state.pending, state.bin.code, state.item ? state.item.id : null);
    if (!state.item) return show("bin", here(), wt.scan_item_to_count, "", { total: figures.total });
    return show("ok", here(), state.item.name, wt.counted_item, figures);
  }
  if (!state.item) return show(state.bin ? "bin" : "idle", here(), "", wt.scan_bin_then_item);
  const v = receiptVerdict(receipt(task, state.pending, state.item.id));
  return show(v.kind, here(), state.item.name, v.text, v.figures);
}

/** The item the step card is about: the next pick, or the item just scanned in the bin. */
function itemInFocus() {
  if (ref === "transfer") return state.item?.item.id;
  if (state.task?.kind === "pick_list" && OPEN.includes(state.task.status)) return nextPick(state.task, state.pending)?.item_id;
  return state.item?.id;
}

let photoAsked = 0;
/** Its photo beside the step, so the worker takes the right box off the shelf; the newest ask wins. */
async function showPhoto(itemId) {
  const mine = ++photoAsked;
  const url = await photoOf(itemId).catch(() => null);
  if (mine !== photoAsked) return;
  const img = $("wf-photo");
  img.hidden = !url;
  if (url) img.src = url;
  else img.removeAttribute("src");
}

function guide() {
  const drawn = guideStep();
  showPhoto(itemInFocus());
  return drawn;
}

async function onLocation(loc, qty) {
  const task = state.task;
  if (ref === "transfer") {
    if (!state.bin || !state.item) { state.bin = loc; state.item = null; signal("ok", fill(wt.from_set, { code: loc.code })); return guide(); }
    if (loc.id === state.bin.id) return refuse(wt.same_bin);
    const units = await queueScan({ mode: "move", location: state.bin.code, to_location: loc.code }, { ...state.item, qty });
    const text = fill(wt.moved, { n: units, name: itemName(state.item.item, lang), code: loc.code });
    state.item = null;
    show("ok", fill(wt.from_set, { code: state.bin.code }), text, wt.sent);
    $("wf-undo").hidden = false;
    return signal("ok", text);
  }
  if (task.kind === "pick_list") {
    const line = nextPick(task, state.pending);
    if (line && loc.code !== line.bin) return refuse(fill(wt.wrong_bin, { code: line.bin }), loc.code);
  }
  if (task.kind === "count_session" && !task.bins.includes(loc.code)) return refuse(fill(wt.not_in_count, { code: loc.code }));
  state.bin = loc;
  state.item = null;
  signal("ok", fill(wt.bin, { code: loc.code }));
  guide();
}

async function onItem(found) {
  const task = state.task;
  if (ref === "transfer") {
    if (!state.bin) return refuse(wt.from_bin);
    state.item = found;
    signal("ok", itemName(found.item, lang));
    return guide();
  }
  const name = itemName(found.item, lang);
  const body = { mode: { purchase_order: "receive", pick_list: "pick", count_session: "count" }[task.kind], task_id: task.id };
  if (task.kind === "pick_list") {
    const line = nextPick(task, state.pending);
    if (!line) return refuse(wt.all_picked);
    if (!state.bin) return refuse(wt.scan_bin, fill(wt.go_to_bin, { code: line.bin }));
    if (found.item.id !== line.item_id) return refuse(fill(wt.wrong_item, { name: line.item_name }), name);
    const parsed = found.parsed || {};
    if (parsed.lot && line.lot && parsed.lot !== line.lot && parsed.expiry && line.expiry && parsed.expiry > line.expiry) {
      // A later lot than proposed: asked here, so the reason goes with the scan even offline.
      const ask = fill(wt.later_lot_ask, { lot: parsed.lot, proposed: line.lot, expiry: line.expiry });
      return askLotReason(ask, (reason) => queuePick({ ...body, location: state.bin.code, lot_reason: reason }, found));
    }
  } else if (task.kind === "count_session" && !state.bin) {
    return refuse(wt.count_bin);
  }
  if (state.bin) body.location = state.bin.code;
  if ($("lot").value.trim()) body.lot = $("lot").value.trim();
  if ($("expiry").value) body.expiry = $("expiry").value;
  if (found.item.serial_tracked) {
    // One unit per scan, named by its serial: from its GS1 code, else the serial's own label scanned next.
    if (!found.serial && !found.parsed?.serial) {
      state.awaitingSerial = found;
      show("bin", here(), name, t.scan_serial);
      return signal("ok", name, t.scan_serial);
    }
    if (found.serial) body.serial = found.serial;
    found = { ...found, qty: 1 };
  }
  if (task.kind === "pick_list") return queuePick(body, found);
  const units = await queueScan(body, found);
  state.item = { id: found.item.id, name };
  await redraw();
  if (task.kind === "count_session") {
    signal("ok", name, String(countFigures(state.task, state.pending, state.bin.code, found.item.id).qty));
  } else {
    const v = receiptVerdict(receipt(state.task, state.pending, found.item.id));
    signal(v.kind, v.text, String(v.figures.qty));  // what to know in words, the figure in large type
  }
}

async function queuePick(body, found) {
  const name = itemName(found.item, lang);
  const units = await queueScan(body, found);
  state.item = null;
  await redraw();
  show("ok", here(), `${name} +${units}`, wt.sent);
  signal("ok", name, `+${units}`);
  // Another scan may have cleared the bin while this one awaited the redraw.
  if (state.bin && nextPick(state.task, state.pending)?.bin !== state.bin.code) state.bin = null;
}

async function onScan(event) {
  const { code, symbology } = event.detail;
  const qty = quantity();
  state.notice = null;
  let found;
  try { found = await classify(code, symbology); } catch (err) { found = { kind: "unknown" }; }
  if (state.awaitingSerial) {
    const held = state.awaitingSerial;
    state.awaitingSerial = null;
    // A bin label or another item starts over; anything else is the held unit's serial.
    if (found.kind !== "location" && !(found.kind === "item" && found.item.id !== held.item.id)) {
      const serial = code.trim();
      if (!serial || serial.length > 40) return refuse(t.serial_too_long, code);
      return onItem({ ...held, serial });
    }
  }
  if (found.kind === "invalid") return refuse(invalidCodeText(found.error, t), code);
  if (!state.task && ref !== "transfer") return refuse(wt.not_saved);
  if (state.task && !OPEN.includes(state.task.status)) return refuse(fill(wt.closed, { number: state.task.number }), code);
  if (found.kind === "location") return onLocation(found.location, qty);
  if (found.kind !== "item") return refuse(wt.unknown, code);
  return onItem({ ...found, code, symbology, qty });
}

/** Undo this screen's latest scan: a compensating scan in the queue, shown at once, sent like any other. */
async function undoLast() {
  const last = state.last;
  if (!last) return;
  state.last = null;
  const row = (await recent(200)).find((r) => r.scan_id === last.record.scan_id);
  if (!row || !canUndo(row)) return refuse(wt.cannot_undo);
  const record = await undo(row, config.user_id);
  sent.set(record.scan_id, "pending");
  requestSync();
  state.notice = null;
  await redraw();
  signal("ok", fill(wt.undone_last, { name: last.name, n: last.units }));
}

/** The server has judged our scans: a refused one is said in the worker's language; then redraw from the server. */
async function verdicts() {
  // The fresh copy is asked for at once: a scan made while it is on its way waits for it (serverCopy), so the
  // scans the server has just acknowledged are never missing from both the queue and the copy.
  const drawn = redraw(true);
  for (const row of await recent(100)) {
    if (!sent.has(row.scan_id) || sent.get(row.scan_id) === row.state) continue;
    sent.set(row.scan_id, row.state);
    if (row.state !== "attention") continue;
    const said = reasonText(row.result || {}) || t.rejected;
    refuse(wt.rejected, said);
    // The server knows the lot is later than proposed (the phone could not tell): ask why, then send it again.
    if (row.result && row.result.reason === "later_lot") askLotReason(said, (reason) => resendWithReason(row, reason, sent));
  }
  await drawn;
}

/** The task as the server last answered: asked again when told to, else the newest answer, awaited if on its way. */
async function serverCopy(fetchAgain) {
  if (!fetchAgain && state.raw) {
    if (fetching) await fetching;
    return state.raw;
  }
  const asked = (async () => (await fetchTask(ref)) || state.raw || (await savedTask(ref)))();
  fetching = asked;
  const raw = await asked;
  // Kept even when a later redraw has begun meanwhile (it is waiting for this); an older answer never replaces a newer.
  if (fetching === asked) {
    fetching = null;
    if (raw) state.raw = raw;
  }
  return fetching ? (await fetching) || raw : state.raw || raw;
}

async function redraw(fetchAgain = false) {
  if (ref === "transfer") return guide();
  const mine = ++drawing;
  const raw = await serverCopy(fetchAgain);
  if (!raw) return show("error", "", wt.not_saved);
  // Lines arrive with both names; show the one of the UI's language, as scans do.
  for (const l of raw.lines || []) l.item_name = itemName({ name: l.item_name, name_en: l.item_name_en }, lang);
  const { units, actions } = await pendingWork(raw.id);
  if (mine !== drawing) return;  // a later redraw has newer data
  state.raw = raw;
  state.pending = units;
  state.task = withActions(raw, actions);
  $("wf-number").textContent = [state.task.number, state.task.title].filter(Boolean).join("  ");
  drawLines($("wf-lines"), state.task, state.pending, { short: (line) => askShort(line, refuse) });
  const open = OPEN.includes(state.task.status);
  $("wf-actions").hidden = state.task.kind !== "pick_list" || !open;
  $("wf-lot").hidden = state.task.kind !== "purchase_order" || !open;
  // A closed task takes no more scans: its inputs go, what it ended with stays (a scanner still gets an answer).
  document.querySelector("#wf-screen .controls").hidden = !open;
  guide();
}

function setUp() {
  document.querySelector(".topbar-title").textContent = ref === "transfer" ? wt.transfer : document.title.split(" · ")[0];
  wirePickActions({ state, sent, redraw }, refuse);
  wireLotReason(refuse);
  $("wf-undo").addEventListener("click", undoLast);
  document.addEventListener("scan", onScan);
  ({ quantity } = startScreenInputs({ ponyfillUrl: config.urls.decoder, onCameraError: (err) => cameraError(err, t) }));
  onQueueChange(verdicts);
}

setUp();
// The screen is chosen by the fragment: a new fragment is a new screen.
window.addEventListener("hashchange", () => location.reload());
// data-ready tells tests (and nothing else) the first drawing is done and the screen is idle.
const first = ref === "transfer" ? Promise.resolve(($("wf-lines-title").hidden = true, guide())) : redraw(true);
first.finally(() => setTimeout(() => { document.body.dataset.ready = "1"; }, 200));
