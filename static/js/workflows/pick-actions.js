// A pick list's actions: a short pick needs a chosen reason and a second tap to confirm (no reason is
// assumed), and completing the list; both go through the queue like scans, applied once, after the scans before them.
import { config, requestSync } from "../app.js";
import { signal } from "../feedback.js";
import { enqueueAction } from "../queue.js";
import { fill } from "../status.js";
import { nextPick } from "./task-lines.js";
import { show } from "./task-steps.js";
import { wcfg, wt } from "./tasks.js";

const $ = (id) => document.getElementById(id);
let asked = null; // the line waiting for the worker's confirmation

const shortfall = (line) => line.left_now || Math.max(line.quantity - line.picked, 1);

function closeConfirm() {
  asked = null;
  $("short-confirm").hidden = true;
}

/** Ask before shorting a line: the reason must be chosen, and the worker confirms what will be recorded. */
export function askShort(line, refuse) {
  const reason = $("short-reason").value;
  if (!reason) {
    $("short-reason").focus();
    return refuse(wt.choose_reason);
  }
  asked = line;
  $("short-confirm-text").textContent = fill(wt.short_confirm, { n: shortfall(line), name: line.item_name, reason: wt.reasons[reason] });
  $("short-confirm").hidden = false;
  $("short-yes").focus();
}

async function confirmShort(ctx) {
  const line = asked;
  const reason = $("short-reason").value;
  closeConfirm();
  if (!line || !reason) return;
  const n = shortfall(line);
  const record = await enqueueAction({ kind: "short", task_id: ctx.state.task.id, line_id: line.id, reason },
    { item_name: `${line.bin || "—"}  ${line.item_name}`, units: n }, config.user_id);
  ctx.sent.set(record.scan_id, "pending");
  $("short-reason").value = "";
  requestSync();
  await ctx.redraw();
  const text = fill(wt.short_queued, { n, name: line.item_name });
  show("ok", "", text, wt.reasons[reason]);
  signal("ok", text);
  if (ctx.state.bin && nextPick(ctx.state.task, ctx.state.pending)?.bin !== ctx.state.bin.code) ctx.state.bin = null;
}

async function completeList(ctx, refuse) {
  const { task, pending } = ctx.state;
  if (!task) return refuse(wt.not_saved);
  if (nextPick(task, pending) || task.lines.some((l) => l.unavailable && !l.short)) return refuse(wt.lines_open);
  if (!task.completing) {
    const record = await enqueueAction({ kind: "complete", task_id: task.id },
      { item_name: [task.number, task.title].filter(Boolean).join("  ") }, config.user_id);
    ctx.sent.set(record.scan_id, "pending");
    requestSync();
  }
  signal("ok", wt.completed);
  location.href = wcfg.home;
}

/** Wire the pick list's buttons; ctx is {state, sent, redraw}. */
export function wirePickActions(ctx, refuse) {
  const select = $("short-reason");
  select.append(new Option(wt.reason_placeholder, ""));
  for (const [value, label] of Object.entries(wt.reasons)) select.append(new Option(label, value));
  select.value = "";
  $("short-btn").addEventListener("click", () => {
    const line = nextPick(ctx.state.task, ctx.state.pending);
    if (line) askShort(line, refuse);
  });
  $("short-yes").addEventListener("click", () => confirmShort(ctx));
  $("short-no").addEventListener("click", closeConfirm);
  $("complete-btn").addEventListener("click", () => completeList(ctx, refuse));
}
