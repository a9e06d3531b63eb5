import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { type RegisterRow, registerDocx, registerWorkbook } from "@udsagn/report/RegisterExport"
import { Effect, Option } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { draftPage } from "../pages/DraftPage.js"
import { errorPage, notFoundPage } from "../pages/ErrorPages.js"
import { registerPage, statementsBehindPage } from "../pages/RegisterPage.js"
import type { DraftAction } from "../RegisterDraft.js"
import { suggestLinks } from "../RegisterLinks.js"
import {
  checkChange,
  conferencesOf,
  filterFromParams,
  matches,
  type RegisterEntry,
  type RegisterFilter,
  statusLabels
} from "../RegisterModel.js"
import { RegisterStore } from "../RegisterStore.js"
import { contentDisposition, htmlResponse, seeOther, unexpectedFailure } from "./Responses.js"
import { searchParams, withAnalysis } from "./WithAnalysis.js"

// The register of recommendations (issue 15): its page and exports, the edit page of an
// analysis' draft, and the JSON API. Described in the package README.

const entryId = Effect.map(HttpRouter.params, (p) => p["id"] ?? "")

const formBody = Effect.map(readBodyText(formBodyLimit), (text) => new URLSearchParams(text))

/** Statement id → text of every analysis the entries come from (skipped when it is gone). */
const statementTexts = (entries: ReadonlyArray<RegisterEntry>) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const ids = [...new Set(entries.filter((e) => e.analysisDeleted !== true).map((e) => e.analysisId))]
    const out = new Map<string, ReadonlyMap<string, string>>()
    for (const id of ids) {
      const meta = yield* store.readMeta(id as AnalysisMeta["id"]).pipe(Effect.orElseSucceed(() => Option.none<AnalysisMeta>()))
      if (Option.isNone(meta)) continue
      const rows = yield* store.readStatements(meta.value).pipe(Effect.option)
      if (Option.isSome(rows)) out.set(id, new Map(rows.value.map((r) => [r.id as string, r.text])))
    }
    return out
  })

const registerView = (notice?: string, error?: string) =>
  Effect.gen(function*() {
    const register = yield* RegisterStore
    const store = yield* AnalysisStore
    const params = yield* searchParams
    const file = yield* register.readCurrent
    const filter = filterFromParams(params)
    const shown = file.entries.filter(matches(filter))
    const analyses = yield* store.list
    const unsent = analyses.filter((a) => file.drafts[a.id]?.sentAt === undefined && a.files.includes("recommendations.json"))
    const gemt = params.get("gemt")
    const shownNotice = notice ?? (gemt !== null ? noticeFor(gemt) : undefined)
    return htmlResponse(registerPage({
      all: file.entries,
      shown,
      filter,
      suggestions: suggestLinks(file.entries, file.dismissed),
      statements: yield* statementTexts(shown),
      unsent: unsent.map((a) => ({ id: a.id, title: a.title })),
      ...(shownNotice !== undefined ? { notice: shownNotice } : {}),
      ...(error !== undefined ? { error } : {})
    }), error !== undefined ? 400 : 200)
  })

const noticeFor = (what: string) =>
  what === "kaede" ? "Anbefalingerne er kædet sammen." : what === "afvist" ? "Forslaget er afvist og vises ikke igen." : what === "fjernet" ? "Anbefalingen er taget ud af kæden." : "Ændringen er gemt."

const page = registerView()

const backTo = (params: URLSearchParams, what: string, anchor = "") => {
  const back = params.get("tilbage") ?? ""
  const query = new URLSearchParams(back.startsWith("?") ? back.slice(1) : back)
  query.set("gemt", what)
  return `/anbefalinger?${query.toString()}${anchor}`
}

const saveEntry = Effect.gen(function*() {
  const id = yield* entryId
  const body = yield* formBody
  const change = checkChange(Object.fromEntries(["text", "status", "note", "date"].flatMap((k) => {
    const v = body.get(k)
    return v === null || (k === "date" && v === "") ? [] : [[k, v]]
  })))
  if (typeof change === "string") return yield* registerView(undefined, change)
  const saved = yield* (yield* RegisterStore).update(id, change)
  if (Option.isNone(saved)) return htmlResponse(notFoundPage("Anbefalingen findes ikke i registret."), 404)
  return seeOther(backTo(body, "1", `#rec-${id}`))
})

const links = Effect.gen(function*() {
  const body = yield* formBody
  const register = yield* RegisterStore
  const a = body.get("a") ?? ""
  const b = body.get("b") ?? ""
  const link = body.get("handling") === "kaed"
  const done = link ? yield* register.link(a, b) : yield* register.dismiss(a, b)
  if (!done) return htmlResponse(notFoundPage("Anbefalingerne findes ikke i registret."), 404)
  return seeOther(backTo(body, link ? "kaede" : "afvist"))
})

const unlink = Effect.gen(function*() {
  const done = yield* (yield* RegisterStore).unlink(yield* entryId)
  return done ? seeOther("/anbefalinger?gemt=fjernet") : htmlResponse(notFoundPage("Anbefalingen er ikke i en kæde."), 404)
})

const statementsBehind = Effect.gen(function*() {
  const id = yield* entryId
  const file = yield* (yield* RegisterStore).read
  const entry = file.entries.find((e) => e.id === id)
  if (entry === undefined) return htmlResponse(notFoundPage("Anbefalingen findes ikke i registret."), 404)
  const store = yield* AnalysisStore
  const meta = entry.analysisDeleted === true ? Option.none<AnalysisMeta>() : yield* store.readMeta(entry.analysisId as AnalysisMeta["id"])
  const rows = Option.isSome(meta) ? yield* store.readStatements(meta.value) : []
  const labels = new Map(Option.isSome(meta) ? meta.value.themeLabels.map((t) => [t.id as string, t.label]) : [])
  const byId = new Map(rows.map((r) => [r.id as string, r]))
  const found = entry.statements.flatMap((sid) => {
    const r = byId.get(sid)
    return r === undefined ? [] : [{ id: sid, question: r.question, text: r.text, themes: r.themes.map((t) => labels.get(t) ?? t).join(", ") }]
  })
  return htmlResponse(statementsBehindPage({ entry, rows: found, missing: entry.statements.filter((s) => !byId.has(s)) }))
})

// ---- Exports ----

const rowsOf = (all: ReadonlyArray<RegisterEntry>, shown: ReadonlyArray<RegisterEntry>): ReadonlyArray<RegisterRow> =>
  shown.map((e) => {
    const others = conferencesOf(all, e).filter((x) => x.analysisId !== e.analysisId)
    return {
      text: e.text,
      themeLabel: e.themeLabel,
      ...(e.subTopic !== undefined ? { subTopic: e.subTopic } : {}),
      status: e.status,
      date: e.date,
      note: e.note,
      origins: [e, ...others].map((x) => ({ event: x.event, ...(x.eventDate !== undefined ? { date: x.eventDate } : {}) })),
      statementCount: e.statementCount,
      ...(e.supporters !== undefined ? { supporters: e.supporters } : {}),
      statements: e.statements
    }
  })

const scopeText = (f: RegisterFilter, all: ReadonlyArray<RegisterEntry>) => {
  const parts = [
    f.status !== undefined ? `status ${statusLabels[f.status].toLowerCase()}` : undefined,
    f.theme !== undefined ? `tema ${all.find((e) => e.theme === f.theme)?.themeLabel ?? f.theme}` : undefined,
    f.analysis !== undefined ? `konference ${all.find((e) => e.analysisId === f.analysis)?.event ?? "ukendt"}` : undefined,
    f.year !== undefined ? `år ${f.year}` : undefined
  ].filter((x): x is string => x !== undefined)
  return parts.length === 0 ? "Alle anbefalinger i registret" : `Anbefalinger med ${parts.join(", ")}`
}

const exportFile = (format: "docx" | "xlsx") =>
  Effect.gen(function*() {
    const file = yield* (yield* RegisterStore).readCurrent
    const filter = filterFromParams(yield* searchParams)
    const rows = rowsOf(file.entries, file.entries.filter(matches(filter)))
    const bytes = yield* Effect.promise(() =>
      format === "docx" ? registerDocx(rows, { scope: scopeText(filter, file.entries), madeAt: new Date().toISOString() }) : registerWorkbook(rows)
    )
    return HttpServerResponse.uint8Array(bytes, {
      contentType: format === "docx"
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      headers: { "content-disposition": contentDisposition("attachment", `anbefalinger.${format}`) }
    })
  })

// ---- An analysis' draft ----

const sentNotice = (r: { added: number; updated: number; removed: number; entries: number }) =>
  `${r.entries} anbefalinger er sendt til registret (${r.added} nye, ${r.updated} opdateret${r.removed > 0 ? `, ${r.removed} fjernet` : ""}).`

const draftView = (meta: AnalysisMeta, notice?: string) =>
  Effect.gen(function*() {
    const d = yield* (yield* RegisterStore).draftOf(meta)
    return htmlResponse(draftPage({ meta, draft: d.resolved, edited: d.edited, sentAt: d.sentAt, entries: d.entries, ...(notice !== undefined ? { notice } : {}) }))
  })

const draft = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const params = yield* searchParams
    const n = (k: string) => Number(params.get(k) ?? "0") || 0
    const notice = params.has("sendt")
      ? sentNotice({ entries: n("sendt"), added: n("nye"), updated: n("opdateret"), removed: n("fjernet") })
      : params.has("gemt") ? "Teksten er gemt. Word-udkastet bruger den nu." : undefined
    return yield* draftView(meta, notice)
  }))

/**
 * The form names items by position; the positions are those of the page the person saw. Each
 * item's first source key is posted beside it, so a draft changed by a colleague in between
 * still gets each wording and action on the right item (or none, when it is gone).
 */
const positions = (body: URLSearchParams, current: ReadonlyArray<{ readonly sources: ReadonlyArray<{ readonly key: string }> }>) =>
  (posted: number): number | undefined => {
    const key = body.get(`kilde-${posted}`)
    const at = current.findIndex((item) => item.sources[0]?.key === key)
    return at < 0 ? undefined : at
  }

const actionOf = (value: string, body: URLSearchParams, at: (posted: number) => number | undefined): DraftAction => {
  const index = (prefix: string) => at(Number(value.slice(prefix.length))) ?? -1
  if (value === "saml") return { kind: "merge", indices: body.getAll("saml").map(Number).filter(Number.isInteger).flatMap((i) => at(i) ?? []) }
  if (/^fjern-\d+$/.test(value)) return { kind: "drop", index: index("fjern-") }
  if (/^del-\d+$/.test(value)) return { kind: "split", index: index("del-") }
  if (value.startsWith("tilbage-")) return { kind: "restore", key: value.slice("tilbage-".length) }
  return { kind: "save" }
}

const saveDraft = withAnalysis("page", (meta) =>
  Effect.gen(function*() {
    const register = yield* RegisterStore
    const body = yield* formBody
    const handling = body.get("handling") ?? "gem"
    if (handling === "nulstil") {
      yield* register.resetDraft(meta.id)
      return seeOther(`/analyser/${meta.id}/anbefalinger?gemt=1`)
    }
    const at = positions(body, (yield* register.draftOf(meta)).resolved.items)
    const texts = new Map<number, string>()
    for (const [k, v] of body) {
      const i = /^tekst-(\d+)$/.exec(k)
      const index = i === null ? undefined : at(Number(i[1]))
      if (index !== undefined) texts.set(index, v.slice(0, 2000))
    }
    yield* register.saveDraft(meta, texts, actionOf(handling, body, at))
    if (handling === "send") {
      const r = yield* register.send(meta)
      return seeOther(`/analyser/${meta.id}/anbefalinger?sendt=${r.entries}&nye=${r.added}&opdateret=${r.updated}&fjernet=${r.removed}`)
    }
    return seeOther(`/analyser/${meta.id}/anbefalinger?gemt=1`)
  }).pipe(Effect.catchTag("BodyTooLarge", (e) => Effect.succeed(htmlResponse(errorPage(e.message), 413)))))

export const registerPageRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/anbefalinger", page),
  HttpRouter.get("/anbefalinger.docx", exportFile("docx")),
  HttpRouter.get("/anbefalinger.xlsx", exportFile("xlsx")),
  HttpRouter.post("/anbefalinger/kaeder", links),
  HttpRouter.post("/anbefalinger/:id", saveEntry),
  HttpRouter.post("/anbefalinger/:id/fjern-kaede", unlink),
  HttpRouter.get("/anbefalinger/:id/udsagn", statementsBehind),
  HttpRouter.get("/analyser/:id/anbefalinger", draft),
  HttpRouter.post("/analyser/:id/anbefalinger", saveDraft),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)

/**
 * The Word draft (or markdown) of an analysis with the administration's wording, for the file
 * route: none when the draft was not edited (the pipeline's file is served as is).
 */
export const editedDraftDownload = (meta: AnalysisMeta, file: string) =>
  file === "recommendations.docx" || file === "recommendations.md"
    ? Effect.flatMap(RegisterStore, (r) => r.editedDraftFile(meta, file === "recommendations.md" ? "md" : "docx"))
    : Effect.succeed(Option.none<Uint8Array | string>())
