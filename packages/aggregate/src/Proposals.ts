import { boundedMemo } from "@udsagn/danish/Memo"
import { plainText } from "@udsagn/danish/Normalize"
import { wordCount } from "@udsagn/danish/Tokenize"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { StatementId } from "@udsagn/domain/Statement"
import { ACTION_THRESHOLD, isLowHangingFruit, statementActionScore } from "./Actionable.js"
import { asksForEasyWins, asksForProposals, isComplaint, isQuestion } from "./ProposalKinds.js"
import { clearestFirst } from "./Grouping.js"
import type { TopicCorpus } from "./TopicWords.js"

// What participants proposed within one sub-topic, merged when several say the same: the
// committee reads "Flere tolke (foreslået af 4 deltagere)" once, with every statement behind it.

/** A merged proposal: the clearest wording, and every statement that said the same. */
export interface MergedProposal {
  readonly text: string
  /** The statement quoted first, then the others that said the same. */
  readonly ids: ReadonlyArray<StatementId>
  /** A low-hanging fruit: short, concrete, easy to start on (never a question or a complaint). */
  readonly easy: boolean
}

// A masked e-mail or phone number is a request to be contacted, not a proposal.
const MASKED = /\[(?:e-mail|telefon|cpr)\]/iu

/** The most words a low-hanging fruit has: a small thing is said briefly. */
export const FRUIT_MAX_WORDS = 14

/**
 * Whether a statement proposes something: the proposal cues of `actionScore`, or an answer of two
 * words or more to a question that asks for proposals; never a question, a complaint or a request
 * to be contacted.
 */
export const isProposal = (s: CategorizedStatement): boolean => {
  // A statement carrying two themes is judged under both (and its score is aggregate's too).
  let known = proposals.get(s)
  if (known === undefined) {
    // The score first: aggregate has it for every statement, and most statements propose nothing,
    // so the question and complaint patterns run only for the few that might.
    known = (statementActionScore(s) >= ACTION_THRESHOLD || (asksForProposalsOnce(s.question) && wordCount(s.text) >= 2)) &&
      !isQuestion(s.text) && !isComplaint(s.text) && !MASKED.test(s.text)
    proposals.set(s, known)
  }
  return known
}

const proposals = new WeakMap<CategorizedStatement, boolean>()

// The questions are few and every answer asks: each judged once (a long-running server sees
// many analyses, hence the bound).
const asksForProposalsOnce = boundedMemo(asksForProposals, 10_000)

/** A proposal that is a low-hanging fruit. */
export const isEasyProposal = (s: CategorizedStatement): boolean =>
  isProposal(s) && wordCount(s.text) <= FRUIT_MAX_WORDS && (isLowHangingFruit(s.text) || asksForEasyWins(s.question))

/** Two proposals say the same when half their words (stems, compound parts) are shared. */
export const SAME_PROPOSAL = 0.5

/**
 * Whether a proposal's words (`a`: distinct key numbers) overlap another's by SAME_PROPOSAL or more
 * (Jaccard): the other's `size` words are those marked `stamp` in `marks`.
 */
const sayTheSame = (a: Int32Array, size: number, marks: Int32Array, stamp: number): boolean => {
  // The overlap is at most the smaller set over the larger: sets of very different sizes need no count.
  const small = Math.min(a.length, size)
  const large = Math.max(a.length, size)
  if (large === 0 || small < large * SAME_PROPOSAL) return false
  let both = 0
  for (let i = 0; i < a.length; i++) if (marks[a[i]!] === stamp) both++
  return both / (a.length + size - both) >= SAME_PROPOSAL
}

const NO_KEYS = new Int32Array(0)

/**
 * The proposals among some statements (a sub-topic's), merged and ranked by how many made them:
 * questions and complaints are not proposals; the wording shown is the clearest of the group.
 * Work: each proposal is compared with the merged heads so far, at most `maxHeads` of them.
 */
export const mergedProposals = (
  corpus: TopicCorpus,
  statements: ReadonlyArray<CategorizedStatement>,
  maxHeads = 200
): ReadonlyArray<MergedProposal> => {
  const proposing = statements.filter(isProposal)
  const heads: Array<
    { text: string; plain: string; keys: Int32Array; ids: Array<StatementId>; first: number; easy: boolean }
  > = []
  // The words of the proposal at hand, marked with its place in the order (+ 1).
  const marks = new Int32Array(corpus.keyText.length)
  // The heads compared with (the first `maxHeads`) by each of their words, and by their plain text:
  // a head that says the same shares a word or the plain text, so only those are compared.
  const byKey: Array<Array<number> | undefined> = []
  const byPlain = new Map<string, number>()
  // The heads to compare a proposal with (at most one per head), sorted in place: a typed array's sort is numeric.
  const candidates = new Int32Array(Math.min(maxHeads, proposing.length))
  let count = 0
  const taken = new Int32Array(candidates.length)
  clearestFirst(corpus, proposing).forEach((s, order) => {
    const keys = corpus.byId.get(s.id)?.ids ?? NO_KEYS
    const stamp = order + 1
    for (let i = 0; i < keys.length; i++) marks[keys[i]!] = stamp
    const plain = plainText(s.text)
    // Compared with the first `maxHeads` proposals only, so the work stays linear; beyond them a
    // proposal stands alone but is still listed and counted. The first of them that says the
    // same is its home: candidates are tried in the heads' order.
    count = 0
    const add = (i: number) => {
      if (taken[i] === stamp) return
      taken[i] = stamp
      candidates[count++] = i
    }
    const same = byPlain.get(plain)
    if (same !== undefined) add(same)
    for (let k = 0; k < keys.length; k++) for (const i of byKey[keys[k]!] ?? []) add(i)
    if (count > 1) candidates.subarray(0, count).sort()
    let home: (typeof heads)[number] | undefined
    for (let c = 0; c < count && home === undefined; c++) {
      const h = heads[candidates[c]!]!
      if (h.plain === plain || sayTheSame(h.keys, keys.length, marks, stamp)) home = h
    }
    if (home !== undefined) home.ids.push(s.id)
    else {
      const at = heads.length
      heads.push({ text: s.text, plain, keys, ids: [s.id], first: order, easy: isEasyProposal(s) })
      if (at < maxHeads) {
        if (!byPlain.has(plain)) byPlain.set(plain, at)
        for (let k = 0; k < keys.length; k++) (byKey[keys[k]!] ??= []).push(at)
      }
    }
  })
  return heads
    .sort((a, b) => b.ids.length - a.ids.length || a.first - b.first)
    .map((h) => ({ text: h.text.replace(/\s+/gu, " ").trim(), ids: h.ids, easy: h.easy }))
}
