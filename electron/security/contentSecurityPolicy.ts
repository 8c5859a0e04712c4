/**
 * The renderer's Content-Security-Policy, sent as a response header by both doors (Electron's
 * session and the preview bridge) and repeated in index.html. Only our own files run; styles
 * come from files too (no injected <style>), and nothing may frame, post or navigate elsewhere.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')
