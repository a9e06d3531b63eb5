import { HttpRouter } from "@effect/platform"
import { Deferred, Effect } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { Analyses } from "../Analyses.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { withCandidateTheme } from "../CandidateTheme.js"
import { fileUrl } from "../pages/AnalysisPage.js"
import { errorPage } from "../pages/ErrorPages.js"
import { stageRerun } from "../Rerun.js"
import { ThemeStore } from "../ThemeStore.js"
import { apiError, failureStatus, htmlResponse, jsonResponse, seeOther, unexpectedFailure } from "./Responses.js"
import { withAnalysis } from "./WithAnalysis.js"

// "Gør til tema": a candidate new theme of an analysis (topics.json, listed on its page) becomes
// a theme of the current theme set, and the analysis is run again with it (a new analysis beside
// the old one, as every re-run). Page form and API.

const candidateIndex = Effect.map(HttpRouter.params, (p) => {
  const n = Number(p["n"])
  return Number.isInteger(n) && n >= 1 ? n : undefined
})

/** Adds the candidate to the current themes and starts the re-run; its staged upload, or why not. */
const adopt = (meta: AnalysisMeta) =>
  Effect.gen(function*() {
    const n = yield* candidateIndex
    const candidate = n === undefined ? undefined : meta.candidates[n - 1]
    if (candidate === undefined) return { _tag: "missing" } as const
    const store = yield* AnalysisStore
    const themes = yield* ThemeStore
    const statements = yield* store.readStatements(meta)
    const current = yield* themes.current
    const { theme, themeSet } = withCandidateTheme(current.themeSet, candidate, statements, meta.title)
    yield* themes.save(themeSet)
    const upload = yield* stageRerun(meta)
    const done = yield* (yield* Analyses).start(upload)
    return { _tag: "started", theme, upload, done } as const
  })

const missingMessage = "Der er ikke et sådant forslag til et nyt tema i denne analyse."

const pageAdopt = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const result = yield* adopt(meta)
    if (result._tag === "missing") return yield* htmlResponse(errorPage(missingMessage), 404)
    return seeOther(`/analyser/${result.upload.id}`)
  }).pipe(
    Effect.catchTag("InvalidThemes", (e) => htmlResponse(errorPage(e.message), 400))
  ))

const apiAdopt = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const result = yield* adopt(meta)
    if (result._tag === "missing") return yield* apiError(404, missingMessage)
    const created = yield* Deferred.await(result.done)
    return yield* jsonResponse({
      theme: { id: result.theme.id, label: result.theme.label, terms: result.theme.terms.map((t) => t.term), examples: result.theme.examples },
      id: created.id,
      rerunOf: meta.id,
      statements: created.statements,
      reportUrl: fileUrl(created.id, "report.html"),
      url: `/analyser/${created.id}`
    }, 201)
  }).pipe(
    Effect.catchTags({
      InvalidThemes: (e) => apiError(400, e.message),
      AnalysisFailed: (e) => apiError(failureStatus(e), e.message)
    })
  ))

export const candidatePageRoutes = HttpRouter.empty.pipe(
  HttpRouter.post("/analyser/:id/kandidater/:n/tema", pageAdopt),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)

export const candidateApiRoutes = HttpRouter.empty.pipe(
  HttpRouter.post("/api/analyses/:id/candidates/:n/theme", apiAdopt),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)
