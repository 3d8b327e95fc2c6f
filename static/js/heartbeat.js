// A paired phone tells the office how it is doing after a good sync round: its unsent queue and its version.
import { getMeta } from "./idb.js";
import { counts, deviceId, oldestPending } from "./queue.js";

const EVERY_MS = 30 * 1000;  // at most this often, unless the unsent count changed: a scan must not cost a write
let lastAt = 0;
let lastUnsent = -1;

export async function heartbeat(config) {
  if (!config.device || !config.urls.heartbeat) return;
  const { pending } = await counts();
  const now = Date.now();
  if (now - lastAt < EVERY_MS && pending === lastUnsent) return;
  const response = await fetch(config.urls.heartbeat, {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { "Content-Type": "application/json", "X-CSRFToken": (await getMeta("csrf")) || "", "X-Device-Id": await deviceId() },
    body: JSON.stringify({
      synced: true, unsent: pending, oldest_unsent_at: pending ? await oldestPending() : null, app_version: config.app_version,
    }),
  });
  if (response.ok) { lastAt = now; lastUnsent = pending; }
}
