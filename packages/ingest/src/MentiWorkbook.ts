import type { ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { Either } from "effect"
import type { RawEntry } from "./Assemble.js"
import { closedQuestionsOf } from "./ClosedQuestions.js"
import type { MentiRefusal } from "./MentiCells.js"
import { DEFAULT_QA_TITLE, isQaSheet, QA_SHEET, readQaSheet } from "./QaSheet.js"
import { blockEntries, isSessionSheet, parseSessionSheet, type SlideBlock } from "./SessionSheet.js"
import { findVotersHeader, readVotersSheet } from "./VotersSheet.js"
import type { Sheet, Workbook } from "./Xlsx.js"

// Mentimeter's Excel export (labels are English whatever the slide language):
// - `Voters` (VotersSheet.ts): a row per voter, a column per slide answer.
// - `Questions from audience` (QaSheet.ts): Q&A, with its own participant ids.
// - `Session N` (SessionSheet.ts): one block per slide saying its type, with the per-session results.
// The Session blocks tell each slide's type; the Voters sheet ties answers to participants.

// The readers' names, for the existing importers of this module.
export { closedQuestionsOf } from "./ClosedQuestions.js"
export { isoDate, type MentiRefusal, normTitle, numberOf } from "./MentiCells.js"
export { DEFAULT_QA_TITLE, QA_SHEET } from "./QaSheet.js"
export { parseSessionSheet, type SlideBlock, UNTITLED } from "./SessionSheet.js"
export { splitHeader } from "./VotersSheet.js"

export interface MentiRead {
  readonly entries: ReadonlyArray<RawEntry>
  readonly closedQuestions: ReadonlyArray<ClosedQuestion>
  /**
   * At least this many people answered: distinct voters (session, voter) or distinct Q&A
   * participants, whichever is larger. Menti's Q&A ids are unrelated to voter ids, so the same
   * person may be in both; adding them would overstate the turnout.
   */
  readonly participants: number | undefined
  readonly firstDate: string | undefined
}

/** Whether the workbook has Menti's sheet names (then it must read as Menti or fail clearly). */
export const isMentiWorkbook = (wb: Workbook): boolean =>
  wb.sheets.some((s) => s.name === "Voters" || s.name === QA_SHEET || isSessionSheet(s))

/** The earliest answer date; failing that, the first Session block's date. */
const firstDateOf = (entries: ReadonlyArray<RawEntry>, blocks: ReadonlyArray<SlideBlock>) => {
  let first: string | undefined
  for (const { date } of entries) if (date !== undefined && (first === undefined || date < first)) first = date
  return first ?? blocks.find((b) => b.date !== undefined)?.date
}

/** The Q&A sheet's questions, titled as its Session block names the Q&A slide. */
const readQa = (sheet: Sheet | undefined, blocks: ReadonlyArray<SlideBlock>) =>
  sheet
    ? readQaSheet(sheet, blocks.find((b) => b.type === "qa" && b.title !== "")?.title ?? DEFAULT_QA_TITLE)
    : Either.right({ entries: [], participants: 0 })

/**
 * Read the workbook as a Menti export. Left: why it is not one (for a clear error).
 * Reading order: the Voters answers (or, without a Voters sheet, the Session blocks' responses),
 * then the Q&A questions.
 */
export const readMentiWorkbook = (wb: Workbook): Either.Either<MentiRead, MentiRefusal> => {
  const blocks = wb.sheets.filter(isSessionSheet).flatMap(parseSessionSheet)
  const voters = wb.sheets.find((s) => s.name.trim() === "Voters")
  const qaSheet = wb.sheets.find(isQaSheet)
  const votersHeader = voters ? findVotersHeader(voters) : undefined
  if (!votersHeader && blocks.length === 0 && !qaSheet) {
    // A Voters sheet without its columns is only acceptable when the other sheets carry the answers.
    return Either.left(
      voters
        ? { detail: "arket Voters mangler kolonnerne Date, Session og Voter", sheet: voters.name }
        : { detail: "der er hverken et Voters-ark, Session-ark eller Q&A-ark" }
    )
  }
  const answers = voters && votersHeader
    ? readVotersSheet(voters, votersHeader, blocks)
    // No Voters sheet: the Session blocks still list every response, without participants.
    : { entries: blocks.flatMap((b) => blockEntries(b)), participants: 0 }
  const qa = readQa(qaSheet, blocks)
  if (Either.isLeft(qa)) return Either.left(qa.left)
  const entries = [...answers.entries, ...qa.right.entries]
  return Either.right({
    entries,
    closedQuestions: closedQuestionsOf(blocks),
    participants: votersHeader || qaSheet ? Math.max(answers.participants, qa.right.participants) : undefined,
    firstDate: firstDateOf(entries, blocks)
  })
}
