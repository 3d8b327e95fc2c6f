// Service worker of the scanning app. Rendered by webapp/web/shell.py; the version changes with
// any shell file, template or translation, so a deploy installs a new cache and prompts for reload.
import { syncOnce } from {{ sync_module|tojson }};

const VERSION = {{ version|tojson }};
const SHELL = {{ shell|tojson }};
const DECODER = {{ decoder|tojson }};
const PAGES = {{ pages|tojson }};
const HOME = {{ home|tojson }};
const API = {{ api_prefix|tojson }};
const SHELL_CACHE = `shell-${VERSION}`;
const PAGE_CACHE = `pages-${VERSION}`;
const DECODER_CACHE = `decoder-${VERSION}`;
const NAV_TIMEOUT_MS = 4000;
// Item photos for offline lookup: thumbnails only (160 px WebP, about 5-10 kB each), at most 400 of them
// (about 4 MB), the oldest stored evicted first; kept across versions since a photo's URL names its ETag.
const PHOTO_CACHE = "photos-v1";
const PHOTO_PATH = /^\/photos\/items\/\d+\/thumb$/;
const MAX_PHOTOS = 400;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await withRetries(() => shell.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))));
    await warmPages();
    // The decoder is large and only needed without a native BarcodeDetector: best effort.
    const decoder = await caches.open(DECODER_CACHE);
    await decoder.addAll(DECODER).catch(() => {});
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL_CACHE, PAGE_CACHE, DECODER_CACHE, PHOTO_CACHE]);
    for (const name of await caches.keys()) {
      if (!keep.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") self.skipWaiting();
  // A page that loaded while this worker was installing can miss the claim made on activation.
  else if (type === "claim") event.waitUntil(self.clients.claim());
  else if (type === "warm") event.waitUntil(warmPages());
  else if (type === "forget-pages") event.waitUntil(caches.delete(PAGE_CACHE));
  else if (type === "warm-photos") event.waitUntil(warmPhotos(event.data.urls || []));
});

// Screens are per user and per language: cache only real pages (not the login redirect).
async function warmPages() {
  const cache = await caches.open(PAGE_CACHE);
  await Promise.all(PAGES.map(async (url) => {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      // A body nobody reads holds its connection open; a few of those (a no-store sign-in page each screen
      // redirects to) and every later request of the worker waits for a free one, install included.
      if (cacheable(response)) await cache.put(url, response);
      else await response.body?.cancel();
    } catch (err) { /* offline: keep what we have */ }
  }));
}

function cacheable(response) {
  return response.ok && !response.redirected && response.type === "basic"
    && (response.headers.get("Content-Type") || "").startsWith("text/html");
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // API calls (reads and writes) always go to the network; writes are never cached.
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith(API)) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else if (SHELL.includes(url.pathname) || DECODER.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, url));
  } else if (PHOTO_PATH.test(url.pathname) && url.searchParams.has("v")) {
    event.respondWith(photo(request));
  }
});

// A thumbnail whose URL carries its ETag never changes: from the cache when there, else fetched and kept.
async function photo(request) {
  const cache = await caches.open(PHOTO_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trimPhotos(cache);
  }
  return response;
}

async function trimPhotos(cache) {
  const keys = await cache.keys();  // in the order they were stored: the oldest first
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PHOTOS))) await cache.delete(key);
}

// After a reference sync: fetch the thumbnails this phone does not have yet, within the budget.
async function warmPhotos(urls) {
  const cache = await caches.open(PHOTO_CACHE);
  for (const url of urls.slice(0, MAX_PHOTOS)) {
    if (!PHOTO_PATH.test(new URL(url, self.location.origin).pathname) || (await cache.match(url))) continue;
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok) await cache.put(url, response);
      else await response.body?.cancel();
    } catch (err) { return; /* offline: the next sync tries again */ }
  }
  await trimPhotos(cache);
}

async function navigate(request, url) {
  const cache = await caches.open(PAGE_CACHE);
  try {
    const response = await withTimeout(fetch(request), NAV_TIMEOUT_MS);
    if (cacheable(response) && PAGES.includes(url.pathname) && !url.search) {
      await cache.put(url.pathname, response.clone());
    }
    return response;
  } catch (err) {
    const cached = (await cache.match(url.pathname)) || (await cache.match(HOME));
    if (cached) return cached;
    return new Response("<!doctype html><meta charset=utf-8><title>Offline</title><p>Offline / オフライン</p>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

async function cacheFirst(request, url) {
  const name = DECODER.includes(url.pathname) ? DECODER_CACHE : SHELL_CACHE;
  const cache = await caches.open(name);
  const cached = await cache.match(url.pathname);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(url.pathname, response.clone());
  return response;
}

// A weak signal on the first visit should not cost the phone its offline shell until the next page.
async function withRetries(task, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

// Background Sync: the browser wakes us when the network is back, even with the tab closed.
self.addEventListener("sync", (event) => {
  if (event.tag === "scan-sync") {
    event.waitUntil(syncOnce().then((outcome) => {
      if (outcome.status === "offline" || outcome.status === "error") throw new Error("retry later");
    }));
  }
});
