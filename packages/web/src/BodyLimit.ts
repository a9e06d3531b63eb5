import { type HttpApp, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Data, Effect, Stream } from "effect"
import { errorPage } from "./pages/ErrorPages.js"

/** The largest body of a form or JSON request (review form, corrections). */
export const formBodyLimit = 5 * 1024 * 1024

export const bodyTooLargeMessage = (bytes: number) =>
  `Forespørgslen er for stor. Den må højst fylde ${Math.floor(bytes / (1024 * 1024))} MB.`

const isUpload = (method: string, url: string) => method === "POST" && (url === "/api/analyses" || url === "/analyser")

/**
 * Refuses a body the client declares too big with 413 before reading it (JSON under `/api/`, a
 * page elsewhere). Reading it first and stopping at the limit drops the connection, and the
 * client sees no answer at all. Uploads get their own, larger limit (and `Upload.ts` counts it).
 */
export const limitBodies = (maxUploadBytes: number) =>
<E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const declared = Number(request.headers["content-length"] ?? "0")
    const upload = isUpload(request.method, request.url)
    const limit = upload ? maxUploadBytes + 1024 * 1024 : formBodyLimit
    if (!Number.isFinite(declared) || declared <= limit) return yield* app
    const message = bodyTooLargeMessage(upload ? maxUploadBytes : formBodyLimit)
    const headers = { connection: "close" }
    return request.url.startsWith("/api/")
      ? HttpServerResponse.text(JSON.stringify({ error: message }, null, 2), { status: 413, headers, contentType: "application/json; charset=utf-8" })
      : HttpServerResponse.text(errorPage(message), { status: 413, headers, contentType: "text/html; charset=utf-8" })
  })

export class BodyTooLarge extends Data.TaggedError("BodyTooLarge")<{ readonly limit: number }> {
  override get message() {
    return bodyTooLargeMessage(this.limit)
  }
}

/**
 * The request body as text, at most `limit` bytes. A longer body (sent without a length, so
 * `limitBodies` could not see it) is read to its end and dropped, so the client gets its 413
 * instead of a reset connection; past four times the limit the connection is given up.
 */
export const readBodyText = (limit: number) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* request.stream.pipe(
      Stream.runForEach((chunk) =>
        Effect.suspend(() => {
          size += chunk.length
          if (size <= limit) chunks.push(chunk)
          return size > 4 * limit ? Effect.fail(new BodyTooLarge({ limit })) : Effect.void
        })
      )
    )
    if (size > limit) return yield* new BodyTooLarge({ limit })
    return Buffer.concat(chunks).toString("utf8")
  })
