import { FileSystem, HttpRouter, HttpServerRequest, HttpServerResponse, Path } from "@effect/platform"
import { OverridesFile } from "@udsagn/domain/Categorization"
import { Summary } from "@udsagn/domain/Summary"
import { Cause, Deferred, Effect, Option, ParseResult, Schema } from "effect"
import { AnalysisMeta } from "./AnalysisMeta.js"
import { type AnalysisFailed, Analyses, InvalidOverrides, UnknownAnalysis } from "./Analyses.js"
import { AnalysisStore } from "./AnalysisStore.js"
import { appJs, styleCss } from "./Assets.js"
import { type AnalysisId, isAnalysisId } from "./Ids.js"
import * as Pages from "./Pages.js"
import { fileCsp, reportCsp } from "./Security.js"
import { receiveUpload, UploadRejected } from "./Upload.js"
import { WebConfig } from "./WebConfig.js"
import { slug } from "./Names.js"
import { zipAnalysis } from "./Zip.js"

const htmlResponse = (body: string, status = 200) =>
  HttpServerResponse.text(body, { status, contentType: "text/html; charset=utf-8" })

const jsonResponse = (body: unknown, status = 200) =>
  HttpServerResponse.text(JSON.stringify(body, null, 2), { status, contentType: "application/json; charset=utf-8" })

const apiError = (status: number, message: string) => jsonResponse({ error: message }, status)

const seeOther = (location: string) => HttpServerResponse.empty({ status: 303, headers: { location } })

const internalMessage = "Der skete en uventet fejl. Prøv igen; sker det igen, så kontakt IT."

const searchParams = Effect.map(HttpServerRequest.HttpServerRequest, (r) => new URL(r.url, "http://localhost").searchParams)

/** The `:id` path parameter, only when it is a well-formed id (so it is safe as a folder name). */
const analysisId = Effect.map(HttpRouter.params, (p): Option.Option<AnalysisId> => isAnalysisId(p["id"]) ? Option.some(p["id"]) : Option.none())

const findMeta = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const id = yield* analysisId
  if (Option.isNone(id)) return Option.none<AnalysisMeta>()
  return yield* store.readMeta(id.value)
})

const notFoundHtml = htmlResponse(Pages.notFoundPage("Analysen findes ikke. Den kan være slettet, eller adressen er skrevet forkert."), 404)
const notFoundJson = apiError(404, new UnknownAnalysis({ id: "" }).message)

/** Logs what went wrong for IT and shows the user a plain page instead. */
const pageFailure = (cause: Cause.Cause<unknown>) =>
  Effect.logError("Fejl på siden", cause).pipe(Effect.as(htmlResponse(Pages.errorPage(internalMessage), 500)))

const apiFailure = (cause: Cause.Cause<unknown>) =>
  Effect.logError("Fejl i API", cause).pipe(Effect.as(apiError(500, internalMessage)))

const failureStatus = (e: AnalysisFailed) => e.kind === "input" ? 400 : 500

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

/** `attachment` with an ASCII fallback name and the exact name for browsers that read `filename*`. */
export const contentDisposition = (kind: "attachment" | "inline", name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_")
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

const apiMeta = (meta: AnalysisMeta) => ({
  ...Schema.encodeSync(AnalysisMeta)(meta),
  url: `/analyser/${meta.id}`,
  reportUrl: Pages.fileUrl(meta.id, "report.html")
})

// ---------------------------------------------------------------- pages

const frontPage = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const config = yield* WebConfig
  const analyses = yield* store.list
  return htmlResponse(Pages.frontPage({ analyses, maxMb: Math.floor(config.maxUploadBytes / 1024 / 1024) }))
}).pipe(Effect.catchAllCause(pageFailure))

const uploadForm = Effect.gen(function*() {
  const analyses = yield* Analyses
  const upload = yield* receiveUpload
  yield* analyses.start(upload)
  return seeOther(`/analyser/${upload.id}`)
}).pipe(
  Effect.catchTag("UploadRejected", (e) =>
    Effect.gen(function*() {
      const store = yield* AnalysisStore
      const config = yield* WebConfig
      const list = yield* store.list
      return htmlResponse(Pages.frontPage({ analyses: list, error: e.message, maxMb: Math.floor(config.maxUploadBytes / 1024 / 1024) }), e.status)
    })
  ),
  Effect.catchAllCause(pageFailure)
)

const analysisPage = Effect.gen(function*() {
  const analyses = yield* Analyses
  const id = yield* analysisId
  if (Option.isNone(id)) return notFoundHtml
  const meta = yield* findMeta
  const params = yield* searchParams
  if (Option.isSome(meta)) {
    return htmlResponse(Pages.analysisPage(meta.value, params.has("gemt") ? "Dine rettelser er gemt, og rapporten er lavet igen." : undefined))
  }
  const job = yield* analyses.status(id.value)
  if (job === undefined || job.state === "finished") return notFoundHtml
  return htmlResponse(Pages.progressPage(id.value, job), job.state === "failed" ? failureStatus(job.error) : 200)
}).pipe(Effect.catchAllCause(pageFailure))

const reviewFilter = (params: URLSearchParams): Pages.ReviewFilter => {
  const pick = (key: string) => {
    const v = params.get(key)?.trim()
    return v === undefined || v === "" ? undefined : v.slice(0, 500)
  }
  const theme = pick("tema")
  const question = pick("spoergsmaal")
  const search = pick("soeg")
  return {
    ...(theme !== undefined ? { theme } : {}),
    ...(question !== undefined ? { question } : {}),
    ...(search !== undefined ? { search } : {}),
    ...(params.get("usikre") === "1" ? { needsReview: true } : {})
  }
}

const reviewPage = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const meta = yield* findMeta
  if (Option.isNone(meta)) return notFoundHtml
  const params = yield* searchParams
  const rows = yield* store.readStatements(meta.value)
  return htmlResponse(Pages.reviewPage({
    meta: meta.value,
    rows,
    filter: reviewFilter(params),
    ...(params.has("gemt")
      ? { notice: `Dine rettelser er gemt, og rapporten er lavet igen.${changesText(meta.value, params.get("aendret") ?? "")}` }
      : {})
  }))
}).pipe(Effect.catchAllCause(pageFailure))

/** "theme:before:after,…" from the redirect, shown with the themes' labels (anything else is ignored). */
const changesText = (meta: AnalysisMeta, raw: string) => {
  const labels = new Map(meta.themeLabels.map((t) => [t.id, t.label] as const))
  const parts = raw.split(",").flatMap((item) => {
    const m = /^([a-z0-9-]{1,60}):(\d{1,6}):(\d{1,6})$/.exec(item)
    const label = m ? labels.get(m[1]!) : undefined
    return m && label ? [`${label} ${m[2]} → ${m[3]}`] : []
  })
  return parts.length === 0 ? "" : ` Ændret: ${parts.join(", ")}.`
}

const saveReview = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const analyses = yield* Analyses
  const request = yield* HttpServerRequest.HttpServerRequest
  const meta = yield* findMeta
  if (Option.isNone(meta)) return notFoundHtml
  const params = yield* searchParams
  const filter = reviewFilter(params)
  const body = yield* request.urlParamsBody.pipe(HttpServerRequest.withMaxBodySize(Option.some(FileSystem.Size(5 * 1024 * 1024))))
  const shown: Array<string> = []
  const ticked = new Map<string, Array<string>>()
  const shownThemes = new Map<string, string>()
  for (const [key, value] of body) {
    if (key === "vist") shown.push(value)
    else if (key.startsWith("foer:")) shownThemes.set(key.slice(5), value)
    else if (key.startsWith("tema:")) {
      const id = key.slice(5)
      ticked.set(id, [...(ticked.get(id) ?? []), value])
    }
  }
  // The corrections are read, merged with this form and saved under the analysis' lock, so a
  // colleague saving at the same moment does not lose theirs.
  const saved = yield* analyses.updateOverrides(meta.value.id, (current, existing) =>
    Effect.gen(function*() {
      const rows = yield* store.readStatements(current)
      const known = new Set(current.themeLabels.map((t) => t.id))
      const next = Pages.overridesFromForm(rows, existing, shown, ticked, known, shownThemes)
      const overrides = yield* Schema.decodeUnknown(OverridesFile)(next.map(({ id, ...rest }) => id === "" ? rest : { id, ...rest }))
      // Nothing changed: no need to make the report again.
      const same = JSON.stringify(Schema.encodeSync(OverridesFile)(overrides)) === JSON.stringify(Schema.encodeSync(OverridesFile)(existing))
      return same ? undefined : overrides
    })
  ).pipe(
    Effect.map(Option.some),
    Effect.catchTags({
      AnalysisFailed: (e) => Effect.succeed(Option.none<{ before: AnalysisMeta; after: AnalysisMeta | undefined }>()).pipe(Effect.tap(() => Effect.logWarning(e.message))),
      InvalidOverrides: () => Effect.succeed(Option.none<{ before: AnalysisMeta; after: AnalysisMeta | undefined }>())
    })
  )
  if (Option.isNone(saved)) {
    const rows = yield* store.readStatements(meta.value)
    return htmlResponse(Pages.reviewPage({ meta: meta.value, rows, filter, error: "Rapporten kunne ikke laves igen med rettelserne. Prøv igen." }), 500)
  }
  const query = Pages.filterQuery(filter)
  const { after, before } = saved.value
  if (after === undefined) return seeOther(`/analyser/${meta.value.id}/gennemgang?${query === "" ? "" : `${query}&`}gemt=1`)
  const changed = Pages.countChanges(before, after)
  const extra = changed === "" ? "" : `&aendret=${encodeURIComponent(changed)}`
  return seeOther(`/analyser/${meta.value.id}/gennemgang?${query === "" ? "" : `${query}&`}gemt=1${extra}`)
}).pipe(Effect.catchAllCause(pageFailure))

const serveFile = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const path = yield* Path.Path
  const params = yield* HttpRouter.params
  const meta = yield* findMeta
  if (Option.isNone(meta)) return notFoundHtml
  const requested = params["*"] ?? ""
  let file: string
  try {
    file = decodeURIComponent(requested)
  } catch {
    return notFoundHtml
  }
  // Only files the pipeline wrote for the current run are served: the name must be in the
  // list recorded in analysis.json, so no other path can be reached.
  if (!meta.value.files.includes(file)) {
    return htmlResponse(Pages.notFoundPage("Filen findes ikke i denne analyse."), 404)
  }
  const full = path.join(store.runDir(meta.value.id, meta.value.run), ...file.split("/"))
  const isReport = file === "report.html"
  const response = yield* HttpServerResponse.file(full, { contentType: contentTypeOf(file) })
  return HttpServerResponse.setHeaders(response, {
    "content-security-policy": isReport ? reportCsp : fileCsp,
    "content-disposition": contentDisposition(isReport ? "inline" : "attachment", Pages.downloadName(meta.value, file))
  })
}).pipe(Effect.catchAllCause(pageFailure))

const zipDownload = Effect.gen(function*() {
  const meta = yield* findMeta
  if (Option.isNone(meta)) return notFoundHtml
  const bytes = yield* zipAnalysis(meta.value)
  return HttpServerResponse.uint8Array(bytes, {
    contentType: "application/zip",
    headers: { "content-disposition": contentDisposition("attachment", `udsagn-${slug(meta.value.title)}.zip`) }
  })
}).pipe(Effect.catchAllCause(pageFailure))

const comparePage = Effect.gen(function*() {
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
    Pages.comparePage({ analyses, ...(a ? { a } : {}), ...(b ? { b } : {}), ...(error ? { error } : {}) }),
    error ? 404 : 200
  )
}).pipe(Effect.catchAllCause(pageFailure))

// ---------------------------------------------------------------- API

const apiUpload = Effect.gen(function*() {
  const analyses = yield* Analyses
  const upload = yield* receiveUpload
  const done = yield* analyses.start(upload)
  const meta = yield* Deferred.await(done)
  return yield* jsonResponse({ id: meta.id, statements: meta.statements, reportUrl: Pages.fileUrl(meta.id, "report.html"), url: `/analyser/${meta.id}` }, 201)
}).pipe(
  Effect.catchTags({
    UploadRejected: (e: UploadRejected) => apiError(e.status, e.message),
    AnalysisFailed: (e) => apiError(failureStatus(e), e.message)
  }),
  Effect.catchAllCause(apiFailure)
)

const apiList = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const list = yield* store.list
  return yield* jsonResponse(list.map(apiMeta))
}).pipe(Effect.catchAllCause(apiFailure))

const apiGet = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const analyses = yield* Analyses
  const id = yield* analysisId
  if (Option.isNone(id)) return yield* notFoundJson
  const meta = yield* store.readMeta(id.value)
  if (Option.isSome(meta)) {
    const summary = yield* store.readSummary(meta.value)
    const ledger = yield* store.readLedgerJson(meta.value)
    return yield* jsonResponse({ ...apiMeta(meta.value), summary: Schema.encodeSync(Summary)(summary), ledger })
  }
  const job = yield* analyses.status(id.value)
  if (job === undefined || job.state === "finished") return yield* notFoundJson
  if (job.state === "failed") return yield* jsonResponse({ id: id.value, status: "failed", error: job.error.message })
  return yield* jsonResponse({ id: id.value, status: job.state, ...(job.state === "running" ? { stage: job.stage } : {}) }, 202)
}).pipe(Effect.catchAllCause(apiFailure))

const apiStatements = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const meta = yield* findMeta
  if (Option.isNone(meta)) return yield* notFoundJson
  const text = yield* fs.readFileString(path.join(store.runDir(meta.value.id, meta.value.run), "statements.json"))
  return HttpServerResponse.text(text, { contentType: "application/json; charset=utf-8" })
}).pipe(Effect.catchAllCause(apiFailure))

const apiGetOverrides = Effect.gen(function*() {
  const store = yield* AnalysisStore
  const meta = yield* findMeta
  if (Option.isNone(meta)) return yield* notFoundJson
  const overrides = yield* store.readOverrides(meta.value.id)
  return yield* jsonResponse(Schema.encodeSync(OverridesFile)(overrides))
}).pipe(Effect.catchAllCause(apiFailure))

const apiPutOverrides = Effect.gen(function*() {
  const analyses = yield* Analyses
  const request = yield* HttpServerRequest.HttpServerRequest
  const id = yield* analysisId
  if (Option.isNone(id)) return yield* notFoundJson
  const body = yield* request.json.pipe(
    HttpServerRequest.withMaxBodySize(Option.some(FileSystem.Size(5 * 1024 * 1024))),
    Effect.mapError(() => new InvalidOverrides({ message: "Rettelserne skal sendes som JSON: en liste af { id, themes }." }))
  )
  const overrides = yield* Schema.decodeUnknown(OverridesFile)(body).pipe(
    Effect.mapError((e) =>
      new InvalidOverrides({
        message: `Rettelserne kunne ikke læses. Forventet: en liste af { "id": "...", "themes": ["..."] }. ${ParseResult.TreeFormatter.formatErrorSync(e)}`
      })
    )
  )
  const meta = yield* analyses.saveOverrides(id.value, overrides)
  return yield* jsonResponse({ ...apiMeta(meta), overrides: meta.overrides })
}).pipe(
  Effect.catchTags({
    UnknownAnalysis: () => notFoundJson,
    InvalidOverrides: (e) => apiError(400, e.message),
    AnalysisFailed: (e) => apiError(failureStatus(e), e.message)
  }),
  Effect.catchAllCause(apiFailure)
)

const asset = (body: string, contentType: string) =>
  Effect.succeed(HttpServerResponse.text(body, { contentType, headers: { "cache-control": "no-cache" } }))

export const router = HttpRouter.empty.pipe(
  HttpRouter.get("/", frontPage),
  HttpRouter.post("/analyser", uploadForm),
  HttpRouter.get("/analyser/:id", analysisPage),
  HttpRouter.get("/analyser/:id/gennemgang", reviewPage),
  HttpRouter.post("/analyser/:id/gennemgang", saveReview),
  HttpRouter.get("/analyser/:id/filer/*", serveFile),
  HttpRouter.get("/analyser/:id/analyse.zip", zipDownload),
  HttpRouter.get("/sammenlign", comparePage),
  HttpRouter.get("/assets/style.css", asset(styleCss, "text/css; charset=utf-8")),
  HttpRouter.get("/assets/app.js", asset(appJs, "text/javascript; charset=utf-8")),
  HttpRouter.get("/favicon.ico", Effect.succeed(HttpServerResponse.empty({ status: 204 }))),
  HttpRouter.post("/api/analyses", apiUpload),
  HttpRouter.get("/api/analyses", apiList),
  HttpRouter.get("/api/analyses/:id", apiGet),
  HttpRouter.get("/api/analyses/:id/statements.json", apiStatements),
  HttpRouter.get("/api/analyses/:id/overrides", apiGetOverrides),
  HttpRouter.put("/api/analyses/:id/overrides", apiPutOverrides)
)

/** Unknown routes: a Danish page, or JSON under /api. */
export const notFound = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  return request.url.startsWith("/api/")
    ? yield* apiError(404, "Ukendt adresse i API'et.")
    : htmlResponse(Pages.notFoundPage(), 404)
})
