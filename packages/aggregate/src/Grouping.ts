import { foldWord } from "@udsagn/danish/Normalize"
import { stem } from "@udsagn/danish/Stem"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { cleanliness } from "./Clean.js"
import { isSynonymKey, surfaceOf, type TopicCorpus } from "./TopicWords.js"

/**
 * Sub-topics by anchor words, a method a committee can follow: within a theme, the word (stem)
 * that best marks off a group of statements is taken as an anchor, its statements become a
 * sub-topic, and the next anchor is sought among the statements left, up to `maxGroups` times.
 * "Best" is how many statements the word would take times how much more the theme uses it than
 * the conference as a whole; a word most of the theme uses ("sundhedskompetence") marks nothing
 * off and is skipped. Words that nearly always come with the anchor join it. What no anchor takes
 * goes to "Øvrige". Every step is counted and ties go to alphabetical order, so the same
 * statements always give the same groups. The work is linear in the theme's words: the inverted
 * index is built once, and each round weighs only the anchors' counts, kept up to date.
 */

/** How many anchor words are weighed per theme (the most used ones). */
const MAX_ANCHORS = 400

export interface Group {
  readonly anchor: string
  /** Statement indexes into the list grouped. */
  readonly members: ReadonlyArray<number>
  readonly label: string
  readonly terms: ReadonlyArray<string>
}

export interface GroupOptions {
  readonly minSize: number
  readonly maxGroups: number
  /** A word used by more than this share of the statements marks nothing off. */
  readonly maxShare: number
  /** Keys that are never anchors (the theme file's own words for a candidate theme, say). */
  readonly skip?: ReadonlySet<string>
  /** Keys to prefer a little as anchors (the theme's own terms). */
  readonly prefer?: ReadonlySet<string>
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Anchor-word grouping of statements (by id) in the corpus. Pure and deterministic. */
export const groupStatements = (
  corpus: TopicCorpus,
  ids: ReadonlyArray<string>,
  options: GroupOptions
): ReadonlyArray<Group> => {
  const n = ids.length
  const text = corpus.keyText
  // A statement's words and the synonym sets it uses, as key numbers.
  const none = new Int32Array(0)
  const keysOf = ids.map((id) => {
    const words = corpus.byId.get(id)
    if (words === undefined) return none
    if (words.synonymIds === undefined) return words.ids
    const both = new Int32Array(words.ids.length + words.synonymIds.length)
    both.set(words.ids)
    both.set(words.synonymIds, words.ids.length)
    return both
  })
  // The statements (indexes) that carry each key, by key number.
  const postings: Array<Array<number> | undefined> = new Array(corpus.keyText.length)
  const seenKeys: Array<number> = []
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const list = postings[k]
      if (list === undefined) {
        postings[k] = [i]
        seenKeys.push(k)
      } else list.push(i)
    }
  })
  const dfIn = (k: number) => postings[k]?.length ?? 0
  const anchors = seenKeys
    .filter((k) => dfIn(k) >= options.minSize && dfIn(k) <= options.maxShare * n && options.skip?.has(text[k]!) !== true)
    .sort((a, b) => dfIn(b) - dfIn(a) || byKey(text[a]!, text[b]!))
    .slice(0, MAX_ANCHORS)
  // How much more the group's statements use a word than the conference does.
  const lift = (k: number) => (dfIn(k) / n) / ((corpus.df.get(text[k]!) ?? 1) / Math.max(1, corpus.total))
  const weight = new Float64Array(corpus.keyText.length)
  for (const k of anchors) weight[k] = Math.log(1 + lift(k)) * (options.prefer?.has(text[k]!) === true ? 1.25 : 1)

  const taken = new Uint8Array(n)
  // How many statements not yet in a group each anchor would take (-1: not an anchor), kept up to
  // date as groups form, so a round costs the number of anchors, not their postings.
  const cover = new Int32Array(corpus.keyText.length).fill(-1)
  for (const k of anchors) cover[k] = dfIn(k)
  const take = (i: number) => {
    taken[i] = 1
    for (const k of keysOf[i]!) if (cover[k]! >= 0) cover[k]!--
  }
  const groups: Array<Group> = []
  const used = new Uint8Array(corpus.keyText.length)
  const together = new Int32Array(corpus.keyText.length)
  while (groups.length < options.maxGroups) {
    let best = -1
    let bestScore = 0
    for (const k of anchors) {
      if (used[k] === 1) continue
      const covered = cover[k]!
      if (covered < options.minSize) continue
      const score = covered * weight[k]!
      if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && best >= 0 && byKey(text[k]!, text[best]!) < 0)) {
        best = k
        bestScore = score
      }
    }
    if (best < 0) break
    used[best] = 1
    const anchorPosts = postings[best]!
    // Words that come with the anchor at least three times in four (and three times or more) join it.
    const met: Array<number> = []
    for (const i of anchorPosts) {
      for (const k of keysOf[i]!) {
        if (k === best) continue
        if (together[k] === 0) met.push(k)
        together[k]!++
      }
    }
    const companions = met
      .filter((k) => together[k]! >= 3 && together[k]! / dfIn(k) >= 3 / 4 && dfIn(k) <= options.maxShare * n && used[k] !== 1)
      .sort((a, b) => byKey(text[a]!, text[b]!))
    for (const k of met) together[k] = 0
    const members: Array<number> = []
    const seen = new Set<number>()
    for (const k of [best, ...companions]) {
      for (const i of postings[k]!) {
        if (taken[i] === 0 && !seen.has(i)) {
          seen.add(i)
          members.push(i)
        }
      }
    }
    if (members.length < options.minSize) continue
    members.sort((a, b) => a - b)
    for (const i of members) take(i)
    for (const k of companions) used[k] = 1
    groups.push(describe(corpus, ids, keysOf, members, best, dfIn, n, options.prefer))
  }
  return groups.sort((a, b) => b.members.length - a.members.length || byKey(a.label, b.label))
}

// Noun endings read as a topic ("Tegninger", "Forståelse", "Kompetencer"); a verb form ("forklarer") less so.
const NOUNISH = /(?:erne|else|elsen|elser|ning|ninger|hed|ion|ioner|ence|encer|sprog|ler|der)$/u

// Written with æ, ø or å: a form a label prefers to its phone spelling.
const danish = (f: string) => (/[æøå]/i.test(f) ? 1 : 0)

/** The form of a key a label uses: the commonest, or a noun form used at least half as often. */
const labelForm = (corpus: TopicCorpus, key: string): string => {
  const top = surfaceOf(corpus, key)
  const forms = [...(corpus.forms.get(key) ?? new Map<string, number>()).entries()]
  const topCount = corpus.forms.get(key)?.get(top) ?? 0
  if (NOUNISH.test(top)) return top
  const noun = forms
    .filter(([f, c]) => NOUNISH.test(f) && c * 2 >= topCount && !/\s/.test(f))
    .sort((a, b) => danish(b[0]) - danish(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
  return noun?.[0] ?? top
}

// A definite ending ("kompetencerne", "forståelsen"): a label names the thing in general, not a particular one.
const DEFINITE = /(?:erne|elsen)$/u

/**
 * The commonest indefinite noun form of a key used twice or more, however rare beside its other
 * forms (æ, ø and å preferred at a tie). A group whose anchor is a verb is named by a noun that
 * starts the same; the anchor's own is the same word, so it comes before any other ("Forståelse"
 * for a group that mostly says "forstår", not a misspelt "forstaelse", its own key).
 */
const ownNoun = (corpus: TopicCorpus, key: string): string | undefined =>
  [...(corpus.forms.get(key) ?? new Map<string, number>()).entries()]
    .filter(([f, c]) => c >= 2 && NOUNISH.test(f) && !DEFINITE.test(f) && !/\s/.test(f))
    .sort((a, b) => b[1] - a[1] || danish(b[0]) - danish(a[0]) || byKey(a[0], b[0]))[0]?.[0]

const capital = (s: string) => s.charAt(0).toLocaleUpperCase("da") + s.slice(1)

const dedupe = (forms: ReadonlyArray<string>): Array<string> => {
  const seen = new Set<string>()
  return forms.filter((f) => {
    const k = f.toLowerCase()
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * A group formed by a synonym set is named by the set's word most of its statements use ("Tid"
 * for a group that mostly says "tid", some "tidspres" or "travlhed"), written as the theme file
 * writes it (so "faelles" reads "fælles"); when no word is used by half of them, or the word is
 * of the same family as the set's first (the theme file's chosen form of the word), by the set's
 * first word, the theme file's name for what the set's words share ("Medbestemmelse" for
 * "ved bordet", "brugerpanel", "samskabelse"). `used`: the ways the group wrote the set.
 */
const synonymForm = (
  corpus: TopicCorpus,
  ids: ReadonlyArray<string>,
  members: ReadonlyArray<number>,
  anchor: string
): { readonly form: string; readonly used: ReadonlyArray<string> } => {
  const words = corpus.synonymWords.get(anchor) ?? []
  const uses = new Map<number, number>()
  const typed = new Map<string, number>()
  for (const i of members) {
    const seen = new Set<number>()
    for (const [k, f, member] of corpus.byId.get(ids[i]!)?.synonymForms ?? []) {
      if (k !== anchor) continue
      typed.set(f.toLowerCase(), (typed.get(f.toLowerCase()) ?? 0) + 1)
      if (seen.has(member)) continue
      seen.add(member)
      uses.set(member, (uses.get(member) ?? 0) + 1)
    }
  }
  const [top, n] = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0]
  // The set's first word also names its own word family: a set written "forklaringer, forklare,
  // forklar" calls a group that mostly says "forklar" "Forklaringer".
  const family = (a: string, b: string) => a.length >= 5 && b.length >= 5 && a.slice(0, 5).toLowerCase() === b.slice(0, 5).toLowerCase()
  const chosen = n * 2 >= members.length && !family(words[0] ?? "", words[top] ?? "") ? words[top] : words[0]
  const form = chosen ?? surfaceOf(corpus, anchor)
  const used = [...typed.entries()].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0])).map(([f]) => f)
  return { form, used }
}

/** Label and terms: the anchor, then the words the group uses far more than the rest. */
const describe = (
  corpus: TopicCorpus,
  ids: ReadonlyArray<string>,
  keysOf: ReadonlyArray<Int32Array>,
  members: ReadonlyArray<number>,
  anchorId: number,
  dfIn: (k: number) => number,
  n: number,
  prefer: ReadonlySet<string> | undefined
): Group => {
  const text = corpus.keyText
  const anchor = text[anchorId]!
  const inGroup = new Int32Array(corpus.keyText.length)
  const met: Array<number> = []
  for (const i of members) {
    for (const k of keysOf[i]!) {
      if (inGroup[k] === 0) met.push(k)
      inGroup[k]!++
    }
  }
  const m = members.length
  const scored = met
    // A synonym set is not a word the group used: its forms are in the set's own statements.
    .filter((k) => k !== anchorId && inGroup[k]! >= 2 && corpus.forms.has(text[k]!) && !isSynonymKey(text[k]!))
    .map((k) => {
      const c = inGroup[k]!
      return { k: text[k]!, c, score: c * Math.log(1 + (c / m) / (dfIn(k) / n)) }
    })
    .sort((a, b) => b.score - a.score || byKey(a.k, b.k))
  const synonym = isSynonymKey(anchor) ? synonymForm(corpus, ids, members, anchor) : undefined
  // A synonym set's terms are the ways the group wrote it, most used first ("ved bordet",
  // "brugerpanel"), not the set's name.
  const anchorTerms = synonym !== undefined ? synonym.used.slice(0, 3) : [surfaceOf(corpus, anchor)]
  const terms = dedupe([...anchorTerms, ...scored.slice(0, 4).map((s) => surfaceOf(corpus, s.k))]).slice(0, 5)
  // A bare stem or participle ("Tegn", "Forstået") gives way to the group's noun for it
  // ("Tegninger"). A synonym set's word is the theme file's own word and stays: another word of
  // the group that starts the same may be something else ("video" is not "Videokonsultation").
  const anchorForm = synonym?.form ?? labelForm(corpus, anchor)
  // The anchor's own noun form comes first: it is the same word.
  const noun = NOUNISH.test(anchorForm) || synonym !== undefined
    ? undefined
    : ownNoun(corpus, anchor) ??
      scored.map((s) => surfaceOf(corpus, s.k)).find((f) => NOUNISH.test(f) && f.slice(0, 4) === anchorForm.toLowerCase().slice(0, 4))
  const head = noun ?? anchorForm
  // A second word in the label when most of the group uses it too ("Breve og pjecer"), unless it
  // is the same word again ("Teach-back og teach").
  // A synonym set's group has none: the set names what its statements share ("Tid", not "Tid og
  // taler").
  const second = synonym !== undefined ? undefined : scored.find((s) => s.c / m >= 0.5 && s.c >= 3 && !GENERIC.has(s.k))
  const secondForm = second === undefined ? undefined : labelForm(corpus, second.k)
  // Only a thing ("pjecer", "sundhedskompetence") joins the label, not a verb ("står").
  const other = secondForm !== undefined && (NOUNISH.test(secondForm) || prefer?.has(second!.k) === true) ? secondForm : undefined
  const same = (a: string, b: string) =>
    a.slice(0, 4).toLowerCase() === b.slice(0, 4).toLowerCase() || a.toLowerCase().includes(b.toLowerCase()) || b.toLowerCase().includes(a.toLowerCase())
  const label = other !== undefined && !same(head, other) ? `${capital(head)} og ${other}` : capital(head)
  return { anchor, members, label, terms }
}

/**
 * A group's statements, clearest first: typical of the group (shares its words) and cleanly
 * written. Typicality is the share of the group's terms-by-frequency a statement carries.
 */
export const clearestFirst = (
  corpus: TopicCorpus,
  statements: ReadonlyArray<CategorizedStatement>
): ReadonlyArray<CategorizedStatement> => {
  // How many of the statements carry each key (by the key's number).
  const freq = new Int32Array(corpus.keyText.length)
  const wordsOf = statements.map((s) => corpus.byId.get(s.id))
  let norm = 0
  for (const words of wordsOf) {
    if (words === undefined) continue
    for (const k of words.ids) {
      // (c + 1)² - c² = 2c + 1: the sum of the squared counts, kept as they grow.
      norm += 2 * freq[k]! + 1
      freq[k]!++
    }
  }
  norm = Math.sqrt(norm) || 1
  const scored = statements.map((s, i) => {
    const words = wordsOf[i]
    if (words === undefined || words.ids.length === 0) return { s, i, score: 0 }
    let dot = 0
    for (const k of words.ids) dot += freq[k]!
    const typical = dot / (norm * Math.sqrt(words.ids.length))
    const confident = s.needsReview ? 0.8 : 1
    return { s, i, score: typical * cleanliness(corpus, words, s.text) * confident }
  })
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((x) => x.s)
}

/**
 * The people and places every theme of a health conference talks about: they name no sub-topic
 * ("Borgere" says nothing about what the statements ask for). They may still be a group's terms.
 */
export const GENERIC = new Set(
  `borger borgere patient patienter bruger brugere menneske person folk medarbejder medarbejdere personale
   ansatte sundhed sundhedsvæsen
   region kommune sygehus hospital system praksis ting mulig vigtig godt bedre mere stor`
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => stem(foldWord(w)))
)
