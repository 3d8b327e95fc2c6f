// One rendering of a stored scan as a list row, shared by the scan screens and the recent list.
import { canUndo } from "./queue.js";
import { fill, formatTime } from "./status.js";

function stateLabel(row, t) {
  if (row.undone_by) return t.undone;
  if (row.state === "pending") return t.pending_state;
  if (row.state === "attention") return t.rejected;
  return t[row.result.status] || row.result.status;
}

/** Why the server refused a scan, in the worker's language by its reason code, never the server's English words. */
export function refusalText(result, t) {
  const template = (t.reasons || {})[result.reason];
  const other = fill(t.refused_other || "", { reason: result.reason || "" });
  if (!template) return other;
  const text = fill(template, result.params || {});
  return /\{\w+\}/.test(text) ? other : text;
}

function message(row, t) {
  const result = row.result || {};
  if (row.state === "attention") return refusalText(result, t);
  const notes = [];
  if (result.status === "unresolved" || (result.status === "duplicate" && result.first_status === "unresolved")) {
    notes.push(t.unknown_code);
  }
  if ((result.warnings || []).includes("negative_stock")) notes.push(t.negative_stock);
  if (result.stock_at_location != null && result.location) {
    notes.push(`${result.location} · ${fill(t.stock_here, { n: result.stock_at_location })}`);
  }
  return notes.join(" ");
}

/** Replace the list's rows; handlers get the stored scan record. */
export function renderRows(list, rows, { t, lang, onUndo, onRetry, onDismiss }) {
  const template = document.getElementById("scan-row");
  const items = rows.map((row) => {
    const li = template.content.firstElementChild.cloneNode(true);
    const body = row.body;
    const undoRow = body.mode === "undo";
    li.dataset.state = row.undone_by ? "undone" : row.state === "done" ? row.result.status : row.state;
    li.dataset.scanId = row.scan_id;
    // The device's name is in the page's language; the server's is the catalogue name.
    const name = (row.local.kind === "item" && row.local.item_name) || (row.result && row.result.item_name)
      || row.local.item_name || body.code;
    li.querySelector(".scan-name").textContent = undoRow ? fill(t.undo_of, { code: name }) : name;
    const units = row.result && row.result.quantity != null ? row.result.quantity : row.local.units || body.quantity;
    li.querySelector(".scan-qty").textContent = undoRow || units == null ? "" : `× ${units}`;
    const mode = body.mode || body.kind;  // a task action (short, complete) has a kind, not a scan mode
    li.querySelector(".scan-mode").textContent = t[`mode_${mode}`] || mode;
    li.querySelector(".scan-time").textContent = formatTime(body.occurred_at, lang);
    li.querySelector(".scan-bin").textContent = [body.location, body.to_location].filter(Boolean).join(" → ");
    li.querySelector(".scan-state").textContent = stateLabel(row, t);
    const note = message(row, t);
    li.querySelector(".scan-message").textContent = note;
    li.querySelector(".scan-message").hidden = !note;
    const wire = (selector, show, handler) => {
      const button = li.querySelector(selector);
      button.hidden = !show || !handler;
      if (handler) button.addEventListener("click", () => handler(row));
    };
    wire(".scan-undo", canUndo(row), onUndo);
    wire(".scan-retry", row.state === "attention", onRetry);
    wire(".scan-dismiss", row.state === "attention", onDismiss);
    return li;
  });
  list.replaceChildren(...items);
}
