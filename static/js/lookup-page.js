// Lookup: an instant answer from the device's copy, then live stock from the server (htmx fragment).
import { config, lang, t } from "./app.js";
import { cameraError, invalidCodeText, signal } from "./feedback.js";
import { classify, itemName } from "./reference.js";
import { startScreenInputs } from "./scanner.js";

const $ = (id) => document.getElementById(id);

function showLocal(kind, name, code, note) {
  $("lookup-local").hidden = false;
  $("lookup-local").dataset.kind = kind;
  $("local-kind").textContent = t[`kind_${kind}`] || "";
  $("local-name").textContent = name;
  $("local-code").textContent = code;
  $("local-note").textContent = note;
}

async function onScan(event) {
  const { code, symbology } = event.detail;
  const found = await classify(code, symbology).catch(() => ({ kind: "unknown" }));
  $("lookup-result").replaceChildren();
  if (found.kind === "invalid") {
    const text = invalidCodeText(found.error, t);
    showLocal("invalid", code, "", text);
    signal("error", text, code);
    return;
  }
  if (found.kind === "item") {
    showLocal("item", itemName(found.item, lang), found.item.code, t.looking_up);
    signal("ok", itemName(found.item, lang), found.item.code);
  } else if (found.kind === "location") {
    showLocal("location", found.location.code, found.location.name, t.looking_up);
    signal("ok", found.location.code, found.location.name);
  } else {
    showLocal("unknown", code, "", t.looking_up);
    signal("warn", t.kind_unknown, code);
  }
  if (!navigator.onLine) {
    $("local-note").textContent = t.lookup_offline;
    return;
  }
  window.htmx.ajax("GET", config.urls.lookup, { target: "#lookup-result", values: { code } })
    .then(() => { if ($("lookup-result").childElementCount) $("local-note").textContent = ""; })
    .catch(() => { $("local-note").textContent = t.lookup_offline; });
}

document.body.addEventListener("htmx:sendError", () => { $("local-note").textContent = t.lookup_offline; });
document.body.addEventListener("htmx:afterSwap", () => { $("lookup-local").hidden = $("lookup-result").childElementCount > 0; });
document.addEventListener("scan", onScan);
startScreenInputs({ ponyfillUrl: config.urls.decoder, onCameraError: (err) => cameraError(err, t) });
