import { Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import {
  Categorizer,
  crossValidate,
  evaluatePredictions,
  parseLabeledCsv,
  ThemeLoader,
  calibrationError,
  reliabilityTable,
  reviewCurve,
  type CrossValidationResult,
  type EvaluationReport,
  type ReliabilityBin,
  type ReviewPoint,
  type ScoredPrediction
} from "@udsagn/categorize"
import { decodeMetricsJson, encodeMetricsJson, type EvaluationMetrics, type MetricSet } from "@udsagn/domain/EvaluationMetrics"
import { currentLocations } from "@udsagn/domain/DataLocations"
import { formatDecimal, formatInt } from "@udsagn/danish/Format"
import { SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"
import { OTHER } from "@udsagn/domain/Theme"
import { Console, Data, Effect, Either, Layer, Option } from "effect"
import * as NodePath from "node:path"
import { resolveUserPath } from "../Paths.js"

/** A gold file or the training data that cannot be used for evaluation. */
export class EvaluateError extends Data.TaggedError("EvaluateError")<{ readonly message: string; readonly cause?: unknown }> {}

// Danish decimals (danish's one formatter), fixed width so the markdown columns line up in a terminal.
const pct = (x: number) => formatDecimal(100 * x, 1).padStart(5)
const f3 = (x: number) => formatDecimal(x, 3)

/** The agreement table as printed by `udsagn evaluate` (markdown, readable in a terminal). */
export const formatReport = (title: string, r: EvaluationReport, labelNames: Record<string, string> = {}): string => {
  const lines = [
    `## ${title} (${r.n} udsagn)`,
    "",
    "| tema | præcision | genkaldelse | F1 | kappa | støtte | tildelt |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.labels.map(
      (l) =>
        `| ${labelNames[l.label] ?? l.label} (\`${l.label}\`) | ${pct(l.precision)} % | ${pct(l.recall)} % | ${f3(l.f1)} | ${f3(l.kappa)} | ${l.support} | ${l.predicted} |`
    ),
    "",
    `makro-F1 ${f3(r.macroF1)} · mikro-F1 ${f3(r.microF1)} · helt rigtige temasæt ${pct(r.exactMatch).trim()} % · laveste tema-F1 ${f3(Math.min(...r.labels.map((l) => l.f1)))}`
  ]
  if (r.confusions.length > 0) {
    lines.push("", "Uenigheder (menneske → kategorisering, — = intet):")
    for (const c of r.confusions.slice(0, 12)) {
      lines.push(`- ${c.gold} → ${c.predicted}: ${c.count}  fx ${c.examples.map((e) => `"${e}"`).join(", ")}`)
    }
  }
  return lines.join("\n")
}

/** Confidence and review measured on scored predictions (both printed and kept in metrics.json). */
export interface ReviewFigures {
  readonly reliability: ReadonlyArray<ReliabilityBin>
  readonly curve: ReadonlyArray<ReviewPoint>
}

export const reviewFigures = (rows: ReadonlyArray<ScoredPrediction>, labels: ReadonlyArray<string>): ReviewFigures => ({
  reliability: reliabilityTable(rows),
  curve: reviewCurve(rows, labels)
})

const fixLabel = (p: ReviewPoint) =>
  p.fix === "none" ? "intet (som kategoriseret)" : p.fix === "flagged" ? "de markerede til gennemsyn" : `de ${Math.round(100 * p.share)} % mindst sikre`

/** The reliability table and the review curve as printed by `udsagn evaluate`. */
export const formatReview = (f: ReviewFigures): string =>
  [
    "Pålidelighed: sikkerhed mod andel helt rigtige temasæt",
    "",
    "| sikkerhed | udsagn | helt rigtige | gns. sikkerhed |",
    "| --- | ---: | ---: | ---: |",
    ...f.reliability.map((b) => `| ${formatDecimal(b.from, 2)}–${formatDecimal(b.to, 2)} | ${b.n} | ${pct(b.correct)} % | ${f3(b.meanConfidence)} |`),
    "",
    `kalibreringsfejl (ECE) ${f3(calibrationError(f.reliability))}`,
    "",
    "Gennemsyn: makro-F1 efter at en person retter",
    "",
    "| rettet | andel | makro-F1 |",
    "| --- | ---: | ---: |",
    ...f.curve.map((p) => `| ${fixLabel(p)} | ${pct(p.share)} % | ${f3(p.macroF1)} |`)
  ].join("\n")

const round4 = (x: number) => Math.round(x * 10000) / 10000

/** The figures kept in metrics.json (deterministic: no timestamps). */
export const metricsEntry = (
  file: string,
  r: EvaluationReport,
  extra: { readonly needsReview?: number; readonly folds?: number } = {},
  review?: ReviewFigures
): MetricSet => ({
  file,
  ...extra,
  n: r.n,
  macroF1: round4(r.macroF1),
  microF1: round4(r.microF1),
  exactMatch: round4(r.exactMatch),
  minLabelF1: round4(Math.min(...r.labels.map((l) => l.f1))),
  labels: r.labels.map((l) => ({
    label: l.label,
    precision: round4(l.precision),
    recall: round4(l.recall),
    f1: round4(l.f1),
    kappa: round4(l.kappa),
    support: l.support
  })),
  ...(review
    ? {
        reliability: review.reliability.map((b) => ({ ...b, correct: round4(b.correct), meanConfidence: round4(b.meanConfidence) })),
        reviewCurve: review.curve.map((p) => ({ ...p, share: round4(p.share), macroF1: round4(p.macroF1) }))
      }
    : {})
})

/** Which slot of metrics.json a gold file fills: the shared dev set, the sample's gold, or other. */
export const metricsSlot = (goldPath: string): "dev" | "sample" | "holdout2" | "holdout3" | "gold" => {
  const base = NodePath.basename(goldPath)
  if (base.startsWith("dev-statements")) return "dev"
  if (base.endsWith(".gold.csv")) return "sample"
  if (base.startsWith("holdout2")) return "holdout2"
  if (base.startsWith("holdout3")) return "holdout3"
  return "gold"
}

const readText = (path: string, what: string) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFileString(path)).pipe(
    Effect.mapError((cause) => new EvaluateError({ message: `${what} kunne ikke læses: ${path} (${cause.message}).`, cause }))
  )

export const evaluate = Effect.fn("Evaluate.run")(function* (args: {
  readonly gold: string
  readonly themes: Option.Option<string>
  readonly folds: number
  readonly writeMetrics: boolean
}) {
  const fs = yield* FileSystem.FileSystem
  const goldPath = resolveUserPath(args.gold)
  const themeSet = yield* (yield* ThemeLoader).load(Option.getOrUndefined(Option.map(args.themes, resolveUserPath)))
  const labelNames: Record<string, string> = Object.fromEntries(themeSet.themes.map((t) => [t.id, t.label]))
  labelNames[OTHER] = themeSet.otherLabel
  const labels = [...themeSet.themes.map((t) => t.id as string), OTHER]

  const parsed = parseLabeledCsv(yield* readText(goldPath, "Guldfilen"))
  if (parsed.rows.length === 0) {
    return yield* new EvaluateError({
      message: `Guldfilen ${goldPath} har ingen brugbare rækker (kolonner id,question,text,themes). ${parsed.problems.slice(0, 3).join("; ")}`
    })
  }
  const statements = parsed.rows.map(
    (r, i) =>
      new Statement({
        id: StatementId.make(r.id || `g${i + 1}`),
        question: r.question ?? "",
        questionType: "open",
        source: new SourceLocation({ sheet: NodePath.basename(goldPath), row: i + 2, column: 3 }),
        rawText: r.text,
        text: r.text
      })
  )
  const t0 = performance.now()
  const categorized = yield* (yield* Categorizer).categorize(statements, themeSet)
  const ms = performance.now() - t0
  const scored: Array<ScoredPrediction> = parsed.rows.flatMap((r, i) => {
    const c = categorized[i]
    return c ? [{ id: r.id, text: r.text, gold: r.themes, predicted: c.themes, confidence: c.confidence, needsReview: c.needsReview }] : []
  })
  const report = evaluatePredictions(scored, labels)
  const goldReview = reviewFigures(scored, labels)
  const review = categorized.filter((s) => s.needsReview).length
  yield* Console.log(formatReport(`Guldfil ${NodePath.basename(goldPath)}`, report, labelNames))
  yield* Console.log(`\n${review} af ${categorized.length} udsagn markeret til gennemsyn · kategoriseret på ${formatInt(ms)} ms`)
  yield* Console.log("\n" + formatReview(goldReview))
  if (parsed.problems.length > 0) yield* Console.log(`Sprunget over: ${parsed.problems.slice(0, 5).join("; ")}`)

  const { metricsFile: metricsPath, trainingFile: trainingStatementsPath } = yield* currentLocations
  let cv: CrossValidationResult | undefined
  let cvReview: ReviewFigures | undefined
  if (args.folds >= 2) {
    const training = parseLabeledCsv(yield* readText(trainingStatementsPath, "Træningsdata"))
    cv = crossValidate(themeSet, training.rows, args.folds)
    yield* Console.log("\n" + formatReport(`Krydsvalidering, ${args.folds} fold på træningsdata`, cv.report, labelNames))
    cvReview = reviewFigures(cv.predictions, labels)
    const flagged = cv.predictions.filter((p) => p.needsReview).length
    yield* Console.log(`\n${flagged} af ${cv.predictions.length} udsagn markeret til gennemsyn (krydsvalideret)`)
    yield* Console.log("\n" + formatReview(cvReview))
  }

  if (args.writeMetrics) {
    // What is there already stays (the other slots); a missing or malformed file starts empty.
    const existing: EvaluationMetrics = yield* fs.readFileString(metricsPath).pipe(
      Effect.map((t) => Either.getOrElse(decodeMetricsJson(t), (): EvaluationMetrics => ({}))),
      Effect.orElseSucceed((): EvaluationMetrics => ({}))
    )
    const slot = metricsSlot(goldPath)
    const next: EvaluationMetrics = {
      ...existing,
      [slot]: metricsEntry(NodePath.basename(goldPath), report, { needsReview: review }, goldReview),
      ...(cv ? { crossValidation: metricsEntry(NodePath.basename(trainingStatementsPath), cv.report, { folds: cv.folds, needsReview: cv.predictions.filter((p) => p.needsReview).length }, cvReview) } : {})
    }
    yield* fs
      .writeFileString(metricsPath, encodeMetricsJson(next))
      .pipe(Effect.mapError((cause) => new EvaluateError({ message: `Kunne ikke skrive ${metricsPath} (${cause.message}).`, cause })))
    yield* Console.log(`\nTal skrevet til ${metricsPath} (${slot}${cv ? " + crossValidation" : ""}).`)
  }
  return report
})

export const evaluateCommand = Command.make(
  "evaluate",
  {
    gold: Options.text("gold").pipe(Options.withDescription("Csv med menneskelig kodning: id,question,text,themes (temaer adskilt af |)")),
    themes: Options.text("themes").pipe(Options.withDescription("Temafil (json); standard: data/themes/default.json"), Options.optional),
    folds: Options.integer("folds").pipe(Options.withDescription("Krydsvalidering på træningsdata med k fold (0 = spring over)"), Options.withDefault(5)),
    writeMetrics: Options.boolean("write-metrics").pipe(Options.withDescription("Skriv tallene til data/training/metrics.json"))
  },
  (args) => evaluate(args).pipe(Effect.asVoid, Effect.provide(Layer.mergeAll(Categorizer.Default, ThemeLoader.Default)))
).pipe(Command.withDescription("Mål kategoriseringen mod menneskelig kodning (F1, kappa, uenigheder, pålidelighed, gennemsyn)."))
