import { aggregate } from "@udsagn/aggregate"
import {
  CategorizedResult,
  CategorizedStatement,
  ChartFile,
  ClosedOption,
  ClosedQuestion,
  EventInfo,
  Evidence,
  Exclusion,
  Ledger,
  MaskCounts,
  Question,
  type QuestionType,
  SourceLocation,
  type StatementId,
  type Summary,
  Theme,
  type ThemeId,
  ThemeSet
} from "@udsagn/domain"
import { trainingStatementsPath } from "@udsagn/domain/Paths"
import * as fs from "node:fs"
import { fileURLToPath } from "node:url"
import Papa from "papaparse"

// Test inputs built as domain objects from real files: the project's own labelled training
// statements (never the evaluation set) and the project's hostile fixture (test/fixtures).

export const hostileCsvPath = fileURLToPath(new URL("../../../test/fixtures/hostile-statements.csv", import.meta.url))

const theme = (id: string, label: string, color: string, description: string) =>
  new Theme({
    id: id as ThemeId,
    label,
    description,
    color,
    terms: [],
    exclusions: [],
    examples: []
  })

export const themeSet = new ThemeSet({
  name: "Organisatorisk sundhedskompetence",
  language: "da",
  otherLabel: "Andet",
  themes: [
    theme("patient-involvement", "Patientinvolvering", "#0072B2", "Den enkelte patients behov, stemme og valg."),
    theme("visual-communication", "Visuel kommunikation", "#E69F00", "Animationer, video og billeder, der forklarer."),
    theme("staff-burnout", "Medarbejdertrivsel og ildsjæle", "#009E73", "Dem der gør arbejdet: travlhed, trivsel og ildsjæle."),
    theme("health-literacy", "Sundhedskompetence", "#CC79A7", "At kunne finde, forstå og bruge sundhedsinformation.")
  ]
})

// Word starts that count as evidence for a theme, so highlighting has something to mark.
const CUES: Record<string, ReadonlyArray<string>> = {
  "patient-involvement": ["patient", "pårørende", "borger", "inddrag", "behov", "beslutning", "tryg"],
  "visual-communication": ["animation", "video", "film", "billed", "tegning", "visuel", "piktogram"],
  "staff-burnout": ["ildsjæl", "brænd", "travl", "personale", "medarbejder", "tid", "trivsel"],
  "health-literacy": ["sprog", "forst", "tolk", "brev", "fagsprog", "navig", "sundhedskompetence"]
}

const evidenceFor = (text: string, themes: ReadonlyArray<string>): ReadonlyArray<Evidence> =>
  themes.flatMap((t) => {
    const words = text.match(/[\p{L}-]+/gu) ?? []
    const hit = words.find((w) => (CUES[t] ?? []).some((c) => w.toLocaleLowerCase("da").startsWith(c)))
    return hit
      ? [new Evidence({ theme: t as ThemeId, match: hit, term: hit.toLocaleLowerCase("da"), weight: 1, source: "lexicon" })]
      : []
  })

const questionType = (q: string): QuestionType =>
  q === "Spørgsmål fra salen" ? "qa" : /ord/.test(q) && /\(1-3 ord\)|Ét ord/.test(q) ? "wordcloud" : "open"

interface Row {
  readonly question: string
  readonly text: string
  readonly themes: ReadonlyArray<string>
}

// Deterministic spread of confidences 0.30..0.98 so some statements fall under review.
const confidenceOf = (i: number) => 0.3 + ((i * 37) % 69) / 100

const statement = (i: number, row: Row, rawText: string = row.text, duplicateOf?: StatementId) => {
  const themes = (row.themes.length > 0 ? row.themes : ["other"]) as unknown as readonly [ThemeId, ...Array<ThemeId>]
  const confidence = confidenceOf(i)
  return new CategorizedStatement({
    id: `s${String(i + 1).padStart(4, "0")}` as StatementId,
    question: row.question,
    questionType: questionType(row.question),
    source: new SourceLocation({ sheet: "Udsagn", row: i + 2, column: 2 }),
    rawText,
    text: row.text,
    ...(duplicateOf !== undefined ? { duplicateOf } : {}),
    themes,
    scores: Object.fromEntries(themes.map((t) => [t, confidence])),
    evidence: evidenceFor(row.text, themes),
    confidence,
    needsReview: confidence < 0.5,
    overridden: false
  })
}

const questionsOf = (rows: ReadonlyArray<Row>) =>
  [...new Set(rows.map((r) => r.question))].map((title) =>
    new Question({ title, type: questionType(title), sessions: [1] })
  )

const closedQuestions = [
  new ClosedQuestion({
    title: "Hvor arbejder du?",
    type: "choices",
    respondents: 61,
    options: [
      new ClosedOption({ label: "Region", votes: 27 }),
      new ClosedOption({ label: "Kommune", votes: 21 }),
      new ClosedOption({ label: "Almen praksis", votes: 5 }),
      new ClosedOption({ label: "Patientforening", votes: 6 }),
      new ClosedOption({ label: "Andet", votes: 2 })
    ]
  }),
  new ClosedQuestion({
    title: "Hvor enig er du?",
    type: "scales",
    respondents: 48,
    options: [
      new ClosedOption({ label: "Vi taler for meget fagsprog", average: 3.9, distribution: [2, 4, 8, 18, 16] }),
      new ClosedOption({ label: "Vi har tid til den enkelte", average: 2.4, distribution: [12, 14, 10, 8, 4] })
    ]
  })
]

/** Every `step`-th labelled training statement (the project's own, not evaluation data). */
export const trainingRows = (step = 5): ReadonlyArray<Row> => {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(trainingStatementsPath, "utf8"), {
    header: true,
    skipEmptyLines: true
  })
  // The first batch only (t0001-t0900): training data grows (learn, new batches), and report
  // tests must not change their conference because of it.
  return parsed.data
    .slice(0, 900)
    .filter((_, i) => i % step === 0)
    .map((r) => ({
      question: r["question"] ?? "",
      text: r["text"] ?? "",
      themes: (r["themes"] ?? "").split("|").filter((t) => t.length > 0)
    }))
}

export interface Fixture {
  readonly result: CategorizedResult
  readonly summary: Summary
}

const build = (
  rows: ReadonlyArray<Row>,
  options: { rawTexts?: ReadonlyArray<string>; duplicates?: number; masked?: MaskCounts; source?: string } = {}
): Fixture => {
  const statements = rows.map((r, i) => statement(i, r, options.rawTexts?.[i] ?? r.text))
  // Word-for-word repeats of the first statements, as ingest marks them.
  for (let d = 0; d < (options.duplicates ?? 0); d++) {
    const original = statements[d]!
    statements.push(
      statement(statements.length, { question: original.question, text: original.text, themes: original.themes }, original.rawText, original.id)
    )
  }
  const excluded = [
    new Exclusion({ reason: "empty", label: "Tomme svar", count: 4, examples: [] }),
    new Exclusion({ reason: "test-answer", label: "Testsvar", count: 2, examples: ["test", "hej"] })
  ]
  const result = new CategorizedResult({
    event: new EventInfo({ title: "Konference om organisatorisk sundhedskompetence", date: "2024-12-05", participants: 87 }),
    themeSet,
    questions: questionsOf(rows),
    statements,
    closedQuestions,
    ledger: new Ledger({
      source: options.source ?? "menti-konference-2024-12-05.xlsx",
      layout: "menti-xlsx",
      read: statements.length + 6,
      kept: statements.length,
      excluded,
      masked: options.masked ?? new MaskCounts({ cpr: 0, phone: 0, email: 0 }),
      duplicates: options.duplicates ?? 0,
      closedQuestions: closedQuestions.length
    })
  })
  return { result, summary: aggregate(result) }
}

/** A conference-sized analysis: ~160 training statements and two duplicates. */
export const sampleFixture = (): Fixture => build(trainingRows(5), { duplicates: 2 })

/** Hostile texts from the project's hostile fixture (read with papaparse), as ingest would hand them on. */
export const hostileTexts = (): ReadonlyArray<{ question: string; text: string }> => {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(hostileCsvPath, "utf8"), {
    header: true,
    delimiter: ";",
    skipEmptyLines: true
  })
  return parsed.data.map((r) => ({ question: r["Spørgsmål"] ?? "", text: r["Svar"] ?? "" }))
}

// Masks as ingest writes them; only so the fixture resembles ingest's output. The tests check
// that no number survives into any file, whatever field it could have leaked from.
const testMask = (text: string) =>
  text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, "[e-mail]")
    .replace(/\b\d{6}-?\d{4}\b/g, "[CPR]")
    .replace(/(?:\+45\s?)?\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b/g, "[telefon]")

/**
 * The hostile statements, masked, with every theme among them so each reaches a theme
 * section. `rawText` deliberately keeps the unmasked text: if any output used it, the
 * digit checks would catch the leak.
 */
export const hostileFixture = (): Fixture => {
  const hostile = hostileTexts()
  const labels = ["visual-communication", "health-literacy", "health-literacy", "patient-involvement", "staff-burnout",
    "visual-communication", "health-literacy", "health-literacy", "staff-burnout", "staff-burnout", "health-literacy",
    "health-literacy"]
  const rows = hostile.map((h, i) => ({ question: h.question, text: testMask(h.text), themes: [labels[i % labels.length]!] }))
  // Hostile question titles too: they reach headings, tables and chart labels.
  rows.push({ question: "<b onmouseover=alert(2)>Spørgsmål</b>", text: "=1+1 mere tid til patienten", themes: ["patient-involvement"] })
  return build(rows, {
    rawTexts: [...hostile.map((h) => h.text), "=1+1 mere tid til patienten"],
    duplicates: 1,
    masked: new MaskCounts({ cpr: 1, phone: 2, email: 1 }),
    source: "hostile-statements.csv\"><script>alert(3)</script>"
  })
}

/** Plain bar charts drawn from the summary, standing in for the charts stage's SVG. */
export const simpleCharts = (summary: Summary): ReadonlyArray<ChartFile> => {
  const bars = (rows: ReadonlyArray<{ label: string; value: number; color: string }>) => {
    const max = Math.max(1, ...rows.map((r) => r.value))
    const h = rows.length * 28 + 10
    return `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="${h}" viewBox="0 0 560 ${h}" role="img">` +
      rows.map((r, i) =>
        `<text x="0" y="${i * 28 + 22}" font-size="12">${r.label.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>` +
        `<rect x="220" y="${i * 28 + 8}" width="${Math.round((r.value / max) * 300)}" height="18" fill="${r.color}"/>`
      ).join("") + "</svg>"
  }
  return [
    new ChartFile({
      name: "theme-overview",
      kind: "overview",
      title: "Udsagn pr. tema",
      description: "Vandrette søjler med antal udsagn for hvert tema.",
      svg: bars(summary.themes.map((t) => ({ label: t.label, value: t.count, color: t.color })))
    }),
    new ChartFile({
      name: "theme-by-question",
      kind: "matrix",
      title: "Temaer pr. spørgsmål",
      description: "Antal udsagn for hvert tema i hvert spørgsmål.",
      svg: bars(summary.matrix.filter((c) => c.count > 0).slice(0, 12).map((c) => ({
        label: `${c.theme}: ${c.question.slice(0, 20)}`,
        value: c.count,
        color: summary.themes.find((t) => t.theme === c.theme)?.color ?? "#999"
      })))
    })
  ]
}
