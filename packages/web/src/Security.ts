import { HttpApp, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Effect } from "effect"
import { PRINT_SCRIPT } from "@udsagn/report/ReportHtml"
import { createHash } from "node:crypto"

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

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]", "::1"])

const hostName = (host: string) => {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1)
  const colon = host.lastIndexOf(":")
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase()
}

/**
 * Wraps the app: security headers on every response (set as a pre-response handler, so
 * error responses get them too); when bound to this computer only, answer only to local
 * host names (stops DNS-rebinding pages from reading the analyses); refuse posts sent
 * from other sites.
 */
export const secure = (options: { readonly loopbackOnly: boolean }) =>
<E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R> =>
  Effect.gen(function*() {
    yield* HttpApp.appendPreResponseHandler((_request, response) => Effect.succeed(addSecurityHeaders(response)))
    const request = yield* HttpServerRequest.HttpServerRequest
    const host = request.headers["host"] ?? ""
    if (options.loopbackOnly && !loopbackNames.has(hostName(host))) {
      return HttpServerResponse.text("Forkert værtsnavn: brug http://localhost eller http://127.0.0.1.", { status: 421 })
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      const site = request.headers["sec-fetch-site"]
      const origin = request.headers["origin"]
      const crossOrigin = origin !== undefined && origin !== "null" && safeHost(origin) !== host.toLowerCase()
      if (site === "cross-site" || crossOrigin) {
        return HttpServerResponse.text("Forespørgsler fra andre websteder afvises.", { status: 403 })
      }
    }
    return yield* app
  })

const safeHost = (origin: string) => {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return ""
  }
}

export const isLoopbackHost = (host: string) => loopbackNames.has(host) || host.startsWith("127.")
