// The app's security policy, once: the Content-Security-Policy's directives and the
// other security headers. assets/csp.mjs writes the policy into the built
// index.html as a <meta> tag (it holds on any static host); the server configs in
// deploy/ send it as headers, with what a <meta> tag cannot say (frame-ancestors:
// no site may frame the app, so no one can trick a participant into clicking
// through it). `node deploy/headers.mjs` writes those headers into the configs,
// and the test command fails when a config no longer says what this file says.
//
// The one directive that depends on the build is script-src: Trunk's inline loader
// and the theme line are allowed by their SHA-256 hashes, which change with every
// build. The header leaves script-src to the <meta> policy (a browser enforces
// both policies, each on its own), so a config never needs the build's hashes.

/** Directives both policies hold (everything but script-src). */
const SHARED = [
  // Stylesheets only from the app; style attributes (chart SVG, bar widths) allowed.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The <meta> policy of a build whose inline scripts have `hashes` ('sha256-…'). */
export function metaPolicy(hashes) {
  return [
    "default-src 'none'",
    // WebAssembly compiles under 'wasm-unsafe-eval' (eval and new Function stay blocked).
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
    ...SHARED,
  ].join('; ');
}

/** The policy a server sends as a header: the same directives but script-src,
 *  and frame-ancestors, which only a header can carry. */
export const HEADER_POLICY = [...SHARED, "frame-ancestors 'none'"].join('; ');

/** Every security header a server sends with every response. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': HEADER_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Every powerful feature denied: the app uses none (copying a code to the
  // clipboard needs no permission for a click's write).
  'Permissions-Policy': [
    'accelerometer', 'ambient-light-sensor', 'autoplay', 'bluetooth', 'camera',
    'display-capture', 'encrypted-media', 'fullscreen', 'geolocation',
    'gyroscope', 'hid', 'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment',
    'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial',
    'usb', 'web-share', 'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`).join(', '),
};

/** Files named by their content's hash (Trunk's, or the wasm chunks' build id):
 *  kept for good by every cache. */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|json)$/;
