// The lines of a task as the worker sees them: order progress, the pick walk, the bins of a count.
import { fill } from "../status.js";
import { mixed } from "./pack-quantity.js";
import { wt } from "./tasks.js";

const queued = (pending, bin, itemId) => pending.get(`${bin || ""}|${itemId}`) || 0;
const queuedAnywhere = (pending, itemId) =>
  [...pending].reduce((n, [key, units]) => n + (key.endsWith(`|${itemId}`) ? units : 0), 0);

/** The next pick line in walk order with units left after what is already queued; null when done. */
export function nextPick(task, pending) {
  const left = new Map();
  for (const line of task.lines) {
    if (line.unavailable || line.left <= 0) continue;
    const key = `${line.bin}|${line.item_id}`;
    const used = left.has(key) ? left.get(key) : queued(pending, line.bin, line.item_id);
    const now = line.left - used;
    left.set(key, Math.max(0, -now));
    if (now > 0) return { ...line, left_now: now };
  }
  return null;
}

/** A pick line's proposed lot and its expiry in words ("expired" said, not only shown in colour); "" without a lot. */
export function lotText(line) {
  if (!line.lot && !line.expiry) return "";
  const text = line.expiry ? fill(wt.lot_expiry, { lot: line.lot || "—", expiry: line.expiry }) : fill(wt.lot_only, { lot: line.lot });
  return line.expired ? `${text} · ${wt.expired}` : text;
}

function row(list, cls, main, sub, button) {
  const li = document.createElement("li");
  li.className = cls;
  const a = document.createElement("span");
  a.className = "wf-line-main";
  a.textContent = main;
  const b = document.createElement("span");
  b.className = "wf-line-sub";
  b.textContent = sub;
  li.append(a, b);
  if (button) li.append(button);
  list.append(li);
}

export function drawLines(list, task, pending, { short }) {
  list.replaceChildren();
  if (task.kind === "purchase_order") {
    for (const l of task.lines) {
      const got = l.received + queuedAnywhere(pending, l.item_id);
      const over = got - l.expected;
      const sub = [fill(wt.expected, { n: mixed(l.expected, l, wt) }), fill(wt.received, { n: mixed(got, l, wt) }),
        over > 0 ? fill(wt.over, { n: mixed(over, l, wt) }) : over < 0 ? fill(wt.under, { n: mixed(-over, l, wt) }) : wt.complete].join(" · ");
      row(list, `wf-line ${over > 0 ? "is-over" : over === 0 ? "is-done" : ""}`, l.item_name, sub);
    }
  } else if (task.kind === "pick_list") {
    const next = nextPick(task, pending);
    for (const l of task.lines) {
      const got = l.picked + queued(pending, l.bin, l.item_id);
      const done = l.unavailable ? l.short > 0 : got + l.short >= l.quantity;
      const picked = `${fill(wt.picked, { n: mixed(got, l, wt), m: mixed(l.quantity, l, wt) })}${l.short ? ` · ${wt.short} ${mixed(l.short, l, wt)}` : ""}`;
      const sub = l.unavailable ? (l.short ? wt.done : wt.unavailable) : [picked, lotText(l)].filter(Boolean).join(" · ");
      let button = null;
      if (l.unavailable && !l.short) {
        button = Object.assign(document.createElement("button"), { className: "btn btn-small", type: "button", textContent: wt.short });
        button.addEventListener("click", () => short(l));
      }
      row(list, `wf-line ${done ? "is-done" : ""} ${next && next.id === l.id ? "is-next" : ""} ${l.expired ? "is-expired" : ""}`,
        `${l.bin || "—"}  ${l.item_name}`, sub, button);
    }
  } else {
    const bins = new Map(task.bins.map((b) => [b, 0]));
    for (const [key, n] of pending) { const bin = key.split("|")[0]; if (bins.has(bin)) bins.set(bin, bins.get(bin) + n); }
    for (const l of task.lines) if (l.counted != null) bins.set(l.bin, (bins.get(l.bin) || 0) + l.counted);
    const recount = new Set(task.lines.filter((l) => l.recount).map((l) => l.bin));
    for (const [bin, n] of bins) {
      row(list, `wf-line ${recount.has(bin) ? "is-over" : n ? "is-done" : ""}`, bin,
        recount.has(bin) ? wt.recount : fill(wt.counted_here, { n }));
    }
  }
}
