// The device's copy of items, barcodes, bins and sites, kept fresh with the API's delta cursor,
// so that codes are recognised and looked up with no network.
import { getMeta, req, setMeta, tx } from "./idb.js";
import { MalformedCode, parseCode } from "./codes.js";

const STORES = ["items", "barcodes", "locations", "sites"];

/** Fetch what changed since the last cursor (everything the first time) and store it. */
export async function refreshReference(url) {
  const cursor = await getMeta("reference_cursor");
  const target = cursor ? `${url}?since=${encodeURIComponent(cursor)}` : url;
  const response = await fetch(target, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`reference ${response.status}`);
  const data = await response.json();
  await tx(STORES, "readwrite", (s) => {
    if (data.full) STORES.forEach((name) => s[name].clear());
    // Removals first: a code taken off one item and given to another arrives in both lists.
    for (const code of data.removed_barcodes || []) s.barcodes.delete(code);
    for (const name of STORES) for (const row of data[name] || []) s[name].put(row);
  });
  await setMeta("reference_cursor", data.cursor);
  const photos = (data.items || []).map((item) => item.photo).filter(Boolean);
  // The service worker keeps the thumbnails for offline lookups (within its budget, see sw.js).
  if (photos.length) navigator.serviceWorker?.controller?.postMessage({ type: "warm-photos", urls: photos });
  return data;
}

async function itemById(s, id) {
  const item = await req(s.items.get(id));
  return item && item.active !== false ? item : null;
}

/**
 * What a code is, as far as this device knows:
 * {kind: "item", item, pack_qty, parsed} | {kind: "location", location} | {kind: "unknown", parsed}
 * | {kind: "invalid", error}.
 */
export async function classify(raw, symbology = null) {
  let parsed;
  try {
    parsed = parseCode(raw, symbology);
  } catch (err) {
    if (err instanceof MalformedCode) return { kind: "invalid", error: err };
    throw err;
  }
  return tx(STORES, "readonly", async (s) => {
    for (const key of parsed.keys) {
      const barcode = await req(s.barcodes.get(key));
      if (barcode) {
        const item = await itemById(s, barcode.item_id);
        if (item) return { kind: "item", item, pack_qty: barcode.pack_qty, parsed };
      }
    }
    if (parsed.kind === "text") {
      const text = parsed.keys[0];
      const location = await req(s.locations.index("code").get(text));
      if (location && location.active !== false) return { kind: "location", location, parsed };
      const item = await req(s.items.index("code").get(text));
      if (item && item.active !== false) return { kind: "item", item, pack_qty: 1, parsed };
    }
    return { kind: "unknown", parsed };
  });
}

/** The URL of the item's thumbnail as this device knows it (the service worker serves it offline), or null. */
export async function photoOf(itemId) {
  if (itemId == null) return null;
  return tx(["items"], "readonly", async (s) => (await req(s.items.get(itemId)))?.photo || null);
}

/** The item's name in the page's language. */
export function itemName(item, lang) {
  return (lang === "en" && item.name_en) || item.name;
}
