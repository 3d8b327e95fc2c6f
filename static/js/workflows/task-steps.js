// What the guided step card says: where to go, what was scanned, the running figures in large type, and the
// worker's-language text of a refusal. Figures are the server's last answer plus what the queue still holds.
import { t } from "../app.js";
import { signal } from "../feedback.js";
import { refusalText } from "../rows.js";
import { fill } from "../status.js";
import { mixed } from "./pack-quantity.js";
import { wt } from "./tasks.js";

const $ = (id) => document.getElementById(id);

/** Draw the step card; `figures` {qty, total} puts a large running figure and a total beside it. */
export function show(kind, where, what, detail = "", figures = {}) {
  $("wf-step").dataset.state = kind;
  $("wf-where").textContent = where;
  $("wf-what").textContent = what;
  $("wf-detail").textContent = detail;
  $("wf-qty").textContent = figures.qty ?? "";
  $("wf-total").textContent = figures.total ?? "";
  $("wf-figures").hidden = figures.qty == null && figures.total == null;
}

/** A server refusal in the worker's language, filled with the values the server sent with it. */
export const reasonText = (result) => refusalText(result, t);

const sumWhere = (pending, match) => [...pending].reduce((n, [key, units]) => n + (match(key) ? units : 0), 0);

/** The item's running count in this bin, and the bin's total, as the counter should see them now. */
export function countFigures(task, pending, bin, itemId) {
  const lines = task.lines.filter((l) => l.bin === bin);
  const item = lines.filter((l) => l.item_id === itemId).reduce((n, l) => n + (l.counted || 0), 0)
    + sumWhere(pending, (key) => key === `${bin}|${itemId}`);
  const total = lines.reduce((n, l) => n + (l.counted || 0), 0) + sumWhere(pending, (key) => key.startsWith(`${bin}|`));
  return { qty: Math.max(item, 0), total: fill(wt.bin_total, { n: Math.max(total, 0) }) };
}

/** An order line's received-so-far (server plus queue) against what was ordered; null when not ordered. */
export function receipt(task, pending, itemId) {
  const lines = task.lines.filter((l) => l.item_id === itemId);
  const got = lines.reduce((n, l) => n + l.received, 0) + sumWhere(pending, (key) => key.endsWith(`|${itemId}`));
  const expected = lines.reduce((n, l) => n + l.expected, 0);
  return expected ? { got, expected, line: lines[0] } : { got, expected: 0, notOrdered: true };
}

/** The over/under verdict of a receipt as the worker scans it: kind, what to say, and the figures. */
export function receiptVerdict({ got, expected, notOrdered, line }) {
  if (notOrdered) return { kind: "warn", text: wt.not_on_order, figures: { qty: got } };
  const figures = { qty: `${got} / ${expected}` };
  if (line && (line.case_qty || line.inner_qty)) {  // in cases and pieces: words that do not say 個 themselves
    const got_ = ` (${fill(wt.received, { n: mixed(got, line, wt) })})`;
    if (got > expected) return { kind: "warn", text: fill(wt.over_by_packs, { n: mixed(got - expected, line, wt), m: mixed(expected, line, wt) }) + got_, figures };
    if (got === expected) return { kind: "ok", text: fill(wt.received_all_packs, { m: mixed(expected, line, wt) }), figures };
    return { kind: "ok", text: fill(wt.under, { n: mixed(expected - got, line, wt) }) + got_, figures };
  }
  if (got > expected) return { kind: "warn", text: fill(wt.over_by, { n: got - expected, m: expected }), figures };
  if (got === expected) return { kind: "ok", text: fill(wt.received_all, { m: expected }), figures };
  return { kind: "ok", text: fill(wt.under, { n: expected - got }), figures };
}

/** Signal a refusal on the card and with sound, vibration and colour. */
export function refuseOn(where, title, detail = "") {
  show("error", where, title, detail);
  signal("error", title, detail);
}
