import { HttpApp, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Effect } from "effect"
import { PRINT_SCRIPT } from "@udsagn/report/ReportHtml"
import { createHash } from "node:crypto"
import { authorized, loginRequired, type PasswordHash } from "./Access.js"

/** A CSP source that allows exactly one inline script or style: `'sha256-<base64>'` of its text. */
export const cspHash = (source: string) => `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`

/** The app's own pages: scripts, styles and frames from this server only; nothing external. */
export const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join("; ")

/**
 * The generated report is one self-contained file with inline styles and SVG; it may be
 * framed by the analysis page (same origin) and loads nothing. The one script it may run
 * is the report's print helper, allowed by the hash of its text (computed, never copied).
 */
export const reportCsp = [
  "default-src 'none'",
  `script-src ${cspHash(PRINT_SCRIPT)}`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'"
].join("; ")

/** Downloads (SVG, JSON, …) opened directly get no rights at all. */
export const fileCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox"

const common: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "cache-control": "no-store"
}

/** Adds the security headers; a route may have set its own (framable or stricter) CSP. */
export const addSecurityHeaders = (response: HttpServerResponse.HttpServerResponse) => {
  const csp = response.headers["content-security-policy"] ?? pageCsp
  const framable = csp.includes("frame-ancestors 'self'")
  return HttpServerResponse.setHeaders(response, {
    ...common,
    "content-security-policy": csp,
    "x-frame-options": framable ? "SAMEORIGIN" : "DENY"
  })
}

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"])

/**
 * A `Host` header parsed strictly: a DNS name, an IPv4 address or a bracketed IPv6 address,
 * and an optional port 1-65535. Anything else (userinfo `a@b`, paths, spaces, bad ports) is
 * `undefined`.
 */
export const parseHost = (host: string): { readonly name: string; readonly port: number | undefined } | undefined => {
  const m = /^(\[[0-9a-f:.]{2,45}\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::([0-9]{1,5}))?$/i.exec(host)
  if (m === null) return undefined
  const port = m[2] === undefined ? undefined : Number(m[2])
  if (port !== undefined && (port < 1 || port > 65535)) return undefined
  return { name: (m[1] ?? "").toLowerCase(), port }
}

const sameHost = (origin: string, host: string) => {
  try {
    const url = new URL(origin)
    return (url.protocol === "http:" || url.protocol === "https:") && url.host.toLowerCase() === host.toLowerCase()
  } catch {
    return false
  }
}

/**
 * Cross-site request forgery: a state-changing request must come from this site.
 * `Sec-Fetch-Site`, set by the browser and beyond a page's reach, decides when present: only
 * `same-origin` (or `none`, typed by the user) passes. (Our own forms arrive with `Origin: null`
 * beside it, because the pages' referrer policy is `no-referrer`.) Without it, the `Origin`
 * decides: `null` (sandboxed frames, some redirects) and foreign origins are refused, and page
 * posts (the forms) must carry one. The JSON API (`/api/…`) also serves programs, which send no
 * browser headers; its writes are PUT/DELETE (a browser must ask first, and this server never
 * allows it) or an upload.
 */
export const crossSite = (method: string, url: string, headers: Record<string, string | undefined>, host: string) => {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false
  const site = headers["sec-fetch-site"]
  const origin = headers["origin"]
  if (site !== undefined) {
    if (site !== "same-origin" && site !== "none") return true
    return origin !== undefined && origin !== "null" && !sameHost(origin, host)
  }
  if (origin !== undefined) return !sameHost(origin, host)
  return !url.startsWith("/api/")
}

export interface SecureOptions {
  readonly loopbackOnly: boolean
  /** When set, every request needs the password (HTTP Basic). */
  readonly password?: PasswordHash | undefined
}

/**
 * Wraps the app: security headers on every response (set as a pre-response handler, so
 * error responses get them too); a strictly parsed `Host`, and when bound to this computer
 * only, answer only to local host names (stops DNS-rebinding pages from reading the analyses);
 * the access password when one is set; refuse state-changing requests from other sites.
 */
export const secure = (options: SecureOptions) =>
<E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R> =>
  Effect.gen(function*() {
    yield* HttpApp.appendPreResponseHandler((_request, response) => Effect.succeed(addSecurityHeaders(response)))
    const request = yield* HttpServerRequest.HttpServerRequest
    const host = request.headers["host"] ?? ""
    const parsed = parseHost(host)
    if (parsed === undefined) {
      return HttpServerResponse.text("Ugyldigt værtsnavn i forespørgslen.", { status: 400 })
    }
    if (options.loopbackOnly && !loopbackNames.has(parsed.name)) {
      return HttpServerResponse.text("Forkert værtsnavn: brug http://localhost eller http://127.0.0.1.", { status: 421 })
    }
    if (options.password !== undefined && !(yield* authorized(options.password))) return loginRequired
    if (crossSite(request.method, request.url, request.headers, host)) {
      return HttpServerResponse.text("Forespørgsler fra andre websteder afvises.", { status: 403 })
    }
    return yield* app
  })

export const isLoopbackHost = (host: string) => loopbackNames.has(host) || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
