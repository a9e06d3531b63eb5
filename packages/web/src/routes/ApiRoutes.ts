import { FileSystem, HttpRouter, HttpServerResponse, Path } from "@effect/platform"
import { OverridesFile } from "@udsagn/domain/Categorization"
import { Summary } from "@udsagn/domain/Summary"
import { Deferred, Effect, ParseResult, Schema } from "effect"
import { AnalysisMeta } from "../AnalysisMeta.js"
import { Analyses, InvalidOverrides } from "../Analyses.js"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { fileUrl } from "../pages/AnalysisPage.js"
import { receiveUpload } from "../Upload.js"
import { analysisNotFound, apiError, failureStatus, jsonResponse, unexpectedFailure } from "./Responses.js"
import { withAnalysis } from "./WithAnalysis.js"

// The JSON API for programs (described in the package README). Errors are `{ "error": "…" }`
// with a Danish message.

const apiMeta = (meta: AnalysisMeta) => ({
  ...Schema.encodeSync(AnalysisMeta)(meta),
  url: `/analyser/${meta.id}`,
  reportUrl: fileUrl(meta.id, "report.html")
})

const upload = Effect.gen(function*() {
  const analyses = yield* Analyses
  const received = yield* receiveUpload
  const done = yield* analyses.start(received)
  const meta = yield* Deferred.await(done)
  return yield* jsonResponse({ id: meta.id, statements: meta.statements, reportUrl: fileUrl(meta.id, "report.html"), url: `/analyser/${meta.id}` }, 201)
}).pipe(
  Effect.catchTags({
    UploadRejected: (e) => apiError(e.status, e.message),
    AnalysisFailed: (e) => apiError(failureStatus(e), e.message),
    // A reports folder that cannot be written (full, read-only): the storage message, not "unexpected".
    StorageError: (e) => Effect.zipRight(Effect.logError("Lager", e.cause), apiError(500, e.message))
  })
)

const list = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const analyses = yield* store.list
  return yield* jsonResponse(analyses.map(apiMeta))
})

const get = withAnalysis(
  "api",
  (meta) =>
    Effect.gen(function*() {
      const store = yield* AnalysisStore
      const summary = yield* store.readSummary(meta)
      const ledger = yield* store.readLedgerJson(meta)
      return yield* jsonResponse({ ...apiMeta(meta), summary: Schema.encodeSync(Summary)(summary), ledger })
    }),
  (id) =>
    Effect.gen(function*() {
      const job = yield* (yield* Analyses).status(id)
      if (job === undefined || job.state === "finished") return undefined
      if (job.state === "failed") return yield* jsonResponse({ id, status: "failed", error: job.error.message })
      return yield* jsonResponse({ id, status: job.state, ...(job.state === "running" ? { stage: job.stage } : {}) }, 202)
    })
)

const statements = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const text = yield* fs.readFileString(path.join(store.runDir(meta.id, meta.run), "statements.json"))
    return HttpServerResponse.text(text, { contentType: "application/json; charset=utf-8" })
  }))

const getOverrides = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const overrides = yield* (yield* AnalysisStore).readOverrides(meta.id)
    return yield* jsonResponse(Schema.encodeSync(OverridesFile)(overrides))
  }))

const notJson = "Rettelserne skal sendes som JSON: en liste af { id, themes }, { id, exclude: true } eller { id, redact }."

const putOverrides = withAnalysis("api", (found) =>
  Effect.gen(function*() {
    const analyses = yield* Analyses
    const text = yield* readBodyText(formBodyLimit).pipe(
      Effect.catchTag("RequestError", () => new InvalidOverrides({ message: notJson }))
    )
    const body = yield* Effect.try({ try: (): unknown => JSON.parse(text), catch: () => new InvalidOverrides({ message: notJson }) })
    const overrides = yield* Schema.decodeUnknown(OverridesFile)(body).pipe(
      Effect.mapError((e) =>
        new InvalidOverrides({
          message: `Rettelserne kunne ikke læses. Forventet: en liste af { "id": "...", "themes": ["..."] }, { "id": "...", "exclude": true } eller { "id": "...", "redact": "ny tekst" }. ${ParseResult.TreeFormatter.formatErrorSync(e)}`
        })
      )
    )
    const meta = yield* analyses.saveOverrides(found.id, overrides)
    return yield* jsonResponse({ ...apiMeta(meta), overrides: meta.overrides })
  }).pipe(
    Effect.catchTags({
      UnknownAnalysis: () => Effect.succeed(analysisNotFound("api")),
      InvalidOverrides: (e) => apiError(400, e.message),
      BodyTooLarge: (e) => apiError(413, e.message),
      AnalysisFailed: (e) => apiError(failureStatus(e), e.message)
    })
  ))

export const apiRoutes = HttpRouter.empty.pipe(
  HttpRouter.post("/api/analyses", upload),
  HttpRouter.get("/api/analyses", list),
  HttpRouter.get("/api/analyses/:id", get),
  HttpRouter.get("/api/analyses/:id/statements.json", statements),
  HttpRouter.get("/api/analyses/:id/overrides", getOverrides),
  HttpRouter.put("/api/analyses/:id/overrides", putOverrides),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)
