// Service worker: after one visit the app starts and works with the network gone.
// The build's files are listed (and the cache named by their hash) when the site is
// built: assets/precache.mjs fills in VERSION and FILES. Pages are fetched network
// first, so a new version is picked up on the next visit whenever the site is
// reachable; the cached copy is only used when it is not. Everything else is served
// from the cache (file names carry content hashes), then from the network.
const VERSION = '__VERSION__';
const FILES = __FILES__;
// This build's file for each language but English (`{ es: 'i18n/es-….json' }`):
// not kept in advance, only once a page has fetched it (see below).
const LANGUAGES = '__LANGUAGES__';
const LANGUAGE_FILE = /\/i18n\/([a-z]+)-[0-9a-f]{16}\.json$/;
// Named by the app's address too: two deployments on one origin (say /prod/ and
// /staging/) keep their own copies and never delete each other's.
const PREFIX = `devops-maturity ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

// Files whose names carry their content's hash (Trunk's `-<16 hex>`, the wasm
// chunks' `-<12 hex>` build id) never change under their name: the copy the page
// just downloaded (in the HTTP cache) is the right one, so it is not fetched again.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|json)$/;

/** The languages an earlier cache of this app holds, so an update keeps them. */
const languagesKept = () => caches.keys()
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE)
    .map((k) => caches.open(k).then((c) => c.keys()))))
  .then((lists) => [...new Set(lists.flat()
    .map((r) => LANGUAGE_FILE.exec(new URL(r.url).pathname)?.[1])
    .filter((code) => code && LANGUAGES[code]))]);

self.addEventListener('install', (event) => {
  // Other files are checked with the server first ('no-cache'): an older index.html
  // kept in the HTTP cache would point at files of the previous build, which the new
  // cache lacks. The copy the page just downloaded is confirmed current by a "304
  // Not Modified", so a first visit downloads no file twice.
  const request = (url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' });
  event.waitUntil(languagesKept()
    .then((codes) => caches.open(CACHE)
      .then((cache) => cache.addAll([...FILES, ...codes.map((code) => LANGUAGES[code])].map(request))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A page asks to keep the file of the language it shows (fetched, on a first
// visit, before this worker was there). Only this build's language files.
self.addEventListener('message', (event) => {
  const url = typeof event.data?.keep === 'string' ? new URL(event.data.keep, self.location) : null;
  if (!url || url.origin !== self.location.origin || !LANGUAGE_FILE.test(url.pathname)) return;
  if (!Object.values(LANGUAGES).some((file) => new URL(file, self.location).href === url.href)) return;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.match(url).then((hit) => hit ?? cache.add(url))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every app route is index.html (beside this worker: the app may live under a subpath).
    const cached = () => caches.open(CACHE).then((cache) => cache.match(new URL('index.html', self.location).href));
    event.respondWith(
      fetch(request)
        .then((response) => (response.ok ? response : cached().then((hit) => hit ?? response)))
        .catch(cached),
    );
    return;
  }
  // A language file is kept once fetched: the language chosen works offline.
  const keep = LANGUAGE_FILE.test(new URL(request.url).pathname);
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit ?? fetch(request).then((response) => {
      if (keep && response.ok) cache.put(request, response.clone());
      return response;
    }))),
  );
});
