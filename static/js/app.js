// Shared by every screen: settings from the page, the service worker and its update prompt,
// the sync loop, the status bar and the offline reference data.
import { getMeta, setMeta } from "./idb.js";
import { heartbeat } from "./heartbeat.js";
import { counts } from "./queue.js";
import { refreshReference } from "./reference.js";
import { renderStatus, showBanner } from "./status.js";
import { startSync } from "./sync.js";

const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
export const t = readJson("i18n");
export const config = readJson("client-config");
export const lang = document.documentElement.lang;
const loggedIn = config.user_id != null;

async function saveSession() {
  const token = document.querySelector('meta[name="csrf-token"]').content;
  await setMeta("urls", config.urls);
  if (loggedIn) {
    await setMeta("csrf", token);
    await setMeta("user_id", config.user_id);
    await setMeta("shared", Boolean(config.device && config.device.shared));
  }
}
const ready = saveSession();

export const sync = loggedIn
  ? startSync(config, {
    onState: (status) => renderStatus(status, t, lang),
    afterSync: () => Promise.all([refreshReference(config.urls.reference), heartbeat(config).catch(() => {})]),
  })
  : null;

/** Ask for the queue to be sent now (after a scan, a retry, an undo). */
export function requestSync() {
  if (sync) ready.then(() => sync.run());
}

async function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.register(config.urls.sw, { type: "module", scope: "/" });
  let reloading = false;
  const prompt = (worker) => {
    showBanner(t.new_version, { reload: true });
    document.getElementById("banner-reload").onclick = () => {
      reloading = true;
      worker.postMessage({ type: "skip-waiting" });
    };
  };
  navigator.serviceWorker.addEventListener("controllerchange", () => { if (reloading) location.reload(); });
  if (registration.waiting && navigator.serviceWorker.controller) prompt(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) prompt(worker);
    });
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
  const active = (await navigator.serviceWorker.ready).active;
  // A page loaded while the worker was installing can stay uncontrolled (and so fail offline on
  // reload) until the next navigation: ask the worker to take it over now.
  if (active && !navigator.serviceWorker.controller) active.postMessage({ type: "claim" });
  if (loggedIn) {
    // Keep this user's screens, in this language, for offline use.
    const key = `${config.user_id}:${lang}`;
    if ((await getMeta("warmed")) !== key && active) {
      active.postMessage({ type: "warm" });
      await setMeta("warmed", key);
    }
  }
}

function guardLogout(form) {
  // Logging out and signing out everywhere both keep the unsent scans (IndexedDB); they only warn about them.
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { pending } = await counts();
    if (pending && !window.confirm(t.logout_pending.replace("{n}", pending))) return;
    await setMeta("warmed", null);
    const controller = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (controller) controller.postMessage({ type: "forget-pages" });
    form.submit();
  });
}

window.addEventListener("load", () => {
  registerWorker().catch(() => {});
});
guardLogout(document.getElementById("logout-form"));
guardLogout(document.getElementById("sign-out-everywhere-form"));
requestSync();
