// The customer-return screen: a bin label, then the item; the reason chosen; booked once through the API.
// The request id is made when the item is scanned and kept until the server has answered, so pressing
// again after a lost answer books nothing twice. Booking needs a connection; nothing is queued.
import { config, lang, t } from "./app.js";
import { cameraError, signal } from "./feedback.js";
import { classify, itemName } from "./reference.js";
import { startScreenInputs } from "./scanner.js";
import { fill } from "./status.js";

const $ = (id) => document.getElementById(id);
const rt = JSON.parse($("return-i18n").textContent);
const api = JSON.parse($("return-config").textContent).api;
const state = { bin: null, item: null, code: null, requestId: null };

function show(kind, name, detail, photo = null) {
  $("result").dataset.state = kind;
  $("result-name").textContent = name;
  $("result-detail").textContent = detail;
  $("result-photo").hidden = !photo;
  if (photo) $("result-photo").src = photo;
  else $("result-photo").removeAttribute("src");
}

function ready() {
  $("return-book").disabled = !(state.bin && state.item);
}

async function onScan(event) {
  const { code, symbology } = event.detail;
  const found = await classify(code, symbology).catch(() => ({ kind: "unknown" }));
  if (found.kind === "location") {
    state.bin = found.location;
    $("bin-from").textContent = fill(rt.bin_set, { code: found.location.code });
    $("bin-from").classList.add("is-set");
    show("bin", fill(rt.bin_set, { code: found.location.code }), state.item ? "" : rt.scan_item);
    signal("ok", found.location.code);
    return ready();
  }
  if (found.kind !== "item") {
    show("error", code, rt.unknown_item);
    return signal("error", rt.unknown_item, code);
  }
  state.item = found;
  state.code = code;
  state.requestId = crypto.randomUUID();  // a new return: a new request id
  if (found.parsed?.serial) $("return-serial").value = found.parsed.serial;
  show("ok", itemName(found.item, lang), state.bin ? rt.choose_reason : rt.scan_bin, found.item.photo);
  signal("ok", itemName(found.item, lang));
  ready();
}

async function book(event, quantity) {
  event.preventDefault();
  const reason = $("return-reason").value;
  if (!reason) {
    show("error", itemName(state.item.item, lang), rt.choose_reason);
    return signal("error", rt.choose_reason);
  }
  const parsed = state.item.parsed || {};
  const body = {
    request_id: state.requestId,
    item: state.item.item.code,
    quantity: quantity() * (state.item.pack_qty || 1) * (parsed.count || 1),
    bin: state.bin.code,
    reason,
    pick_list: $("return-pick-list").value.trim(),
    serial: $("return-serial").value.trim(),
    lot: parsed.lot || "",
  };
  if (parsed.expiry) body.expiry = parsed.expiry;
  show("bin", itemName(state.item.item, lang), rt.sending);
  let answer;
  try {
    answer = await fetch(api, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content },
      body: JSON.stringify(body),
    });
  } catch (err) {
    show("error", itemName(state.item.item, lang), rt.offline);
    return signal("error", rt.offline);
  }
  const result = await answer.json().catch(() => ({}));
  if (!answer.ok) {
    const reason_ = (result.error && result.error.message) || String(answer.status);
    show("error", itemName(state.item.item, lang), fill(rt.refused, { reason: reason_ }));
    return signal("error", fill(rt.refused, { reason: reason_ }));
  }
  const text = fill(rt.booked, { name: itemName(state.item.item, lang), n: body.quantity, code: state.bin.code });
  show("ok", text, t.applied || "");
  signal("ok", text);
  state.item = null;
  state.requestId = null;
  $("return-serial").value = "";
  ready();
}

$("bin-from").addEventListener("click", () => {
  state.bin = null;
  $("bin-from").textContent = $("bin-from").dataset.empty;
  $("bin-from").classList.remove("is-set");
  ready();
});
document.addEventListener("scan", onScan);
const { quantity } = startScreenInputs({ ponyfillUrl: config.urls.decoder, onCameraError: (err) => cameraError(err, t) });
$("return-form").addEventListener("submit", (event) => book(event, quantity));
document.body.dataset.ready = "1";
