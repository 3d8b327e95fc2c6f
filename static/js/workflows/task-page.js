// The guided task screen: receive against an order, pick in walk order with bin-then-item checks,
// count bins, or transfer (from, item, quantity, to). Every scan goes through the PWA's queue.
import { config, lang, requestSync, t } from "../app.js";
import { cameraError, signal } from "../feedback.js";
import { enqueue, enqueueAction, onQueueChange, recent } from "../queue.js";
import { classify, itemName } from "../reference.js";
import { startScreenInputs } from "../scanner.js";
import { fill } from "../status.js";
import { loadTasks, pendingWork, wcfg, withActions, wt } from "./tasks.js";
import { drawLines, nextPick } from "./task-lines.js";

const $ = (id) => document.getElementById(id);
const ref = location.hash.slice(1);
const qtyInput = $("qty");
let quantity = () => 1;  // startScreenInputs() gives the real one
const sent = new Map(); // scan or action id -> state last seen, to signal the server's verdict once
// raw: the task as the server (or the phone's copy) has it; task: with the queued actions applied.
const state = { raw: null, task: null, bin: null, to: null, item: null, pending: new Map() };

function show(kind, where, what, detail = "") {
  $("wf-step").dataset.state = kind;
  $("wf-where").textContent = where;
  $("wf-what").textContent = what;
  $("wf-detail").textContent = detail;
}

function refuse(title, detail = "") {
  show("error", state.bin ? fill(wt.bin, { code: state.bin.code }) : "", title, detail);
  signal("error", title, detail);
}

async function queueScan(body, found) {
  const units = quantity() * (found.pack_qty || 1) * ((found.parsed && found.parsed.count) || 1);
  const record = await enqueue({ ...body, code: found.code, quantity: quantity(), symbology: found.symbology || undefined },
    { item_name: itemName(found.item, lang), item_id: found.item.id, kind: "item", units }, config.user_id);
  sent.set(record.scan_id, "pending");
  qtyInput.value = 1;
  requestSync();
  return units;
}

function guide() {
  const task = state.task;
  if (ref === "transfer") {
    if (!state.bin) return show("idle", wt.from_bin, "");
    if (!state.item) return show("bin", fill(wt.from_set, { code: state.bin.code }), wt.scan_item);
    return show("bin", fill(wt.from_set, { code: state.bin.code }), fill(wt.item_set, { name: itemName(state.item.item, lang) }));
  }
  if (task.kind === "pick_list") {
    const line = nextPick(task, state.pending);
    const shorts = task.lines.filter((l) => l.short_queued).map((l) => fill(wt.short_queued, { n: l.short, name: l.item_name }));
    if (!line) return show("ok", "", wt.all_picked, shorts.join(" · "));
    const where = fill(wt.go_to_bin, { code: line.bin });
    return show(state.bin ? "bin" : "idle", where, `${fill(wt.take, { n: line.left_now })} × ${line.item_name}`,
      state.bin ? wt.scan_item : wt.scan_bin);
  }
  if (task.kind === "count_session") {
    return show(state.bin ? "bin" : "idle", state.bin ? fill(wt.bin, { code: state.bin.code }) : wt.count_bin, "",
      state.bin ? fill(wt.counted_here, { n: countedHere() }) : "");
  }
  return show(state.bin ? "bin" : "idle", state.bin ? fill(wt.bin, { code: state.bin.code }) : "", "", wt.scan_bin_then_item);
}

function countedHere() {
  let n = 0;
  for (const [key, units] of state.pending) if (key.startsWith(`${state.bin.code}|`)) n += units;
  return n + state.task.lines.filter((l) => l.bin === state.bin.code).reduce((s, l) => s + (l.counted || 0), 0);
}

async function onLocation(loc) {
  const task = state.task;
  if (ref === "transfer") {
    if (!state.bin || !state.item) { state.bin = loc; state.item = null; signal("ok", fill(wt.from_set, { code: loc.code })); return guide(); }
    if (loc.id === state.bin.id) return refuse(wt.same_bin);
    const units = await queueScan({ mode: "move", location: state.bin.code, to_location: loc.code }, state.item);
    const text = fill(wt.moved, { n: units, name: itemName(state.item.item, lang), code: loc.code });
    state.item = null;
    show("ok", fill(wt.from_set, { code: state.bin.code }), text, wt.sent);
    return signal("ok", text);
  }
  if (task.kind === "pick_list") {
    const line = nextPick(task, state.pending);
    if (line && loc.code !== line.bin) return refuse(fill(wt.wrong_bin, { code: line.bin }), loc.code);
  }
  if (task.kind === "count_session" && !task.bins.includes(loc.code)) return refuse(fill(wt.not_in_count, { code: loc.code }));
  state.bin = loc;
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
  } else if (task.kind === "count_session" && !state.bin) {
    return refuse(wt.count_bin);
  }
  if (state.bin) body.location = state.bin.code;
  if ($("lot").value.trim()) body.lot = $("lot").value.trim();
  if ($("expiry").value) body.expiry = $("expiry").value;
  const units = await queueScan(body, found);
  await redraw();
  show("ok", state.bin ? fill(wt.bin, { code: state.bin.code }) : "", `${name} +${units}`, wt.sent);
  signal("ok", name, `+${units}`);
  // Another scan may have cleared the bin while this one awaited the redraw.
  if (task.kind === "pick_list" && state.bin && nextPick(task, state.pending)?.bin !== state.bin.code) state.bin = null;
}

async function onScan(event) {
  const { code, symbology } = event.detail;
  let found;
  try { found = await classify(code, symbology); } catch (err) { found = { kind: "unknown" }; }
  if (found.kind === "invalid") return refuse(found.error.message, code);
  if (!state.task && ref !== "transfer") return refuse(wt.not_saved);
  if (found.kind === "location") return onLocation(found.location);
  if (found.kind !== "item") return refuse(wt.unknown, code);
  return onItem({ ...found, code, symbology });
}

/** The server has judged our scans: a refused one (taken by another picker, wrong bin) is signalled. */
async function verdicts() {
  for (const row of await recent(100)) {
    if (!sent.has(row.scan_id) || sent.get(row.scan_id) === row.state) continue;
    sent.set(row.scan_id, row.state);
    if (row.state === "attention") refuse(wt.rejected, (row.result && row.result.message) || "");
  }
  if (ref !== "transfer") await redraw(true);
}

async function redraw(fetchAgain = false) {
  if (fetchAgain || !state.raw) {
    const { tasks } = await loadTasks();
    state.raw = tasks.find((task) => String(task.id) === ref) || state.raw;
  }
  if (!state.raw) return show("error", "", wt.not_saved);
  // Lines arrive with both names; show the one of the UI's language, as scans do.
  for (const l of state.raw.lines || []) l.item_name = itemName({ name: l.item_name, name_en: l.item_name_en }, lang);
  const { units, actions } = await pendingWork(state.raw.id);
  state.pending = units;
  state.task = withActions(state.raw, actions);
  $("wf-number").textContent = [state.task.number, state.task.title].filter(Boolean).join("  ");
  drawLines($("wf-lines"), state.task, state.pending, { short: shortLine });
  $("wf-actions").hidden = state.task.kind !== "pick_list";
  $("wf-lot").hidden = state.task.kind !== "purchase_order";
  guide();
}

/** A short pick goes through the queue like a scan: sent after the scans before it, applied once. */
async function shortLine(line) {
  const reason = $("short-reason").value;
  const n = line.left_now || Math.max(line.quantity - line.picked, 1);
  const record = await enqueueAction({ kind: "short", task_id: state.task.id, line_id: line.id, reason },
    { item_name: `${line.bin || "—"}  ${line.item_name}`, units: n }, config.user_id);
  sent.set(record.scan_id, "pending");
  requestSync();
  await redraw();
  const text = fill(wt.short_queued, { n, name: line.item_name });
  show("ok", "", text, wt.reasons[reason]);
  signal("ok", text);
  if (state.bin && nextPick(state.task, state.pending)?.bin !== state.bin.code) state.bin = null;
}

async function completeList() {
  const task = state.task;
  if (!task) return refuse(wt.not_saved);
  if (nextPick(task, state.pending) || task.lines.some((l) => l.unavailable && !l.short)) return refuse(wt.lines_open);
  if (!task.completing) {
    const record = await enqueueAction({ kind: "complete", task_id: task.id },
      { item_name: [task.number, task.title].filter(Boolean).join("  ") }, config.user_id);
    sent.set(record.scan_id, "pending");
    requestSync();
  }
  signal("ok", wt.completed);
  location.href = wcfg.home;
}

function setUp() {
  document.querySelector(".topbar-title").textContent = ref === "transfer" ? wt.transfer : document.title.split(" · ")[0];
  const select = $("short-reason");
  for (const [value, label] of Object.entries(wt.reasons)) select.append(new Option(label, value));
  $("short-btn").addEventListener("click", () => { const line = nextPick(state.task, state.pending); if (line) shortLine(line); });
  $("complete-btn").addEventListener("click", completeList);
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
