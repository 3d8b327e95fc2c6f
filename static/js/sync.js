// Sending the queue: batches to the API, acknowledged by scan_id (task actions by action_id). syncOnce() has no DOM, so the
// service worker runs it too (Background Sync); startSync() schedules it in the page.
import { getMeta, setMeta } from "./idb.js";
import { applyResults, counts, deviceId, pending } from "./queue.js";

const MAX_BATCH = 100;
const MAX_BACKOFF_MS = 5 * 60 * 1000;
const IDLE_MS = 60 * 1000;
let batchSize = MAX_BATCH;

async function post(url, token, payload) {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token || "", "X-Device-Id": await deviceId() },
    body: JSON.stringify(payload),
  });
}

async function sendAll() {
  const urls = await getMeta("urls");
  if (!urls) return { status: "error", sent: 0 };
  const token = await getMeta("csrf");
  const userId = await getMeta("user_id");
  // A shared phone sends every worker's scans, each naming its worker; a worker's own phone sends only theirs.
  const shared = await getMeta("shared");
  let sent = 0;
  for (;;) {
    const queued = await pending(shared ? null : userId, batchSize);
    if (!queued.length) return { status: "ok", sent };
    // Queue order holds across kinds: the scans before an action go first, then the action(s), and so on.
    const actions = queued[0].type === "action";
    const end = queued.findIndex((r) => (r.type === "action") !== actions);
    const batch = end < 0 ? queued : queued.slice(0, end);
    const bodies = batch.map((r) => (r.user_id != null ? { ...r.body, worker_id: r.user_id } : r.body));
    let response;
    try {
      response = await post(actions ? urls.task_actions : urls.batch, token, actions ? { actions: bodies } : { scans: bodies });
    } catch (err) {
      return { status: "offline", sent };
    }
    if (response.status === 401) {
      const body = await response.json().catch(() => ({}));
      return { status: body.error && body.error.code === "device_revoked" ? "removed" : "login", sent };
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      if (response.status === 400 && body.error && body.error.code === "csrf_failed") return { status: "csrf", sent };
      // A server error on a big batch: halve it, so one bad scan cannot hold the whole queue.
      batchSize = Math.max(1, Math.floor(batchSize / 2));
      return { status: "error", sent, http: response.status };
    }
    let body;
    try {
      body = await response.json();
    } catch (err) {
      return { status: "offline", sent };  // the answer was cut off: send again, the server dedupes
    }
    await applyResults(body.results || []);
    await setMeta("last_sync", new Date().toISOString());
    batchSize = MAX_BATCH;
    sent += batch.length;
  }
}

/** Send every pending scan of the logged-in user once; one sender at a time across tabs and the worker. */
export function syncOnce() {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request("tanaoroshi-sync", sendAll);
  }
  return sendAll();
}

async function refreshSession(urls) {
  try {
    const response = await fetch(urls.session, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return false;
    const body = await response.json();
    await setMeta("csrf", body.csrf_token);
    await setMeta("user_id", body.user.id);
    return true;
  } catch (err) {
    return false;
  }
}

/**
 * Keep the queue flowing from the page: on load, on `online`, when the page is shown again, after
 * each scan, and on a timer with exponential backoff while the server cannot be reached.
 * `onState` gets {state, pending, attention, lastSync}; `afterSync` runs after a good round.
 */
export function startSync(config, { onState, afterSync }) {
  let failures = 0;
  let timer = null;
  let running = null;
  let again = false;
  let state = navigator.onLine ? "ok" : "offline";

  async function publish() {
    const c = await counts();
    onState({ state, pending: c.pending, attention: c.attention, lastSync: await getMeta("last_sync") });
    return c;
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  }

  async function round() {
    let outcome = await syncOnce();
    if (outcome.status === "csrf" || outcome.status === "login") {
      // The page's token may be stale (session renewed elsewhere): ask once for a fresh one.
      outcome = (await refreshSession(config.urls)) ? await syncOnce() : { status: "login" };
      if (outcome.status === "csrf") outcome = { status: "login" };
    }
    // "removed": this phone was revoked. It keeps its queue and waits to be paired again; nothing to retry until then.
    state = outcome.status;
    if (state === "ok") {
      failures = 0;
      if (afterSync) await afterSync().catch(() => {});
    } else if (state !== "login" && state !== "removed") {
      failures += 1;
      registerBackgroundSync();
    }
    const c = await publish();
    // Go on at once only while rounds send something: scans of another user wait for them without a busy loop.
    if (state === "ok") schedule(c.pending && outcome.sent ? 0 : IDLE_MS);
    else if (state !== "login" && state !== "removed") {
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 12));
      schedule(base * (0.5 + Math.random()));
    }
  }

  async function run() {
    if (running) { again = true; return running; }
    clearTimeout(timer);
    running = round().catch(() => {}).finally(() => {
      running = null;
      if (again) { again = false; run(); }
    });
    return running;
  }

  window.addEventListener("online", () => { failures = 0; run(); });
  window.addEventListener("offline", () => { state = "offline"; publish(); });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") run(); });
  return { run, publish };
}

function registerBackgroundSync() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready
    .then((registration) => registration.sync && registration.sync.register("scan-sync"))
    .catch(() => {});
}
