import { FileSystem, HttpRouter, HttpServerResponse, Path } from "@effect/platform"
import { OverridesFile } from "@udsagn/domain/Categorization"
import { Effect, Option, Schema } from "effect"
import { Analyses } from "../Analyses.js"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { appJs, styleCss } from "../Assets.js"
import { slug } from "../Names.js"
import { analysisPage, downloadName } from "../pages/AnalysisPage.js"
import { comparePage } from "../pages/ComparePage.js"
import { errorPage, notFoundPage } from "../pages/ErrorPages.js"
import { frontPage } from "../pages/FrontPage.js"
import { progressPage } from "../pages/ProgressPage.js"
import { reviewPage } from "../pages/ReviewPage.js"
import { applyStatementEdits, readStatementEdits } from "../pages/StatementEdits.js"
import { readLeftOut } from "../LeftOut.js"
import { reviewEditsOf } from "./ReviewEditsOf.js"
import { changesText, countChanges, overridesFromForm, readReviewForm, reviewFilter, savedLocation } from "../pages/ReviewForm.js"
import { fileCsp, reportCsp } from "../Security.js"
import { receiveUpload } from "../Upload.js"
import { WebConfig } from "../WebConfig.js"
import { zipAnalysis } from "../Zip.js"
import { editedDraftDownload } from "./RegisterRoutes.js"
import { analysisNotFound, contentDisposition, failureStatus, htmlResponse, seeOther, unexpectedFailure } from "./Responses.js"
import { searchParams, withAnalysis } from "./WithAnalysis.js"

// The pages a person uses in the browser (Danish HTML), and the files they download.

const savedNotice = "Dine rettelser er gemt, og rapporten er lavet igen."
const detailsNotice = "Titel og dato er gemt, og rapporten og anbefalingerne er lavet igen."

const front = (error?: { readonly message: string; readonly status: number }) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const config = yield* WebConfig
    const analyses = yield* store.list
    const maxMb = Math.floor(config.maxUploadBytes / 1024 / 1024)
    const deleted = (yield* searchParams).get("slettet")
    const notice = deleted === null ? undefined : `Analysen »${deleted.slice(0, 200)}« er slettet, også den uploadede fil.`
    return htmlResponse(frontPage({ analyses, maxMb, ...(error ? { error: error.message } : {}), ...(notice ? { notice } : {}) }), error?.status)
  })

const uploadForm = Effect.gen(function*() {
  const analyses = yield* Analyses
  const upload = yield* receiveUpload
  yield* analyses.start(upload)
  return seeOther(`/analyser/${upload.id}`)
}).pipe(
  Effect.catchTags({
    UploadRejected: (e) => front(e),
    // A reports folder that cannot be written (full, read-only): the storage message, not "unexpected".
    StorageError: (e) => Effect.zipRight(Effect.logError("Lager", e.cause), front({ message: e.message, status: 500 }))
  })
)

const analysis = withAnalysis(
  "page",
  (meta) =>
    Effect.map(searchParams, (params) =>
      htmlResponse(analysisPage(meta, params.get("gemt") === "titel" ? detailsNotice : params.has("gemt") ? savedNotice : undefined))),
  (id) =>
    Effect.gen(function*() {
      const job = yield* (yield* Analyses).status(id)
      if (job === undefined || job.state === "finished") return undefined
      return htmlResponse(progressPage(id, job), job.state === "failed" ? failureStatus(job.error) : 200)
    })
)

const review = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const params = yield* searchParams
    const rows = yield* store.readStatements(meta)
    const edits = yield* reviewEditsOf(meta, rows)
    yield* (yield* Analyses).prepareSave(meta)
    return htmlResponse(reviewPage({
      meta,
      rows,
      ...edits,
      filter: reviewFilter(params),
      ...(params.has("gemt") ? { notice: `${savedNotice}${changesText(meta, params.get("aendret") ?? "")}` } : {})
    }))
  }))

const saveReview = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const analyses = yield* Analyses
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const filter = reviewFilter(yield* searchParams)
    // Read here (not `urlParamsBody`): over the limit the client gets a 413 page, not a reset.
    const body = new URLSearchParams(yield* readBodyText(formBodyLimit))
    const form = readReviewForm(body)
    const edits = readStatementEdits(body)
    // The corrections are read, merged with this form and saved under the analysis' lock, so a
    // colleague saving at the same moment does not lose theirs.
    const saved = yield* analyses.updateOverrides(meta.id, (current, existing) =>
      Effect.gen(function*() {
        const rows = yield* store.readStatementKeys(current)
        const known = new Set(current.themeLabels.map((t) => t.id))
        const themed = overridesFromForm(rows, existing, form.shown, form.ticked, known, form.shownThemes)
        const next = applyStatementEdits(themed, edits, rows, yield* readLeftOut(fs, path, store.dir(meta.id)))
        const overrides = yield* Schema.decodeUnknown(OverridesFile)(next.map(({ id, ...rest }) => id === "" ? rest : { id, ...rest }))
        // Nothing changed: no need to make the report again.
        const encode = Schema.encodeSync(OverridesFile)
        return JSON.stringify(encode(overrides)) === JSON.stringify(encode(existing)) ? undefined : overrides
      })
    ).pipe(
      Effect.map(Option.some),
      Effect.catchTags({
        AnalysisFailed: (e) => Effect.logWarning(e.message).pipe(Effect.as(Option.none())),
        InvalidOverrides: () => Effect.succeed(Option.none())
      })
    )
    if (Option.isNone(saved)) {
      const rows = yield* store.readStatements(meta)
      return htmlResponse(reviewPage({ meta, rows, ...(yield* reviewEditsOf(meta, rows)), filter, error: "Rapporten kunne ikke laves igen med rettelserne. Prøv igen." }), 500)
    }
    const { after, before } = saved.value
    return seeOther(savedLocation(meta.id, filter, after === undefined ? "" : countChanges(before, after)))
  }).pipe(Effect.catchTag("BodyTooLarge", (e) => Effect.succeed(htmlResponse(errorPage(e.message), 413)))))

const serveFile = withAnalysis("page", (found) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const path = yield* Path.Path
    const requested = (yield* HttpRouter.params)["*"] ?? ""
    const file = decodePath(requested)
    // Only files the pipeline wrote for the current run are served: the name must be in the
    // list recorded in analysis.json, so no other path can be reached.
    if (file === undefined) return analysisNotFound("page")
    const meta = found.files.includes(file) ? yield* (yield* Analyses).complete(found, file) : found
    if (!meta.files.includes(file)) return htmlResponse(notFoundPage("Filen findes ikke i denne analyse."), 404)
    const disposition = { "content-disposition": contentDisposition("attachment", downloadName(meta, file)) }
    // The draft with the administration's wording when it was edited (the register's edit page).
    const edited = yield* editedDraftDownload(meta, file)
    if (Option.isSome(edited)) {
      const body = edited.value
      return typeof body === "string"
        ? HttpServerResponse.text(body, { contentType: contentTypeOf(file), headers: { "content-security-policy": fileCsp, ...disposition } })
        : HttpServerResponse.uint8Array(body, { contentType: contentTypeOf(file), headers: { "content-security-policy": fileCsp, ...disposition } })
    }
    const full = path.join(store.runDir(meta.id, meta.run), ...file.split("/"))
    const isReport = file === "report.html"
    const response = yield* HttpServerResponse.file(full, { contentType: contentTypeOf(file) })
    return HttpServerResponse.setHeaders(response, {
      "content-security-policy": isReport ? reportCsp : fileCsp,
      "content-disposition": contentDisposition(isReport ? "inline" : "attachment", downloadName(meta, file))
    })
  }))

const decodePath = (requested: string) => {
  try {
    return decodeURIComponent(requested)
  } catch {
    return undefined
  }
}

const zipDownload = withAnalysis("page", (meta) =>
  Effect.map(Effect.flatMap(Effect.flatMap(Analyses, (a) => a.complete(meta)), zipAnalysis), (bytes) =>
    HttpServerResponse.uint8Array(bytes, {
      contentType: "application/zip",
      headers: { "content-disposition": contentDisposition("attachment", `udsagn-${slug(meta.title)}.zip`) }
    })))

const compare = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const params = yield* searchParams
  const analyses = yield* store.list
  const pick = (key: string) => {
    const id = params.get(key)
    return id === null ? undefined : analyses.find((m) => m.id === id)
  }
  const a = pick("a")
  const b = pick("b")
  const asked = params.has("a") || params.has("b")
  const error = asked && (a === undefined || b === undefined) ? "En af de valgte analyser findes ikke." : undefined
  return htmlResponse(
    comparePage({ analyses, ...(a ? { a } : {}), ...(b ? { b } : {}), ...(error ? { error } : {}) }),
    error ? 404 : 200
  )
})

const contentTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}

const contentTypeOf = (file: string) => contentTypes[file.slice(file.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream"

const asset = (body: string, contentType: string) =>
  Effect.succeed(HttpServerResponse.text(body, { contentType, headers: { "cache-control": "no-cache" } }))

export const pageRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/", front()),
  HttpRouter.post("/analyser", uploadForm),
  HttpRouter.get("/analyser/:id", analysis),
  HttpRouter.get("/analyser/:id/gennemgang", review),
  HttpRouter.post("/analyser/:id/gennemgang", saveReview),
  HttpRouter.get("/analyser/:id/filer/*", serveFile),
  HttpRouter.get("/analyser/:id/analyse.zip", zipDownload),
  HttpRouter.get("/sammenlign", compare),
  HttpRouter.get("/assets/style.css", asset(styleCss, "text/css; charset=utf-8")),
  HttpRouter.get("/assets/app.js", asset(appJs, "text/javascript; charset=utf-8")),
  HttpRouter.get("/favicon.ico", Effect.succeed(HttpServerResponse.empty({ status: 204 }))),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)
