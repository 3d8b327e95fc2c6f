// The always-visible sync status (network, unsent count, last sync, needs attention) and the banner.
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : `{${key}}`));
}

export function formatTime(iso, lang) {
  if (!iso) return "";
  const when = new Date(iso);
  const today = new Date().toDateString() === when.toDateString();
  const options = today ? { hour: "2-digit", minute: "2-digit" }
    : { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(lang, options).format(when);
}

export function renderStatus(status, t, lang) {
  const box = document.getElementById("sync-status");
  if (!box) return;
  const online = navigator.onLine && status.state !== "offline";
  const stopped = status.state === "login" || status.state === "removed";
  box.dataset.state = stopped ? status.state : online ? (status.pending ? "pending" : "ok") : "offline";
  document.getElementById("sync-net").textContent = online ? t.online : t.offline;
  document.getElementById("sync-pending").textContent = status.pending ? fill(t.pending, { n: status.pending }) : t.all_sent;
  document.getElementById("sync-time").textContent = status.lastSync
    ? fill(t.last_sync, { time: formatTime(status.lastSync, lang) }) : t.never_synced;
  const attention = document.getElementById("sync-attention");
  attention.hidden = !status.attention;
  attention.textContent = fill(t.attention, { n: status.attention });
  box.setAttribute("aria-label", [document.getElementById("sync-net").textContent,
    document.getElementById("sync-pending").textContent, document.getElementById("sync-time").textContent,
    status.attention ? attention.textContent : ""].filter(Boolean).join(", "));
  if (status.state === "removed") showBanner(fill(t.device_removed, { n: status.pending }), { removed: true });
  else showBanner(status.state === "login" ? fill(t.login_again, { n: status.pending }) : null, { login: true });
}

/** Show (or with text null, hide) the banner, with its login link or its reload button. */
export function showBanner(text, { login = false, reload = false, removed = false } = {}) {
  const banner = document.getElementById("banner");
  if (!banner) return;
  if (!text) {
    // The sync status's banners (log in again, phone removed) go when it recovers; the update prompt stays.
    if (banner.dataset.kind === (login ? "login" : "reload") || (login && banner.dataset.kind === "removed")) {
      banner.hidden = true;
    }
    return;
  }
  banner.dataset.kind = removed ? "removed" : login ? "login" : "reload";
  document.getElementById("banner-text").textContent = text;
  document.getElementById("banner-login").hidden = !login;
  document.getElementById("banner-reload").hidden = !reload;
  banner.hidden = false;
}
