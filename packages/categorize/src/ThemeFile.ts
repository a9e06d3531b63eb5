import { OTHER, ThemeSet } from "@udsagn/domain/Theme"
import { Either, ParseResult, Schema } from "effect"

// A theme file's text → a theme set, or what is wrong with it in Danish words a person who has
// never seen the file format can act on ("tema nr. 5 (»Sundhedskompetence«): …"), never the
// schema's own English ("themes.4.exclusions: is missing").

/**
 * Bounds on a theme file, so one file cannot make every analysis slow (a file of a million terms
 * or 2,000 themes did). The default file has 4 themes and about 750 terms, exclusions and examples.
 */
export const THEME_LIMITS = { bytes: 2 * 1024 * 1024, themes: 50, entries: 20_000, entryLength: 500, labelLength: 80 } as const

/** Danish names of a theme file's fields, with the file's own name so it can be found. */
const fieldNames: Record<string, string> = {
  id: "id",
  label: "navnet (label)",
  description: "beskrivelsen (description)",
  color: "farven (color)",
  terms: "ordene (terms)",
  exclusions: "ordene der udelukker temaet (exclusions)",
  examples: "eksemplerne (examples)",
  synonyms: "ord der betyder det samme (synonyms)",
  term: "ordet (term)",
  weight: "vægten (weight)",
  name: "navnet på temasættet (name)",
  language: "sproget (language)",
  otherLabel: "navnet på »Andet« (otherLabel)",
  themes: "listen af temaer (themes)"
}

const lists = new Set(["themes", "terms", "exclusions", "examples", "synonyms"])
const numbers = new Set(["weight"])

const labelOf = (json: unknown, index: number): string | undefined => {
  const themes = typeof json === "object" && json !== null ? (json as { themes?: unknown }).themes : undefined
  const theme = Array.isArray(themes) ? (themes[index] as unknown) : undefined
  const label = typeof theme === "object" && theme !== null ? (theme as { label?: unknown }).label : undefined
  return typeof label === "string" && label.trim().length > 0 ? label.trim().slice(0, 60) : undefined
}

/** Where in the file, in words: "tema nr. 5 (»Sundhedskompetence«), ord nr. 3". */
export const describePlace = (path: ReadonlyArray<PropertyKey>, json: unknown): string => {
  const parts: Array<string> = []
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    const next = path[i + 1]
    if (key === "themes" && typeof next === "number") {
      const label = labelOf(json, next)
      parts.push(`tema nr. ${next + 1}${label !== undefined ? ` (»${label}«)` : ""}`)
      i++
    } else if (typeof key === "string" && lists.has(key) && typeof next === "number") {
      const what = { terms: "ord", exclusions: "udelukkende ord", synonyms: "sæt af ord der betyder det samme" }[key as string] ?? "eksempel"
      parts.push(`${what} nr. ${next + 1}`)
      i++
    }
  }
  return parts.length > 0 ? parts.join(", ") : "temafilen"
}

const expected = (key: PropertyKey | undefined): string =>
  typeof key === "string" && lists.has(key)
    ? "en liste i [ ]"
    : typeof key === "string" && numbers.has(key)
      ? "et tal, fx 1"
      : key === undefined
        ? "et JSON-objekt med en liste »themes«"
        : typeof key === "number"
          ? "en tekst eller et objekt"
          : "en tekst i anførselstegn"

/** One Danish line per schema issue (at most five), naming the theme by number and name. */
export const describeThemeIssues = (error: ParseResult.ParseError, json: unknown): Array<string> => {
  const all = ParseResult.ArrayFormatter.formatErrorSync(error)
  // A value that fails several alternatives (a term as a word or an object) reports each; the
  // deepest says most ("ordet (term) mangler"), so an issue is kept only if none lies below it.
  const below = (a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>) => b.length > a.length && a.every((k, i) => b[i] === k)
  const issues = all.filter((i) => !all.some((j) => below(i.path, j.path)))
  const lines: Array<string> = []
  for (const issue of issues) {
    const path = issue.path
    const last = path.at(-1)
    const place = describePlace(path, json)
    const field = typeof last === "string" ? fieldNames[last] ?? `feltet »${last}«` : undefined
    // A field of the file itself needs no place: "listen af temaer (themes) skal være …".
    const at = place === "temafilen" && field !== undefined ? "" : `${place}: `
    let line: string
    if (issue._tag === "Missing") {
      line = `${at}${field ?? "et felt"} mangler`
    } else if (last === "id" && issue._tag !== "Unexpected") {
      line = `${at}id må kun have små bogstaver a-z, tal og bindestreger (fx »tvaersektorielt-samarbejde«)`
    } else if (issue._tag === "Unexpected") {
      line = `${at}${field ?? "en værdi"} er ikke forventet her`
    } else {
      line = `${at}${field ?? "værdien"} skal være ${expected(last)}`
    }
    if (!lines.includes(line)) lines.push(line)
  }
  const shown = lines.slice(0, 5)
  if (lines.length > 5) shown.push(`og ${lines.length - 5} fejl mere`)
  return shown
}

/** Checks the schema cannot express: unique ids, no explicit `other`, named themes, the limits. */
export const themeSetProblems = (themeSet: ThemeSet): Array<string> => {
  const problems: Array<string> = []
  if (themeSet.themes.length === 0) problems.push("filen har ingen temaer")
  if (themeSet.themes.length > THEME_LIMITS.themes) {
    problems.push(`filen har ${themeSet.themes.length} temaer; der må højst være ${THEME_LIMITS.themes}`)
  }
  const entries = themeSet.themes.flatMap((t) => [...t.terms.map((w) => w.term), ...t.exclusions, ...t.examples, ...t.synonyms.flat()])
  if (entries.length > THEME_LIMITS.entries) {
    problems.push(`filen har ${entries.length} ord, udelukkelser og eksempler; der må højst være ${THEME_LIMITS.entries}`)
  }
  const long = entries.find((e) => e.length > THEME_LIMITS.entryLength)
  if (long !== undefined) problems.push(`et ord eller eksempel er over ${THEME_LIMITS.entryLength} tegn (»${long.slice(0, 40)}…«)`)
  const seen = new Set<string>()
  const labels = new Set<string>()
  themeSet.themes.forEach((t, i) => {
    const place = `tema nr. ${i + 1}`
    if (t.id === OTHER) problems.push(`${place}: temaet "${OTHER}" er indbygget og må ikke stå i filen (brug otherLabel)`)
    if (seen.has(t.id)) problems.push(`${place}: id »${t.id}« står to gange`)
    seen.add(t.id)
    const label = t.label.trim()
    if (label.length === 0) problems.push(`${place} (id »${t.id}«) har intet navn`)
    else if (label.length > THEME_LIMITS.labelLength) problems.push(`${place}: navnet er over ${THEME_LIMITS.labelLength} tegn`)
    else if (labels.has(label.toLowerCase())) problems.push(`${place}: navnet »${label}« står to gange`)
    labels.add(label.toLowerCase())
    if (t.terms.some((w) => w.term.trim().length === 0)) problems.push(`${place} (»${label}«): et ord er tomt`)
    if (t.synonyms.some((set) => set.some((w) => w.trim().length === 0))) {
      problems.push(`${place} (»${label}«): et ord blandt ordene der betyder det samme er tomt`)
    }
    if (t.terms.some((w) => !Number.isFinite(w.weight) || w.weight <= 0 || w.weight > 10)) {
      problems.push(`${place} (»${label}«): en vægt skal være et tal over 0 og højst 10`)
    }
  })
  return problems
}

/** Where JSON.parse stopped, as "linje 3, tegn 14" (V8 names the position in its message). */
const jsonPlace = (text: string, message: string): string => {
  const at = /position (\d+)/.exec(message)
  if (at === null) return /end of JSON/i.test(message) ? "slutningen: filen slutter for tidligt" : "et sted i filen"
  const before = text.slice(0, Number(at[1]))
  const line = before.split("\n").length
  return `linje ${line}, tegn ${before.length - before.lastIndexOf("\n")}`
}

/**
 * Decodes a theme file's text. Left: one Danish sentence without the file's name (the caller
 * says which file), e.g. "tema nr. 2 (»Visuel kommunikation«): navnet (label) mangler".
 */
export const decodeThemeText = (text: string): Either.Either<ThemeSet, string> => {
  if (new TextEncoder().encode(text).length > THEME_LIMITS.bytes) {
    return Either.left(`filen er for stor (grænsen er ${THEME_LIMITS.bytes / 1024 / 1024} MB)`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""))
  } catch (e) {
    return Either.left(`filen er ikke gyldig JSON (fejl ved ${jsonPlace(text, e instanceof Error ? e.message : "")}); ` +
      "tjek kommaer, klammer og anførselstegn, eller hent temafilen fra siden Temaer og ret i den")
  }
  const decoded = Schema.decodeUnknownEither(ThemeSet)(json, { errors: "all" })
  if (Either.isLeft(decoded)) return Either.left(describeThemeIssues(decoded.left, json).join("; "))
  const problems = themeSetProblems(decoded.right)
  return problems.length > 0 ? Either.left(problems.join("; ")) : Either.right(decoded.right)
}

/** A theme set as the text of a theme file (what the web app stores and offers for download). */
export const encodeThemeSet = (themeSet: ThemeSet): string => JSON.stringify(Schema.encodeSync(ThemeSet)(themeSet), null, 2) + "\n"
