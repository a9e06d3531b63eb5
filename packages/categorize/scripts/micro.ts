import { CategorizedStatement, Evidence } from "@udsagn/domain/Categorization"
import { SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"
import type { ThemeId } from "@udsagn/domain/Theme"
const s = new Statement({ id: StatementId.make("x"), question: "q", questionType: "open", source: new SourceLocation({ sheet: "a", row: 1, column: 1 }), rawText: "t", text: "t" })
const c0 = process.cpuUsage()
for (let i = 0; i < 100000; i++) {
  const ev = [new Evidence({ theme: "a" as ThemeId, match: "m", term: "t", weight: 1, source: "lexicon" }, true)]
  new CategorizedStatement({ ...s, themes: ["a" as ThemeId], scores: { a: 1 }, evidence: ev, confidence: 1, needsReview: false, overridden: false }, true)
}
const c = process.cpuUsage(c0)
console.log("100k CategorizedStatement+Evidence:", ((c.user + c.system) / 1e6).toFixed(2), "s cpu")
const time = (label: string, f: () => void) => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); console.log(label, ((c.user + c.system) / 1e6).toFixed(2), "s cpu") }
time("Evidence only", () => { for (let i = 0; i < 100000; i++) new Evidence({ theme: "a" as ThemeId, match: "m", term: "t", weight: 1, source: "lexicon" }, true) })
time("CategorizedStatement only", () => { for (let i = 0; i < 100000; i++) new CategorizedStatement({ ...s, themes: ["a" as ThemeId], scores: { a: 1 }, evidence: [], confidence: 1, needsReview: false, overridden: false }, true) })
time("Object.create", () => { for (let i = 0; i < 100000; i++) Object.assign(Object.create(CategorizedStatement.prototype), { ...s, themes: ["a" as ThemeId], scores: { a: 1 }, evidence: [], confidence: 1, needsReview: false, overridden: false }) })
time("spread only", () => { for (let i = 0; i < 100000; i++) ({ ...s, themes: ["a" as ThemeId], scores: { a: 1 }, evidence: [], confidence: 1, needsReview: false, overridden: false }) })
const copy = (x: Statement) => {
  const o: Record<string, unknown> = { id: x.id, question: x.question, questionType: x.questionType, source: x.source, rawText: x.rawText, text: x.text }
  if (x.session !== undefined) o.session = x.session
  if (x.participant !== undefined) o.participant = x.participant
  if (x.date !== undefined) o.date = x.date
  if (x.upvotes !== undefined) o.upvotes = x.upvotes
  if (x.duplicateOf !== undefined) o.duplicateOf = x.duplicateOf
  return o
}
time("explicit copy + class", () => { for (let i = 0; i < 100000; i++) new CategorizedStatement({ ...(copy(s) as any), themes: ["a" as ThemeId], scores: { a: 1 }, evidence: [], confidence: 1, needsReview: false, overridden: false }, true) })
time("keys", () => { for (let i = 0; i < 100000; i++) Object.keys(s) })
console.log(Object.getOwnPropertyNames(s), Object.getOwnPropertySymbols(s))
