// Lookup: an instant answer from the device's copy, then live stock from the server (htmx fragment). A code the
// copy does not know, or a name typed in either kana (「置時計」, 「まぐかっぷ」), lists the matching items, offline too.
import { config, lang, t } from "./app.js";
import { cameraError, invalidCodeText, signal } from "./feedback.js";
import { normaliseCode } from "./codes.js";
import { classify, itemName } from "./reference.js";
import { startScreenInputs } from "./scanner.js";
import { searchItems } from "./search.js";
import { fill } from "./status.js";

const $ = (id) => document.getElementById(id);
const lt = JSON.parse($("lookup-i18n").textContent);
let typing = null;
// A code is ASCII once normalised (full-width digits included); anything else typed is a name.
const looksLikeCode = (text) => /^[\x21-\x7e]+$/.test(normaliseCode(text));

function showLocal(kind, name, code, note, photo = null) {
  $("lookup-local").hidden = false;
  $("local-photo").hidden = !photo;  // the thumbnail comes from the service worker's photo cache offline
  if (photo) $("local-photo").src = photo;
  else $("local-photo").removeAttribute("src");
  $("lookup-local").dataset.kind = kind;
  $("local-kind").textContent = t[`kind_${kind}`] || "";
  $("local-name").textContent = name;
  $("local-code").textContent = code;
  $("local-note").textContent = note;
}

function live(code) {
  if (!navigator.onLine) {
    $("local-note").textContent = t.lookup_offline;
    return;
  }
  window.htmx.ajax("GET", config.urls.lookup, { target: "#lookup-result", values: { code } })
    .then(() => { if ($("lookup-result").childElementCount) $("local-note").textContent = ""; })
    .catch(() => { $("local-note").textContent = t.lookup_offline; });
}

function showItem(item) {
  $("matches-box").hidden = true;
  $("lookup-result").replaceChildren();
  showLocal("item", itemName(item, lang), item.code, t.looking_up, item.photo);
  live(item.code);
}

/** List the items whose name or code matches; a tap shows one. Returns how many matched. */
async function listMatches(query) {
  const items = query.trim() ? await searchItems(query) : [];
  $("matches-box").hidden = !query.trim();
  $("matches-title").textContent = fill(items.length ? lt.matches : lt.no_matches, { q: query.trim() });
  $("matches").replaceChildren(...items.map((item) => {
    const button = Object.assign(document.createElement("button"), { type: "button", className: "match" });
    button.dataset.code = item.code;
    const name = Object.assign(document.createElement("span"), { className: "match-name", textContent: itemName(item, lang) });
    const code = Object.assign(document.createElement("span"), { className: "match-code", textContent: item.code });
    button.append(name, code);
    button.addEventListener("click", () => showItem(item));
    const li = document.createElement("li");
    li.append(button);
    return li;
  }));
  return items.length;
}

async function onScan(event) {
  const { code, symbology, source } = event.detail;
  clearTimeout(typing);  // the words typed so far are now this scan
  const found = await classify(code, symbology).catch(() => ({ kind: "unknown" }));
  $("lookup-result").replaceChildren();
  $("matches-box").hidden = true;
  if (found.kind === "item") {
    showLocal("item", itemName(found.item, lang), found.item.code, t.looking_up, found.item.photo);
    signal("ok", itemName(found.item, lang), found.item.code);
  } else if (found.kind === "location") {
    showLocal("location", found.location.code, found.location.name, t.looking_up);
    signal("ok", found.location.code, found.location.name);
  } else if (source === "keyboard" && ((await listMatches(code)) || !looksLikeCode(code))) {
    $("lookup-local").hidden = true;  // typed words: the matching names (or that none match) are the answer
    return;
  } else if (found.kind === "invalid") {
    $("matches-box").hidden = true;
    const text = invalidCodeText(found.error, t);
    showLocal("invalid", code, "", text);
    signal("error", text, code);
    return;
  } else {
    $("matches-box").hidden = true;
    showLocal("unknown", code, "", t.looking_up);
    signal("warn", t.kind_unknown, code);
  }
  live(code);
}

$("typed-code").addEventListener("input", () => {
  clearTimeout(typing);
  const query = $("typed-code").value;
  typing = setTimeout(() => listMatches(query), 150);
});
document.body.addEventListener("htmx:sendError", () => { $("local-note").textContent = t.lookup_offline; });
document.body.addEventListener("htmx:afterSwap", () => { $("lookup-local").hidden = $("lookup-result").childElementCount > 0; });
document.addEventListener("scan", onScan);
startScreenInputs({ ponyfillUrl: config.urls.decoder, onCameraError: (err) => cameraError(err, t) });
