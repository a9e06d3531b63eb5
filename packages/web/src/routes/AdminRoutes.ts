import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { Effect, Option } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { Analyses } from "../Analyses.js"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { isAnalysisId } from "../Ids.js"
import { analysisPage } from "../pages/AnalysisPage.js"
import { errorPage } from "../pages/ErrorPages.js"
import { eventDetailsOf } from "../Upload.js"
import { analysisNotFound, apiError, failureStatus, htmlResponse, jsonResponse, seeOther, type Surface, unexpectedFailure } from "./Responses.js"
import { askBeforeDelete, forgetDeleted, keepFromForm, keepFromQuery } from "./RegisterDelete.js"
import { withAnalysis } from "./WithAnalysis.js"

// What the administration does to a whole analysis: give it a title and date, and delete it
// (page forms and the JSON API).

const removeMessage = "Analysen kunne ikke slettes helt. Prøv igen; sker det igen, så kontakt IT."

/** Deletes the analysis in the address: a running one is stopped first; `false` for an unknown id. */
const removeAnalysis = (surface: Surface) =>
  Effect.gen(function*() {
    const id = (yield* HttpRouter.params)["id"]
    if (!isAnalysisId(id)) return Option.none()
    const removed = yield* (yield* Analyses).remove(id).pipe(
      Effect.tapError((e) => Effect.logError("Sletning", e)),
      Effect.either
    )
    if (removed._tag === "Left") return Option.some(surface === "api" ? yield* apiError(500, removeMessage) : htmlResponse(errorPage(removeMessage), 500))
    return removed.right ? Option.some(undefined) : Option.none()
  })

const apiDelete = Effect.gen(function*() {
  // The register's recommendations of the analysis stay unless `?recommendations=remove`.
  const keep = yield* keepFromQuery
  if (typeof keep === "string") return yield* apiError(400, keep)
  const done = yield* removeAnalysis("api")
  if (Option.isNone(done)) return analysisNotFound("api")
  if (done.value === undefined) yield* forgetDeleted((yield* HttpRouter.params)["id"] ?? "", keep)
  return done.value ?? HttpServerResponse.empty({ status: 204 })
})

const pageDelete = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const form = new URLSearchParams(yield* readBodyText(formBodyLimit))
    if (form.get("bekraeft") !== "ja") {
      return htmlResponse(analysisPage(meta, undefined, { delete: "Sæt flueben for at bekræfte, at analysen skal slettes." }), 400)
    }
    // With recommendations in the register: asked first whether they stay there.
    const question = yield* askBeforeDelete(meta, form)
    if (Option.isSome(question)) return question.value
    const done = yield* removeAnalysis("page")
    if (Option.isSome(done) && done.value !== undefined) return done.value
    yield* forgetDeleted(meta.id, keepFromForm(form))
    return seeOther(`/?slettet=${encodeURIComponent(meta.title.slice(0, 200))}`)
  }).pipe(Effect.catchTag("BodyTooLarge", (e) => Effect.succeed(htmlResponse(errorPage(e.message), 413)))))

/** A new title and date: the report, drafts and download names are made again. */
const saveDetails = (meta: AnalysisMeta, title: string | undefined, date: string | undefined) =>
  Effect.gen(function*() {
    const details = yield* eventDetailsOf(title, date)
    if (details.title === undefined) return yield* Effect.fail({ _tag: "NoTitle" as const })
    return yield* (yield* Analyses).saveDetails(meta.id, { title: details.title, date: details.date })
  })

const noTitle = "Skriv en titel til analysen."

const pageDetails = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const form = new URLSearchParams(yield* readBodyText(formBodyLimit))
    yield* saveDetails(meta, form.get("title") ?? "", form.get("date") ?? "")
    return seeOther(`/analyser/${meta.id}?gemt=titel`)
  }).pipe(
    Effect.catchTags({
      NoTitle: () => Effect.succeed(htmlResponse(analysisPage(meta, undefined, { details: noTitle }), 400)),
      UploadRejected: (e) => Effect.succeed(htmlResponse(analysisPage(meta, undefined, { details: e.message }), 400)),
      AnalysisFailed: (e) => Effect.succeed(htmlResponse(analysisPage(meta, undefined, { details: e.message }), failureStatus(e))),
      UnknownAnalysis: () => Effect.succeed(analysisNotFound("page")),
      BodyTooLarge: (e) => Effect.succeed(htmlResponse(errorPage(e.message), 413))
    })
  ))

const notJson = "Send titel og dato som JSON: { \"title\": \"…\", \"date\": \"ÅÅÅÅ-MM-DD\" }."

const apiDetails = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const text = yield* readBodyText(formBodyLimit).pipe(Effect.catchTag("RequestError", () => Effect.succeed("")))
    const body = yield* Effect.try({ try: (): unknown => JSON.parse(text), catch: () => ({ _tag: "NotJson" as const }) })
    if (typeof body !== "object" || body === null) return yield* apiError(400, notJson)
    const field = (key: string) => {
      const v = (body as Record<string, unknown>)[key]
      return typeof v === "string" ? v : undefined
    }
    const next = yield* saveDetails(meta, field("title") ?? meta.title, field("date") ?? meta.date ?? "")
    return yield* jsonResponse({ id: next.id, title: next.title, ...(next.date !== undefined ? { date: next.date } : {}) })
  }).pipe(
    Effect.catchTags({
      NotJson: () => apiError(400, notJson),
      NoTitle: () => apiError(400, noTitle),
      UploadRejected: (e) => apiError(400, e.message),
      AnalysisFailed: (e) => apiError(failureStatus(e), e.message),
      UnknownAnalysis: () => Effect.succeed(analysisNotFound("api")),
      BodyTooLarge: (e) => apiError(413, e.message)
    })
  ))

export const adminApiRoutes = HttpRouter.empty.pipe(
  HttpRouter.del("/api/analyses/:id", apiDelete),
  HttpRouter.put("/api/analyses/:id/details", apiDetails),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)

export const adminPageRoutes = HttpRouter.empty.pipe(
  HttpRouter.post("/analyser/:id/slet", pageDelete),
  HttpRouter.post("/analyser/:id/detaljer", pageDetails),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)
