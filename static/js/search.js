// Lookup by name or code from the phone's copy of the catalogue, with no network: names and queries folded the
// same way (full-width, case, katakana and hiragana), then ranked: exact code, name start, code start, inside.
import { normaliseCode, searchKey } from "./codes.js";
import { getMeta, req, tx } from "./idb.js";

let index = null;
let indexedAt = undefined;

async function build() {
  return tx(["items", "barcodes"], "readonly", async (s) => {
    const items = (await req(s.items.getAll())).filter((item) => item.active !== false);
    const codes = new Map(items.map((item) => [item.id, [item.code.toLowerCase()]]));
    for (const b of await req(s.barcodes.getAll())) {
      const list = codes.get(b.item_id);
      if (list) list.push(String(b.raw || b.code).toLowerCase(), String(b.code).replace(/^0+/, ""));
    }
    return items.map((item) => ({
      item,
      names: [searchKey(item.name), item.name_en ? searchKey(item.name_en) : ""].filter(Boolean),
      codes: codes.get(item.id),
    }));
  });
}

/** The items of the phone's copy whose name or code matches `query`, best first (at most `limit`). */
export async function searchItems(query, limit = 8) {
  const key = searchKey(query);
  const code = normaliseCode(query).toLowerCase();
  if (!key) return [];
  const cursor = await getMeta("reference_cursor");
  if (!index || cursor !== indexedAt) {  // rebuilt only when the reference data has changed
    index = await build();
    indexedAt = cursor;
  }
  const ranked = [];
  for (const entry of index) {
    let rank = 9;
    for (const c of entry.codes) {
      if (c === code) rank = Math.min(rank, 0);
      else if (c.startsWith(code)) rank = Math.min(rank, 2);
      else if (code.length >= 3 && c.includes(code)) rank = Math.min(rank, 4);
    }
    for (const n of entry.names) {
      if (n.startsWith(key)) rank = Math.min(rank, 1);
      else if (n.includes(key)) rank = Math.min(rank, 3);
    }
    if (rank < 9) ranked.push({ rank, entry });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.entry.names[0].length - b.entry.names[0].length
    || a.entry.item.code.localeCompare(b.entry.item.code));
  return ranked.slice(0, limit).map(({ entry }) => entry.item);
}
