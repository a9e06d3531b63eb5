import { isStopWord } from "@udsagn/danish/StopWords"
import { stem } from "@udsagn/danish/Stem"
import { tokenize } from "@udsagn/danish/Tokenize"
import type { RegisterEntry } from "./RegisterModel.js"

// Recommendations from different conferences that say the same: suggested by the overlap of
// their Danish word stems (stop words out, æøå spellings folded by the tokenizer, rare words
// weighing most), confirmed
// by a person. A confirmed pair shares a link id; "rejst på 3 konferencer" counts the analyses
// in a link.

/** Suggested at this cosine of the weighted stems, or a little less within one theme. */
export const suggestThreshold = 0.5
export const sameThemeThreshold = 0.35
const maxSuggestions = 30

export const stemsOf = (text: string): ReadonlySet<string> =>
  new Set(tokenize(text).map((t) => t.key).filter((k) => k.length > 2 && !isStopWord(k) && !/^\d+$/.test(k)).map(stem))

/**
 * Each stem weighs by how rare it is in the register (inverse document frequency, log(1 + n/df)), so
 * the words every draft shares ("sundhedsrådene bør prioritere …") count little and the
 * words that say what a recommendation is about decide.
 */
export const weigher = (all: ReadonlyArray<ReadonlySet<string>>) => {
  const df = new Map<string, number>()
  for (const set of all) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1)
  const n = all.length
  return (s: string) => Math.log(1 + n / Math.max(1, df.get(s) ?? 0))
}

export const similarity = (a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (s: string) => number = () => 1) => {
  let dot = 0
  let na = 0
  let nb = 0
  for (const s of a) {
    const w = weight(s) ** 2
    na += w
    if (b.has(s)) dot += w
  }
  for (const s of b) nb += weight(s) ** 2
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

export interface LinkSuggestion {
  readonly a: RegisterEntry
  readonly b: RegisterEntry
  readonly score: number
}

/**
 * Pairs from different analyses, not yet linked nor dismissed, most alike first. Dot products
 * are summed through an inverted index of stems (only pairs that share a word are visited).
 */
export const suggestLinks = (
  entries: ReadonlyArray<RegisterEntry>,
  dismissed: ReadonlyArray<string>
): ReadonlyArray<LinkSuggestion> => {
  const no = new Set(dismissed)
  const stems = entries.map((e) => stemsOf(e.text))
  const weight = weigher(stems)
  const ids = new Map<string, number>()
  const vectors = stems.map((set) => [...set].map((st) => {
    let k = ids.get(st)
    if (k === undefined) ids.set(st, (k = ids.size))
    return { k, st, w: weight(st) ** 2 }
  }))
  const norms = vectors.map((v) => Math.sqrt(v.reduce((n, x) => n + x.w, 0)))
  // Stems in very many entries weigh little and would make every pair a candidate: they are
  // left out of the index (a pair must share a rarer word to be met) but counted in the score.
  const df = new Map<number, number>()
  for (const v of vectors) for (const { k } of v) df.set(k, (df.get(k) ?? 0) + 1)
  const common = Math.max(50, entries.length / 5)
  const postings: Array<Array<number>> = Array.from({ length: ids.size }, () => [])
  const out: Array<LinkSuggestion> = []
  const dot = new Float64Array(entries.length)
  for (let i = 0; i < entries.length; i++) {
    // Entries before i are in the postings already: each pair is met once, from its later entry.
    const touched: Array<number> = []
    const frequent: Array<{ readonly st: string; readonly w: number }> = []
    for (const { k, st, w } of vectors[i]!) {
      if ((df.get(k) ?? 0) > common) {
        frequent.push({ st, w })
        continue
      }
      for (const j of postings[k]!) {
        if (dot[j] === 0) touched.push(j)
        dot[j] = dot[j]! + w
      }
      postings[k]!.push(i)
    }
    const b = entries[i]!
    for (const j of touched) {
      const a = entries[j]!
      let d = dot[j]!
      dot[j] = 0
      for (const f of frequent) if (stems[j]!.has(f.st)) d += f.w
      const score = norms[i]! === 0 || norms[j]! === 0 ? 0 : d / (norms[i]! * norms[j]!)
      if (a.analysisId === b.analysisId) continue
      if (a.link !== undefined && a.link === b.link) continue
      if (score >= suggestThreshold || (a.theme === b.theme && score >= sameThemeThreshold)) {
        if (!no.has(pairKey(a.id, b.id))) out.push({ a, b, score })
      }
    }
  }
  return out.sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id)).slice(0, maxSuggestions)
}

/** Links two entries: their links become one (a new id when neither had one). */
export const linkEntries = (entries: ReadonlyArray<RegisterEntry>, a: string, b: string, newId: string): ReadonlyArray<RegisterEntry> | undefined => {
  const ea = entries.find((e) => e.id === a)
  const eb = entries.find((e) => e.id === b)
  if (ea === undefined || eb === undefined || a === b) return undefined
  const target = ea.link ?? eb.link ?? newId
  const merging = new Set([ea.link, eb.link].filter((x): x is string => x !== undefined))
  return entries.map((e) =>
    e.id === a || e.id === b || (e.link !== undefined && merging.has(e.link)) ? ({ ...e, link: target }) : e
  )
}

/** Takes one entry out of its link; a link left with one entry is gone. */
export const unlinkEntry = (entries: ReadonlyArray<RegisterEntry>, id: string): ReadonlyArray<RegisterEntry> | undefined => {
  const e = entries.find((x) => x.id === id)
  if (e?.link === undefined) return undefined
  const link = e.link
  const rest = entries.filter((x) => x.link === link && x.id !== id)
  return entries.map((x): RegisterEntry => {
    if (x.id === id || (rest.length === 1 && x.link === link)) {
      const { link: _gone, ...without } = x
      return without
    }
    return x
  })
}
