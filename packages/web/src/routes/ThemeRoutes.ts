import { HttpRouter, HttpServerRequest, HttpServerResponse, Multipart } from "@effect/platform"
import { THEME_LIMITS } from "@udsagn/categorize/ThemeFile"
import { Deferred, Effect, Either, Option, Stream } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { Analyses } from "../Analyses.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { fileUrl } from "../pages/AnalysisPage.js"
import { errorPage } from "../pages/ErrorPages.js"
import { draftOf, readThemesForm, themeSetFromDraft, type ThemesDraft } from "../pages/ThemesForm.js"
import { type ThemeExamples, themesPage } from "../pages/ThemesPage.js"
import { stageRerun } from "../Rerun.js"
import { ThemeStore } from "../ThemeStore.js"
import { displayName } from "../Upload.js"
import { apiError, contentDisposition, failureStatus, htmlResponse, jsonResponse, seeOther, unexpectedFailure } from "./Responses.js"
import { searchParams, withAnalysis } from "./WithAnalysis.js"

// The themes page (/temaer), its theme file download and upload, the API for IT
// (GET/PUT/DELETE /api/themes), and re-running an analysis with the current themes.

const notices: Record<string, string> = {
  gemt: "Temaerne er gemt. Nye analyser bruger dem. Har du ændret ordene, tager den første analyse lidt længere " +
    "(op til et par minutter), fordi udsagn først lærer de nye temaer; de næste går hurtigt igen.",
  uploadet: "Temafilen er lagt ind og gemt. Nye analyser bruger dens temaer.",
  standard: "Standardtemaerne bruges igen."
}

/**
 * A few statements per theme: the surest of the newest analysis that has the theme (at most five
 * analyses are read), then the theme file's own examples.
 */
const examplesFor = (draft: ThemesDraft, fileExamples: ReadonlyMap<string, ReadonlyArray<string>>) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const byTheme = new Map<string, Array<string>>()
    let from: AnalysisMeta | undefined
    for (const meta of (yield* store.list).slice(0, 5)) {
      const wanted = draft.themes.filter((t) => !byTheme.has(t.id) && meta.themeLabels.some((l) => l.id === t.id))
      if (wanted.length === 0) continue
      const rows = yield* store.readStatements(meta).pipe(Effect.orElseSucceed(() => []))
      const surest = [...rows].sort((a, b) => b.confidence - a.confidence)
      for (const t of wanted) {
        const found = surest.filter((r) => r.themes.some((x) => x === t.id)).slice(0, 3).map((r) => r.text)
        if (found.length > 0) byTheme.set(t.id, found)
      }
      from ??= meta
    }
    for (const t of draft.themes) {
      const list = byTheme.get(t.id) ?? []
      for (const e of fileExamples.get(t.id) ?? []) if (list.length < 5 && !list.includes(e)) list.push(e)
      byTheme.set(t.id, list)
    }
    const examples: ThemeExamples = { byTheme, ...(from !== undefined ? { analysis: { id: from.id, title: from.title } } : {}) }
    return examples
  })

const page = (shown?: { readonly draft: ThemesDraft; readonly error: string }) =>
  Effect.gen(function*() {
    const current = yield* (yield* ThemeStore).current
    const params = yield* searchParams
    const draft = shown?.draft ?? draftOf(current.themeSet)
    const notice = [...params.keys()].map((k) => notices[k]).find((n) => n !== undefined)
    const fileExamples = new Map(current.themeSet.themes.map((t) => [t.id as string, t.examples]))
    return htmlResponse(
      themesPage({
        draft,
        custom: current.custom,
        examples: yield* examplesFor(draft, fileExamples),
        ...(notice !== undefined && shown === undefined ? { notice } : {}),
        ...(shown !== undefined ? { error: shown.error } : {}),
        ...(current.problem !== undefined ? { warning: current.problem } : {})
      }),
      shown === undefined ? 200 : 400
    )
  })

const saveForm = Effect.gen(function*() {
  const themes = yield* ThemeStore
  const current = yield* themes.current
  const draft = readThemesForm(new URLSearchParams(yield* readBodyText(formBodyLimit)))
  const made = themeSetFromDraft(draft, current.themeSet)
  if (Either.isLeft(made)) return yield* page({ draft, error: `Ret dette og gem igen: ${made.left.join("; ")}.` })
  const saved = yield* themes.save(made.right).pipe(Effect.either)
  if (Either.isLeft(saved)) return yield* page({ draft, error: saved.left.message })
  return seeOther("/temaer?gemt=1")
}).pipe(Effect.catchTag("BodyTooLarge", (e) => Effect.succeed(htmlResponse(errorPage(e.message), 413))))

/** The `themes` file of a multipart form, as text (at most the theme-file limit, plus a little). */
const themesPart = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  let found: { name: string; text: string } | undefined
  yield* request.multipartStream.pipe(
    Stream.runForEach((part) =>
      Effect.gen(function*() {
        if (part._tag !== "File" || part.key !== "themes" || found !== undefined) {
          if (part._tag === "File") yield* Stream.runDrain(part.content)
          return
        }
        const chunks: Array<Uint8Array> = []
        yield* Stream.runForEach(part.content, (c) => Effect.sync(() => chunks.push(c)))
        found = { name: part.name, text: Buffer.concat(chunks).toString("utf8") }
      })
    ),
    Multipart.withFieldMimeTypes([]),
    Multipart.withLimits({ maxParts: Option.some(5), maxFileSize: Option.some(THEME_LIMITS.bytes + 1024) })
  )
  return found
})

const uploadForm = Effect.gen(function*() {
  const themes = yield* ThemeStore
  const current = yield* themes.current
  const draft = draftOf(current.themeSet)
  const part = yield* themesPart.pipe(Effect.orElseSucceed(() => "failed" as const))
  if (part === "failed") {
    return yield* page({ draft, error: `Temafilen kunne ikke modtages. Den må højst fylde ${THEME_LIMITS.bytes / 1024 / 1024} MB; prøv igen.` })
  }
  if (part === undefined || (part.name === "" && part.text === "")) return yield* page({ draft, error: "Vælg en temafil (.json)." })
  const saved = yield* themes.saveText(part.text).pipe(Effect.either)
  if (Either.isLeft(saved)) {
    return yield* page({ draft, error: saved.left.message.replace(/^Temafilen/, `Temafilen »${displayName(part.name)}«`) })
  }
  return seeOther("/temaer?uploadet=1")
})

const resetForm = Effect.gen(function*() {
  const form = new URLSearchParams(yield* readBodyText(64 * 1024))
  if (!form.has("confirm")) return seeOther("/temaer")
  yield* (yield* ThemeStore).reset
  return seeOther("/temaer?standard=1")
})

const download = Effect.map(Effect.flatMap(ThemeStore, (s) => s.current), (current) =>
  HttpServerResponse.text(current.text, {
    contentType: "application/json; charset=utf-8",
    headers: { "content-disposition": contentDisposition("attachment", "temaer.json") }
  }))

const rerunForm = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const upload = yield* stageRerun(meta)
    yield* (yield* Analyses).start(upload)
    return seeOther(`/analyser/${upload.id}`)
  }))

export const themePageRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/temaer", page()),
  HttpRouter.post("/temaer", saveForm),
  HttpRouter.post("/temaer/upload", uploadForm),
  HttpRouter.post("/temaer/standard", resetForm),
  HttpRouter.get("/temaer/temaer.json", download),
  HttpRouter.post("/analyser/:id/koer-igen", rerunForm),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)

const apiGet = Effect.flatMap(Effect.flatMap(ThemeStore, (s) => s.current), (current) =>
  Effect.succeed(HttpServerResponse.text(current.text, {
    contentType: "application/json; charset=utf-8",
    headers: { "x-udsagn-themes": current.custom ? "saved" : "default" }
  })))

const apiPut = Effect.gen(function*() {
  const text = yield* readBodyText(formBodyLimit)
  const saved = yield* (yield* ThemeStore).saveText(text)
  return HttpServerResponse.text(saved.text, { contentType: "application/json; charset=utf-8" })
}).pipe(
  Effect.catchTags({
    InvalidThemes: (e) => apiError(400, e.message),
    BodyTooLarge: (e) => apiError(413, e.message)
  })
)

const apiReset = Effect.gen(function*() {
  const themes = yield* ThemeStore
  yield* themes.reset
  return yield* apiGet
})

const rerunResult = (old: AnalysisMeta, meta: AnalysisMeta) =>
  jsonResponse({ id: meta.id, rerunOf: old.id, statements: meta.statements, reportUrl: fileUrl(meta.id, "report.html"), url: `/analyser/${meta.id}` }, 201)

const apiRerun = withAnalysis("api", (old) =>
  Effect.gen(function*() {
    const upload = yield* stageRerun(old)
    const done = yield* (yield* Analyses).start(upload)
    return yield* rerunResult(old, yield* Deferred.await(done))
  }).pipe(
    Effect.catchTags({
      AnalysisFailed: (e) => apiError(failureStatus(e), e.message),
      StorageError: (e) => Effect.zipRight(Effect.logError("Lager", e.cause), apiError(500, e.message))
    })
  ))

export const themeApiRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/api/themes", apiGet),
  HttpRouter.put("/api/themes", apiPut),
  HttpRouter.del("/api/themes", apiReset),
  HttpRouter.post("/api/analyses/:id/rerun", apiRerun),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)
