// A later lot than first expiry first out proposes: the worker says why from a short list, and the scan is
// queued again carrying the reason (so it travels offline like any scan). The refused scan stays in the
// "needs attention" list until its replacement is queued: nothing is lost if the worker cancels.
import { config, requestSync } from "../app.js";
import { signal } from "../feedback.js";
import { dismiss, enqueue } from "../queue.js";
import { wt } from "./tasks.js";

const $ = (id) => document.getElementById(id);
let waiting = null; // what to do with the chosen reason

function close() {
  waiting = null;
  $("lot-ask").hidden = true;
}

/** Ask why this lot: `send(reason)` queues the scan with the reason once the worker confirms. */
export function askLotReason(text, send) {
  waiting = send;
  $("lot-ask-text").textContent = text;
  $("lot-reason").value = "";
  $("lot-ask").hidden = false;
  $("lot-reason").focus();
}

/** The scan a server refused as a later lot, queued again with the reason (a new scan; the refused one dismissed). */
export async function resendWithReason(row, reason, sent) {
  const { scan_id: _id, occurred_at: _at, ...body } = row.body;
  const record = await enqueue({ ...body, lot_reason: reason }, row.local, config.user_id);
  sent.set(record.scan_id, "pending");
  await dismiss(row.scan_id);
  requestSync();
  return record;
}

/** Wire the reason list and its buttons; `refuse` says what is missing. */
export function wireLotReason(refuse) {
  const select = $("lot-reason");
  select.append(new Option(wt.reason_placeholder, ""));
  for (const [value, label] of Object.entries(wt.lot_reasons)) select.append(new Option(label, value));
  $("lot-yes").addEventListener("click", async () => {
    const reason = select.value;
    if (!reason) {
      select.focus();
      return refuse(wt.choose_lot_reason);
    }
    const send = waiting;
    close();
    if (send) await send(reason);
    signal("ok", wt.lot_reasons[reason]);
  });
  $("lot-no").addEventListener("click", close);
}
