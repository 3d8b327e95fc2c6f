// The device's scan queue in IndexedDB. A scan is stored here before anything else happens to it,
// and leaves the pending state only when the server has acknowledged its scan_id.
import { getMeta, req, setMeta, tx } from "./idb.js";

const KEEP_DONE = 500;          // acknowledged scans kept for the recent list and undo
const ACKED = new Set(["applied", "duplicate", "unresolved"]);
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("tanaoroshi-queue") : null;

/** A time-ordered UUID (version 7): 48-bit milliseconds, then random bits. */
export function uuidv7() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) { bytes[i] = ms % 256; ms = Math.floor(ms / 256); }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let lastSeq = 0;
function nextSeq() {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

export async function deviceId() {
  let id = await getMeta("device_id");
  if (!id) { id = uuidv7(); await setMeta("device_id", id); }
  return id;
}

function changed() {
  if (channel) channel.postMessage("changed");
  if (typeof window !== "undefined") window.dispatchEvent(new Event("queue-changed"));
}

/** Listen to queue changes made by this page, other tabs and the service worker. */
export function onQueueChange(fn) {
  if (channel) channel.addEventListener("message", fn);
  window.addEventListener("queue-changed", fn);
}

/**
 * Store one scan. `body` is the API scan (without scan_id/occurred_at), `local` what the device
 * knew when it was scanned (item name, kind); `user_id` is who scanned it.
 */
export async function enqueue(body, local = {}, userId = null) {
  const record = {
    scan_id: uuidv7(), seq: nextSeq(), state: "pending", user_id: userId,
    body: { ...body, occurred_at: new Date().toISOString() }, local, result: null, undone_by: null,
  };
  record.body.scan_id = record.scan_id;
  await tx("scans", "readwrite", (s) => { s.scans.add(record); });
  changed();
  return record;
}

/**
 * Store one task action (short pick, complete a list) in the same queue, so it is sent after the scans made
 * before it. `body` is {kind, task_id, ...}; the action's UUID is its key (scan_id) and its action_id.
 */
export async function enqueueAction(body, local = {}, userId = null) {
  const id = uuidv7();
  const record = {
    scan_id: id, type: "action", seq: nextSeq(), state: "pending", user_id: userId,
    body: { ...body, action_id: id, occurred_at: new Date().toISOString() }, local: { kind: "action", ...local },
    result: null, undone_by: null,
  };
  await tx("scans", "readwrite", (s) => { s.scans.add(record); });
  changed();
  return record;
}

/** The oldest pending scans and actions of one user, in queue order. */
export function pending(userId, limit = 200) {
  const range = IDBKeyRange.bound(["pending", 0], ["pending", Infinity]);
  return tx("scans", "readonly", async (s) => {
    const rows = await req(s.scans.index("state_seq").getAll(range));
    return rows.filter((r) => userId == null || r.user_id == null || r.user_id === userId).slice(0, limit);
  });
}

/** When the oldest scan or action still waiting to be sent was made (ISO time), or null. */
export function oldestPending() {
  const range = IDBKeyRange.bound(["pending", 0], ["pending", Infinity]);
  return tx("scans", "readonly", async (s) => {
    const cursor = await req(s.scans.index("state_seq").openCursor(range));
    return cursor ? cursor.value.body.occurred_at : null;
  });
}

/** Record the server's answers: acknowledged scans are done, rejected ones need attention. */
export async function applyResults(results) {
  await tx("scans", "readwrite", async (s) => {
    for (const result of results) {
      const id = result && (result.scan_id || result.action_id);
      if (!id) continue;
      const row = await req(s.scans.get(id));
      if (!row || row.state !== "pending") continue;
      row.result = result;
      row.state = ACKED.has(result.status) ? "done" : "attention";
      row.acked_at = new Date().toISOString();
      s.scans.put(row);
    }
  });
  await trimDone();
  changed();
}

async function trimDone() {
  await tx("scans", "readwrite", async (s) => {
    const range = IDBKeyRange.bound(["done", 0], ["done", Infinity]);
    const keys = await req(s.scans.index("state_seq").getAllKeys(range));
    for (const key of keys.slice(0, Math.max(0, keys.length - KEEP_DONE))) s.scans.delete(key);
  });
}

export function counts() {
  return tx("scans", "readonly", async (s) => {
    const index = s.scans.index("state_seq");
    const count = (state) => req(index.count(IDBKeyRange.bound([state, 0], [state, Infinity])));
    return { pending: await count("pending"), attention: await count("attention") };
  });
}

/** The newest scans, any state, newest first. */
export function recent(limit = 100) {
  return tx("scans", "readonly", (s) => new Promise((resolve, reject) => {
    const rows = [];
    const cursor = s.scans.index("seq").openCursor(null, "prev");
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || rows.length >= limit) { resolve(rows); return; }
      rows.push(c.value);
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  }));
}

export function byState(state) {
  return tx("scans", "readonly", (s) => req(
    s.scans.index("state_seq").getAll(IDBKeyRange.bound([state, 0], [state, Infinity]))));
}

/** Put a scan that needs attention back in the queue (same scan_id: the server never stored it). */
export async function retry(scanId) {
  await tx("scans", "readwrite", async (s) => {
    const row = await req(s.scans.get(scanId));
    if (row && row.state === "attention") { row.state = "pending"; row.result = null; s.scans.put(row); }
  });
  changed();
}

/** Remove a rejected scan from the list after the worker has read why. */
export async function dismiss(scanId) {
  await tx("scans", "readwrite", async (s) => {
    const row = await req(s.scans.get(scanId));
    if (row && row.state === "attention") { row.state = "dismissed"; s.scans.put(row); }
  });
  changed();
}

/** Undo = a compensating scan naming the original; the original is never deleted. */
export async function undo(original, userId) {
  const record = await enqueue({ mode: "undo", code: original.body.code, quantity: 1, undo_of: original.scan_id },
    { item_name: original.local.item_name || original.body.code, undo_code: original.body.code }, userId);
  await tx("scans", "readwrite", async (s) => {
    const row = await req(s.scans.get(original.scan_id));
    if (row) { row.undone_by = record.scan_id; s.scans.put(row); }
  });
  changed();
  return record;
}

export function canUndo(row) {
  if (row.type === "action" || row.body.mode === "undo" || row.body.mode === "lookup" || row.undone_by) return false;
  if (row.state === "pending") return true;
  return row.state === "done" && row.result && (row.result.status !== "duplicate" || row.result.first_status !== "rejected");
}
