import { createHash } from "node:crypto"
import { FileSystem, Path } from "@effect/platform"
import { normalize } from "@udsagn/danish"
import { CategorizedStatement, CorrectionsUsed, Evidence } from "@udsagn/domain/Categorization"
import type { Statement } from "@udsagn/domain/Statement"
import { ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { Data, Effect, Schema } from "effect"
import type { ThemeModelData, TrainingRow } from "./ModelData.js"
import { themeSetJson } from "./ModelKey.js"
import { LearnedTerm } from "./LearnedTerms.js"
import { decodeStoredModel } from "./ModelStore.js"

// Corrections a person saved (web review page, `PUT …/overrides`, `udsagn learn`) kept as a
// memory under the reports folder: later analyses with the same theme set follow them (exact or
// near-duplicate text) and a model retrained with them is used once it is ready.

/** One saved correction: the statement as written, its matching key, and the themes a person chose. */
export const Correction = Schema.Struct({
  id: Schema.String,
  text: Schema.String,
  /** `normalize(text)`: case, punctuation and æ/ø/å spellings do not matter. */
  key: Schema.String,
  themes: Schema.NonEmptyArray(ThemeId),
  /** `themeSetKey` of the theme set the themes belong to. */
  themeSet: Schema.String,
  /** The analysis it was saved in (absent for `udsagn learn`). */
  analysis: Schema.optionalWith(Schema.String, { exact: true }),
  createdAt: Schema.String
})
export type Correction = typeof Correction.Type

export const CorrectionsFile = Schema.Struct({ version: Schema.Literal(1), corrections: Schema.Array(Correction) })

/** A retrained model's sidecar: written after the model file, so its presence means "ready". */
export const RetrainedMeta = Schema.Struct({
  baseKey: Schema.String,
  themeSet: Schema.String,
  correctionsHash: Schema.String,
  correctionIds: Schema.Array(Schema.String),
  finishedAt: Schema.String,
  /** Words the corrections taught, added to the theme terms of this model (older metas: none). */
  learnedTerms: Schema.optionalWith(Schema.Array(LearnedTerm), { default: () => [] })
})
export type RetrainedMeta = typeof RetrainedMeta.Type

export class CorrectionsError extends Data.TaggedError("CorrectionsError")<{ readonly message: string; readonly cause?: unknown }> {}

const sha = (s: string, n: number) => createHash("sha256").update(s).digest("hex").slice(0, n)

/** Identifies a theme set the way the model key does (ids, terms, exclusions, examples). */
export const themeSetKey = (themeSet: ThemeSet): string => sha(themeSetJson(themeSet), 16)

/** Stable id of the correction of one text under one theme set: saving it again replaces it. */
export const correctionId = (themeSet: string, key: string): string => sha(`${themeSet}\n${key}`, 12)

/** What the model learns from: keys and themes only (not times or analyses), so equal corrections give equal models. */
export const correctionsHash = (corrections: ReadonlyArray<Correction>): string =>
  sha(
    corrections
      .map((c) => `${c.key}\t${[...c.themes].sort().join("|")}`)
      .sort()
      .join("\n"),
    16
  )

/**
 * The store after an analysis' corrections were saved: that analysis' earlier corrections are
 * replaced by `fresh` (a correction taken back there is forgotten), and a text corrected again
 * anywhere keeps only the newest themes.
 */
export const recordCorrections = (
  existing: ReadonlyArray<Correction>,
  fresh: ReadonlyArray<{ readonly text: string; readonly themes: ReadonlyArray<ThemeId> }>,
  context: { readonly themeSet: string; readonly analysis?: string; readonly now: string }
): Array<Correction> => {
  const added = new Map<string, Correction>()
  for (const f of fresh) {
    const key = normalize(f.text)
    const [first, ...rest] = f.themes
    if (key.length === 0 || first === undefined) continue
    const id = correctionId(context.themeSet, key)
    added.set(id, {
      id,
      text: f.text,
      key,
      themes: [first, ...rest],
      themeSet: context.themeSet,
      ...(context.analysis !== undefined ? { analysis: context.analysis } : {}),
      createdAt: context.now
    })
  }
  const kept = existing.filter(
    (c) => !added.has(c.id) && !(context.analysis !== undefined && c.analysis === context.analysis && c.themeSet === context.themeSet)
  )
  return [...kept, ...added.values()]
}

export interface CorrectionMatch {
  readonly correction: Correction
  readonly kind: "exact" | "near"
  /** 1 for an exact match; else the larger of word Jaccard and character-trigram cosine. */
  readonly similarity: number
}

/** Thresholds of a near duplicate: one word more or less in a five-word statement still matches. */
export const NEAR_JACCARD = 0.8
export const NEAR_COSINE = 0.85
// Candidates: a shared word in the prefixes for NEAR_JACCARD (complete for the Jaccard test), plus
// a shared word in the looser prefixes for this Jaccard through short posting lists only, so the
// trigram test also sees pairs where a word or two changed spelling without walking common words.
const CANDIDATE_JACCARD = 0.5
const MAX_LOOSE_POSTINGS = 64

const wordsOf = (key: string): Array<string> => [...new Set(key.split(" ").filter((w) => w.length > 0))]

const trigrams = (key: string): Map<string, number> => {
  const s = ` ${key} `
  const out = new Map<string, number>()
  for (let i = 0; i + 3 <= s.length; i++) {
    const g = s.slice(i, i + 3)
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

const cosine = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [g, x] of a) {
    na += x * x
    dot += x * (b.get(g) ?? 0)
  }
  for (const x of b.values()) nb += x * x
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

const prefixLength = (n: number, t: number) => n - Math.ceil(t * n) + 1

/**
 * Finds the correction a statement follows. Exact keys by hash map; near duplicates by prefix
 * filtering on an inverted word index (words ordered rarest first, so two sets that can reach the
 * threshold must share a word in their short prefixes): the cost per statement is a few rare
 * words' posting lists, never every correction.
 */
export class CorrectionIndex {
  private readonly byKey = new Map<string, Correction>()
  private readonly entries: Array<{ readonly correction: Correction; readonly words: ReadonlySet<string>; grams?: Map<string, number> }> = []
  private readonly postings = new Map<string, Array<number>>()
  private readonly frequency = new Map<string, number>()

  constructor(readonly corrections: ReadonlyArray<Correction>) {
    // Later corrections win on equal keys (the store keeps one per key; this guards hand edits).
    for (const c of corrections) this.byKey.set(c.key, c)
    const unique = [...this.byKey.values()]
    const wordLists = unique.map((c) => wordsOf(c.key))
    for (const ws of wordLists) for (const w of ws) this.frequency.set(w, (this.frequency.get(w) ?? 0) + 1)
    unique.forEach((correction, i) => {
      const ws = this.ordered(wordLists[i] ?? [])
      this.entries.push({ correction, words: new Set(ws) })
      for (const w of ws.slice(0, prefixLength(ws.length, CANDIDATE_JACCARD))) {
        const list = this.postings.get(w)
        if (list) list.push(i)
        else this.postings.set(w, [i])
      }
    })
  }

  get size(): number {
    return this.entries.length
  }

  /** Rarest first, ties by spelling: one total order for both sides of the prefix filter. */
  private ordered(words: ReadonlyArray<string>): Array<string> {
    return [...words].sort((a, b) => (this.frequency.get(a) ?? 0) - (this.frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
  }

  match(text: string): CorrectionMatch | undefined {
    const key = normalize(text)
    if (key.length === 0) return undefined
    const exact = this.byKey.get(key)
    if (exact) return { correction: exact, kind: "exact", similarity: 1 }
    const ws = this.ordered(wordsOf(key))
    const candidates = new Set<number>()
    const strict = prefixLength(ws.length, NEAR_JACCARD)
    ws.slice(0, prefixLength(ws.length, CANDIDATE_JACCARD)).forEach((w, k) => {
      const list = this.postings.get(w) ?? []
      if (k < strict || list.length <= MAX_LOOSE_POSTINGS) for (const i of list) candidates.add(i)
    })
    if (candidates.size === 0) return undefined
    const grams = trigrams(key)
    let best: CorrectionMatch | undefined
    let bestIndex = -1
    for (const i of candidates) {
      const entry = this.entries[i]
      if (!entry) continue
      let shared = 0
      for (const w of ws) if (entry.words.has(w)) shared++
      const jaccard = shared / (ws.length + entry.words.size - shared)
      entry.grams ??= trigrams(entry.correction.key)
      const similarity = Math.max(jaccard, cosine(grams, entry.grams))
      if (jaccard < NEAR_JACCARD && similarity < NEAR_COSINE) continue
      // The most similar wins; on a tie the newer correction (later in the store).
      if (best === undefined || similarity > best.similarity || (similarity === best.similarity && i > bestIndex)) {
        best = { correction: entry.correction, kind: "near", similarity: Math.round(similarity * 1000) / 1000 }
        bestIndex = i
      }
    }
    return best
  }
}

/** A statement categorized by the correction it follows: evidence "rettelse", not flagged for review. */
export const followCorrection = (categorized: CategorizedStatement, match: CorrectionMatch): CategorizedStatement => {
  const themes = match.correction.themes
  const evidence = themes.map(
    (theme) => new Evidence({ theme, match: match.correction.text, term: "rettelse", weight: match.similarity, source: "override" }, true)
  )
  return new CategorizedStatement({ ...categorized, themes, evidence, confidence: match.similarity, needsReview: false }, true)
}

/**
 * The training rows with the corrections: a training row with a corrected text is dropped (the
 * person's themes replace it), and each correction counts three times. `relevantRows` merges
 * rows by exact text, so the copies differ by a final mark the tokenizer ignores.
 */
export const rowsWithCorrections = (rows: ReadonlyArray<TrainingRow>, corrections: ReadonlyArray<Correction>): Array<TrainingRow> => {
  const keys = new Set(corrections.map((c) => c.key))
  const kept = rows.filter((r) => !keys.has(normalize(r.text)))
  const sorted = [...corrections].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const added = sorted.flatMap((c) =>
    ["", " .", " !"].map((mark, k) => ({ id: `rettelse-${c.id}-${k}`, text: c.text + mark, themes: [...c.themes] }))
  )
  return [...kept, ...added]
}

/** Where the memory lives under the reports folder, and its files. */
export const learningDir = (path: Path.Path, reportsDir: string) => path.join(reportsDir, "laering")
const correctionsPath = (path: Path.Path, dir: string) => path.join(dir, "corrections.json")
export const modelsDir = (path: Path.Path, dir: string) => path.join(dir, "modeller")
export const retrainedName = (baseKey: string, hash: string) => `${baseKey}-${hash}`

const decodeFile = Schema.decodeUnknownEither(Schema.parseJson(CorrectionsFile))
const decodeMeta = Schema.decodeUnknownEither(Schema.parseJson(RetrainedMeta))

/** The saved corrections; none when the file is missing (nothing learnt yet). */
export const readCorrections = (dir: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const file = correctionsPath(path, dir)
    const failed = (cause: unknown) => new CorrectionsError({ message: `Kunne ikke læse rettelserne i ${file}.`, cause })
    if (!(yield* fs.exists(file).pipe(Effect.mapError(failed)))) return [] as ReadonlyArray<Correction>
    const text = yield* fs.readFileString(file).pipe(Effect.mapError(failed))
    const decoded = decodeFile(text)
    if (decoded._tag === "Left") {
      return yield* new CorrectionsError({ message: `${file} er ikke en gyldig rettelsesfil; ret eller slet den.`, cause: decoded.left })
    }
    return decoded.right.corrections
  })

/** Writes a file through a temp file and a rename: a crash never leaves half a file. */
export const writeAtomic = (file: string, content: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    yield* fs.makeDirectory(path.dirname(file), { recursive: true })
    const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`
    yield* fs.writeFileString(temp, content)
    yield* fs.rename(temp, file)
  }).pipe(Effect.mapError((cause) => new CorrectionsError({ message: `Kunne ikke skrive ${file}.`, cause })))

export const writeCorrections = (dir: string, corrections: ReadonlyArray<Correction>) =>
  Effect.flatMap(Path.Path, (path) =>
    writeAtomic(correctionsPath(path, dir), JSON.stringify(Schema.encodeSync(CorrectionsFile)({ version: 1, corrections }), null, 2) + "\n"))

/**
 * The newest retrained model that is ready and learnt only from corrections still eligible
 * (a removed correction must not come back through an older model): most corrections first.
 */
export const readyRetrained = (dir: string, baseKey: string, eligible: ReadonlyArray<Correction>) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const folder = modelsDir(path, dir)
    const names = yield* fs.readDirectory(folder).pipe(Effect.orElseSucceed((): ReadonlyArray<string> => []))
    const ids = new Set(eligible.map((c) => c.id))
    let best: { meta: RetrainedMeta; name: string } | undefined
    for (const name of names.filter((n) => n.startsWith(`${baseKey}-`) && n.endsWith(".meta.json")).sort()) {
      const decoded = decodeMeta(yield* fs.readFileString(path.join(folder, name)).pipe(Effect.orElseSucceed(() => "")))
      if (decoded._tag === "Left") continue
      const meta = decoded.right
      if (meta.baseKey !== baseKey || !meta.correctionIds.every((id) => ids.has(id))) continue
      if (best === undefined || meta.correctionIds.length > best.meta.correctionIds.length ||
        (meta.correctionIds.length === best.meta.correctionIds.length && meta.finishedAt > best.meta.finishedAt)) {
        best = { meta, name: name.slice(0, -".meta.json".length) }
      }
    }
    return best
  })

/** Reads a retrained model file (undefined when it is damaged: the base model is used instead). */
export const readRetrainedModel = (dir: string, name: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const text = yield* fs.readFileString(path.join(modelsDir(path, dir), `${name}.model.json`)).pipe(Effect.orElseSucceed(() => ""))
    return decodeStoredModel(text) as ThemeModelData | undefined
  })

/** The statements with the corrections they follow applied, and the counts for the report. */
export const applyCorrectionMemory = (
  statements: ReadonlyArray<Statement>,
  categorize: (s: Statement) => CategorizedStatement,
  index: CorrectionIndex
): { statements: Array<CategorizedStatement>; exact: number; near: number } => {
  let exact = 0
  let near = 0
  const out = statements.map((s) => {
    const c = categorize(s)
    const m = index.match(s.text)
    if (m === undefined) return c
    if (m.kind === "exact") exact++
    else near++
    return followCorrection(c, m)
  })
  return { statements: out, exact, near }
}

export { CorrectionsUsed }
