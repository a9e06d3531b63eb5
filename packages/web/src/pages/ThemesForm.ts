import { themeSetProblems } from "@udsagn/categorize/ThemeFile"
import { slugify } from "@udsagn/danish/Slug"
import { OTHER, ThemeSet } from "@udsagn/domain/Theme"
import { Either, Schema } from "effect"

// The themes page's form without HTTP: a theme set as editable fields (words one per line), the
// posted fields back, and the theme set they make, or what is wrong in Danish. Weights, colours
// and examples are not on the form: a word kept keeps its weight, a new word weighs 1. Words that
// mean the same (for sub-topics) are one set per line, the set's words separated by commas.

export interface ThemeDraft {
  /** Empty for the new theme. */
  readonly id: string
  readonly label: string
  readonly description: string
  /** One word or phrase per line. */
  readonly terms: string
  readonly exclusions: string
  /** Words that mean the same, for sub-topics: one set per line, its words separated by commas. */
  readonly synonyms: string
  readonly remove: boolean
}

export interface ThemesDraft {
  readonly otherLabel: string
  readonly themes: ReadonlyArray<ThemeDraft>
  /** The empty theme at the bottom of the page, filled in to add one. */
  readonly added: ThemeDraft
}

const emptyTheme: ThemeDraft = { id: "", label: "", description: "", terms: "", exclusions: "", synonyms: "", remove: false }

export const draftOf = (themeSet: ThemeSet): ThemesDraft => ({
  otherLabel: themeSet.otherLabel,
  themes: themeSet.themes.map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
    terms: t.terms.map((w) => w.term).join("\n"),
    exclusions: t.exclusions.join("\n"),
    synonyms: t.synonyms.map((set) => set.join(", ")).join("\n"),
    remove: false
  })),
  added: emptyTheme
})

/** The posted form (`label-0`, `terms-0`, …, `new-label`, …) as a draft. */
export const readThemesForm = (form: URLSearchParams): ThemesDraft => {
  const field = (name: string) => (form.get(name) ?? "").replace(/\r\n?/g, "\n")
  const theme = (key: string): ThemeDraft => ({
    id: field(`id-${key}`).trim(),
    label: field(`label-${key}`),
    description: field(`description-${key}`),
    terms: field(`terms-${key}`),
    exclusions: field(`exclusions-${key}`),
    synonyms: field(`synonyms-${key}`),
    remove: form.has(`remove-${key}`)
  })
  const themes: Array<ThemeDraft> = []
  for (let i = 0; form.has(`id-${i}`) && i < 1000; i++) themes.push(theme(String(i)))
  return { otherLabel: field("otherLabel"), themes, added: theme("new") }
}

/** Words from a text field: one per line (commas and semicolons also separate), each once. */
export const wordsOf = (text: string): Array<string> => {
  const out: Array<string> = []
  for (const w of text.split(/[\n,;]/).map((s) => s.replace(/\s+/g, " ").trim())) {
    if (w.length > 0 && !out.some((o) => o.toLowerCase() === w.toLowerCase())) out.push(w)
  }
  return out
}

/**
 * Sets of words that mean the same: one set per line, its words separated by commas (or
 * semicolons), each word once per set; empty lines are skipped. A line of one word is a set that
 * says nothing: `lonely` names it (the form asks for a second word instead of dropping it).
 */
export const synonymSetsOf = (text: string): { readonly sets: Array<Array<string>>; readonly lonely: Array<string> } => {
  const lines = text.split("\n").map((line) => wordsOf(line)).filter((set) => set.length > 0)
  return { sets: lines.filter((set) => set.length >= 2), lonely: lines.filter((set) => set.length === 1).map((set) => set[0]!) }
}

/** A free id for a new theme from its name: "Tværsektorielt samarbejde" → "tvaersektorielt-samarbejde". */
export const newThemeId = (label: string, taken: ReadonlySet<string>): string => {
  const base = slugify(label, 40, "tema")
  let id = base === OTHER ? "andet-tema" : base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

const hasContent = (t: ThemeDraft) => [t.label, t.description, t.terms, t.exclusions, t.synonyms].some((s) => s.trim().length > 0)

/**
 * The theme set a draft makes, starting from the current one (ids, colours, examples and the
 * weights of words kept), or the problems in Danish.
 */
export const themeSetFromDraft = (draft: ThemesDraft, current: ThemeSet): Either.Either<ThemeSet, Array<string>> => {
  const problems: Array<string> = []
  const byId = new Map(current.themes.map((t) => [t.id as string, t]))
  const kept = draft.themes.filter((t) => !t.remove)
  const drafts = hasContent(draft.added) ? [...kept, { ...draft.added, id: "" }] : kept
  const taken = new Set<string>(kept.map((t) => t.id))
  const themes = drafts.map((d) => {
    const before = byId.get(d.id)
    const weights = new Map((before?.terms ?? []).map((w) => [w.term.toLowerCase(), w.weight]))
    const label = d.label.replace(/\s+/g, " ").trim()
    if (d.id === "" && label.length === 0) problems.push("det nye tema mangler et navn")
    const id = d.id !== "" && before !== undefined ? d.id : newThemeId(label, taken)
    taken.add(id)
    const synonyms = synonymSetsOf(d.synonyms)
    for (const word of synonyms.lonely) {
      problems.push(`temaet »${label || id}«: »${word}« står alene på sin linje under ord, der betyder det samme; skriv ordene, der betyder det samme, på én linje adskilt af komma`)
    }
    return {
      id,
      label,
      description: d.description.trim(),
      ...(before?.color !== undefined ? { color: before.color } : {}),
      terms: wordsOf(d.terms).map((term) => ({ term, weight: weights.get(term.toLowerCase()) ?? 1 })),
      exclusions: wordsOf(d.exclusions),
      examples: before?.examples ?? [],
      synonyms: synonyms.sets
    }
  })
  themes.forEach((t) => {
    if (t.label.length > 0 && t.terms.length === 0) problems.push(`temaet »${t.label}« har ingen ord: skriv mindst ét ord, som udsagn om temaet bruger`)
  })
  if (problems.length > 0) return Either.left(problems)
  const decoded = Schema.decodeUnknownEither(ThemeSet)({
    name: current.name,
    language: current.language,
    otherLabel: draft.otherLabel.trim() || current.otherLabel,
    themes
  })
  if (Either.isLeft(decoded)) return Either.left(["temaerne kunne ikke gemmes; prøv igen"])
  const more = themeSetProblems(decoded.right)
  return more.length > 0 ? Either.left(more) : Either.right(decoded.right)
}
