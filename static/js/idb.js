// A small promise layer over IndexedDB; one database for the queue, history and reference data.
const NAME = "tanaoroshi";
const VERSION = 1;
let opening = null;

export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        // Every scan the device made: state is "pending" until the server acknowledges it,
        // then "done" (applied, duplicate, unresolved) or "attention" (rejected as malformed).
        const scans = db.createObjectStore("scans", { keyPath: "scan_id" });
        scans.createIndex("state_seq", ["state", "seq"]);
        scans.createIndex("seq", "seq");
        db.createObjectStore("meta", { keyPath: "key" });
        db.createObjectStore("items", { keyPath: "id" }).createIndex("code", "code");
        db.createObjectStore("barcodes", { keyPath: "code" });
        db.createObjectStore("locations", { keyPath: "id" }).createIndex("code", "code");
        db.createObjectStore("sites", { keyPath: "id" });
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      req.onerror = () => { opening = null; reject(req.error); };
    });
  }
  return opening;
}

/** Run fn(stores) in one transaction; resolves with fn's result once the transaction commits. */
export async function tx(names, mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const t = db.transaction(names, mode);
    const stores = Object.fromEntries([].concat(names).map((n) => [n, t.objectStore(n)]));
    let result;
    Promise.resolve(fn(stores, t)).then((r) => { result = r; }, (e) => { t.abort(); reject(e); });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error("transaction aborted"));
  });
}

/** A request as a promise (inside a transaction). */
export function req(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function getMeta(key, fallback = null) {
  const row = await tx("meta", "readonly", (s) => req(s.meta.get(key)));
  return row ? row.value : fallback;
}

export function setMeta(key, value) {
  return tx("meta", "readwrite", (s) => { s.meta.put({ key, value }); });
}
