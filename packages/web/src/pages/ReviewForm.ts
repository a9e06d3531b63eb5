import type { CategorizedStatement, Override } from "@udsagn/domain/Categorization"
import { uncertainPlacement } from "@udsagn/report/ReportModel"
import type { AnalysisMeta } from "../AnalysisMeta.js"

// The review form without HTTP: the filter in the query string, the fields of a posted form,
// and how they merge with the corrections already saved. Pure, so every rule is unit-tested.

export interface ReviewFilter {
  readonly theme?: string
  readonly question?: string
  readonly needsReview?: boolean
  readonly search?: string
  /** 1-based page of the filtered statements (`side`), `pageSize` a page. */
  readonly page?: number
}

/** Statements on one review page: a page a person can read and a browser shows at once. */
export const pageSize = 100

/** The statements of the filter's page, the page actually shown (kept within range) and the number of pages. */
export const pageOf = <A>(shown: ReadonlyArray<A>, f: ReviewFilter) => {
  const pages = Math.max(1, Math.ceil(shown.length / pageSize))
  const page = Math.min(Math.max(1, f.page ?? 1), pages)
  return { page, pages, first: (page - 1) * pageSize, rows: shown.slice((page - 1) * pageSize, page * pageSize) }
}

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("da")

export const filterStatements = (rows: ReadonlyArray<CategorizedStatement>, f: ReviewFilter) =>
  rows.filter((s) =>
    (f.theme === undefined || (s.themes as ReadonlyArray<string>).includes(f.theme)) &&
    (f.question === undefined || s.question === f.question) &&
    (f.needsReview !== true || uncertainPlacement(s)) &&
    (f.search === undefined || norm(s.text).includes(norm(f.search)))
  )

export const filterQuery = (f: ReviewFilter) => {
  const q = new URLSearchParams()
  if (f.theme !== undefined) q.set("tema", f.theme)
  if (f.question !== undefined) q.set("spoergsmaal", f.question)
  if (f.needsReview === true) q.set("usikre", "1")
  if (f.search !== undefined) q.set("soeg", f.search)
  if (f.page !== undefined && f.page > 1) q.set("side", String(f.page))
  return q.toString()
}

/** An override as the form builds it (`id` "" for one keyed by text only). */
export interface FormOverride {
  id: string
  themes?: Array<string>
  exclude?: boolean
  redact?: string
  note?: string
  text?: string
}

const definedOf = (o: Override): Omit<FormOverride, "id"> =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== "id")) as Omit<FormOverride, "id">

/** The same filter on another page. */
export const withPage = (f: ReviewFilter, page: number): ReviewFilter => {
  const { page: _page, ...rest } = f
  return page > 1 ? { ...rest, page } : rest
}

/**
 * Turns the review form into the new overrides list: statements shown in the form get an
 * override when their ticked themes differ from the current ones (or already had one);
 * overrides for statements not shown are kept.
 */
export const overridesFromForm = (
  rows: ReadonlyArray<{ readonly id: string; readonly themes: ReadonlyArray<string> }>,
  existing: ReadonlyArray<Override>,
  shownIds: ReadonlyArray<string>,
  ticked: ReadonlyMap<string, ReadonlyArray<string>>,
  knownThemes: ReadonlySet<string>,
  /** The themes each statement had when the page was shown ("a,b"), from the form. */
  shownThemes: ReadonlyMap<string, string> = new Map()
): Array<FormOverride> => {
  const byId = new Map(rows.map((s) => [s.id as string, s] as const))
  const out = new Map<string, FormOverride>()
  const textOnly: Array<FormOverride> = []
  for (const o of existing) {
    // Every field is kept (a statement left out or rewritten keeps that); `themes` copied.
    const copy: FormOverride = { ...definedOf(o), id: o.id ?? "", ...(o.themes !== undefined ? { themes: [...o.themes] } : {}) }
    if (o.id !== undefined) out.set(o.id, copy)
    else textOnly.push(copy)
  }
  for (const id of new Set(shownIds)) {
    const row = byId.get(id)
    if (row === undefined) continue
    let themes = [...new Set((ticked.get(id) ?? []).filter((t) => knownThemes.has(t)))]
    if (themes.length === 0) themes = ["other"]
    if (themes.length > 1) themes = themes.filter((t) => t !== "other")
    const sameAs = (other: ReadonlyArray<string>) => themes.length === other.length && themes.every((t) => other.includes(t))
    // Left as it was on the reviewer's page: keep what is saved now, which a colleague may
    // have changed since that page was shown.
    const before = shownThemes.get(id)
    if (before !== undefined && sameAs(before.split(","))) continue
    const same = sameAs(row.themes)
    if (same && out.get(id)?.themes === undefined) continue
    out.set(id, { ...(out.get(id) ?? {}), id, themes })
  }
  return [...out.values(), ...textOnly]
}

/** Themes whose count changed between two versions of an analysis, as `theme:before:after,…`. */
export const countChanges = (before: AnalysisMeta, after: AnalysisMeta) =>
  after.themes
    .flatMap((t) => {
      const old = before.themes.find((b) => b.theme === t.theme)?.count ?? 0
      return old === t.count ? [] : [`${t.theme}:${old}:${t.count}`]
    })
    .join(",")

/** The filter from the review page's query string; blank values mean "all", long ones are cut. */
export const reviewFilter = (params: URLSearchParams): ReviewFilter => {
  const pick = (key: string) => {
    const v = params.get(key)?.trim()
    return v === undefined || v === "" ? undefined : v.slice(0, 500)
  }
  const theme = pick("tema")
  const question = pick("spoergsmaal")
  const search = pick("soeg")
  const page = Number(pick("side"))
  return {
    ...(Number.isSafeInteger(page) && page > 1 ? { page } : {}),
    ...(theme !== undefined ? { theme } : {}),
    ...(question !== undefined ? { question } : {}),
    ...(search !== undefined ? { search } : {}),
    ...(params.get("usikre") === "1" ? { needsReview: true } : {})
  }
}

/** A posted review form: the statements it showed, the themes ticked and the themes they had. */
export interface ReviewFormFields {
  readonly shown: ReadonlyArray<string>
  readonly ticked: ReadonlyMap<string, ReadonlyArray<string>>
  readonly shownThemes: ReadonlyMap<string, string>
}

/** Reads the fields the review page writes: `vist`, `foer:<id>` and `tema:<id>` (one per tick). */
export const readReviewForm = (body: Iterable<readonly [string, string]>): ReviewFormFields => {
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
  return { shown, ticked, shownThemes }
}

/** "theme:before:after,…" from the redirect, shown with the themes' labels (anything else is ignored). */
export const changesText = (meta: Pick<AnalysisMeta, "themeLabels">, raw: string) => {
  const labels = new Map(meta.themeLabels.map((t) => [t.id, t.label] as const))
  const parts = raw.split(",").flatMap((item) => {
    const m = /^([a-z0-9-]{1,60}):(\d{1,6}):(\d{1,6})$/.exec(item)
    const label = m ? labels.get(m[1] ?? "") : undefined
    return m && label ? [`${label} ${m[2]} → ${m[3]}`] : []
  })
  return parts.length === 0 ? "" : ` Ændret: ${parts.join(", ")}.`
}

/** Where a saved review goes back to: the same filter, a notice, and which theme counts changed. */
export const savedLocation = (id: string, filter: ReviewFilter, changed: string) => {
  const query = filterQuery(filter)
  const extra = changed === "" ? "" : `&aendret=${encodeURIComponent(changed)}`
  return `/analyser/${id}/gennemgang?${query === "" ? "" : `${query}&`}gemt=1${extra}`
}
