import { HttpServerResponse } from "@effect/platform"
import { Cause, Effect } from "effect"
import { type AnalysisFailed, UnknownAnalysis } from "../Analyses.js"
import { errorPage, notFoundPage } from "../pages/ErrorPages.js"

// What the routes answer with, for the two kinds of client: a person's browser ("page": Danish
// HTML) and a program ("api": JSON `{ error }`).

export type Surface = "page" | "api"

export const htmlResponse = (body: string, status = 200) =>
  HttpServerResponse.text(body, { status, contentType: "text/html; charset=utf-8" })

export const jsonResponse = (body: unknown, status = 200) =>
  HttpServerResponse.text(JSON.stringify(body, null, 2), { status, contentType: "application/json; charset=utf-8" })

export const apiError = (status: number, message: string) => jsonResponse({ error: message }, status)

export const seeOther = (location: string) => HttpServerResponse.empty({ status: 303, headers: { location } })

const internalMessage = "Der skete en uventet fejl. Prøv igen; sker det igen, så kontakt IT."

const notFoundHtml = htmlResponse(
  notFoundPage("Analysen findes ikke. Den kan være slettet, eller adressen er skrevet forkert."),
  404
)
const notFoundJson = apiError(404, new UnknownAnalysis({ id: "" }).message)

/** The answer when the analysis in the address does not exist. */
export const analysisNotFound = (surface: Surface): HttpServerResponse.HttpServerResponse =>
  surface === "page" ? notFoundHtml : notFoundJson

/**
 * The one error mapping for everything a route did not handle itself: logged in full for IT,
 * answered with a plain Danish message (a page or JSON) and status 500.
 */
export const unexpectedFailure = (surface: Surface) => (cause: Cause.Cause<unknown>) =>
  surface === "page"
    ? Effect.logError("Fejl på siden", cause).pipe(Effect.as(htmlResponse(errorPage(internalMessage), 500)))
    : Effect.logError("Fejl i API", cause).pipe(Effect.as(apiError(500, internalMessage)))

/** A failed analysis is the user's file (400) or ours (500). */
export const failureStatus = (e: AnalysisFailed) => e.kind === "input" ? 400 : 500

/** `attachment` with an ASCII fallback name and the exact name for browsers that read `filename*`. */
export const contentDisposition = (kind: "attachment" | "inline", name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_")
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
