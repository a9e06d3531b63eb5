import { Schema } from "effect"

// Agreement figures in data/training/metrics.json: `udsagn evaluate --write-metrics` encodes
// them with this schema and the report decodes them with it. Every field is optional and unknown
// fields are ignored, so the report shows what is there and says what is missing. Field order is
// the order written. Per-theme figures come as a `labels` array (what evaluate writes) or a
// `perLabel` record keyed by theme id (hand-written files).

const LabelFields = {
  precision: Schema.optional(Schema.Number),
  recall: Schema.optional(Schema.Number),
  f1: Schema.optional(Schema.Number),
  kappa: Schema.optional(Schema.Number),
  support: Schema.optional(Schema.Number)
}

/** One theme's figures. */
export const LabelFigures = Schema.Struct(LabelFields)
export type LabelFigures = typeof LabelFigures.Type

/** One row of the reliability table: statements whose confidence falls in [from, to). */
export const ReliabilityBin = Schema.Struct({
  from: Schema.Number,
  to: Schema.Number,
  n: Schema.Number,
  /** Share of these statements whose whole label set is right. */
  correct: Schema.Number,
  meanConfidence: Schema.Number
})
export type ReliabilityBin = typeof ReliabilityBin.Type

/** Macro-F1 after a person fixes a share of the statements. */
export const ReviewPoint = Schema.Struct({
  /** "none", "flagged", or "least-confident". */
  fix: Schema.String,
  share: Schema.Number,
  macroF1: Schema.Number
})
export type ReviewPoint = typeof ReviewPoint.Type

/** The figures of one measurement (a gold file or cross-validation). */
export const MetricSet = Schema.Struct({
  /** The gold file the figures were measured on. */
  file: Schema.optional(Schema.String),
  /** Statements flagged `needsReview`. */
  needsReview: Schema.optional(Schema.Number),
  folds: Schema.optional(Schema.Number),
  n: Schema.optional(Schema.Number),
  macroF1: Schema.optional(Schema.Number),
  microF1: Schema.optional(Schema.Number),
  exactMatch: Schema.optional(Schema.Number),
  minLabelF1: Schema.optional(Schema.Number),
  labels: Schema.optional(Schema.Array(Schema.Struct({ label: Schema.String, ...LabelFields }))),
  perLabel: Schema.optional(Schema.Record({ key: Schema.String, value: LabelFigures })),
  reliability: Schema.optional(Schema.Array(ReliabilityBin)),
  reviewCurve: Schema.optional(Schema.Array(ReviewPoint))
})
export type MetricSet = typeof MetricSet.Type

export const EvaluationMetrics = Schema.Struct({
  /** The shared evaluation set, coded by people, never trained on. */
  dev: Schema.optional(MetricSet),
  /** The bundled sample's human coding. */
  sample: Schema.optional(MetricSet),
  /** Any other gold file (the project's independent holdout). */
  gold: Schema.optional(MetricSet),
  /** The second independent holdout, written in a style unlike the training data (measured only). */
  holdout2: Schema.optional(MetricSet),
  /** The third, written apart by another writer in yet another style (measured only, never tuned on). */
  holdout3: Schema.optional(MetricSet),
  crossValidation: Schema.optional(MetricSet)
})
export type EvaluationMetrics = typeof EvaluationMetrics.Type

const MetricsJson = Schema.parseJson(EvaluationMetrics, { space: 2 })

/** metrics.json text → figures (Either: a malformed file is the caller's to report). */
export const decodeMetricsJson = Schema.decodeUnknownEither(MetricsJson)

/** Figures → metrics.json text (two-space indented, newline at the end). */
export const encodeMetricsJson = (metrics: EvaluationMetrics): string => Schema.encodeSync(MetricsJson)(metrics) + "\n"

/** Per-theme figures as [theme id, figures], whichever form the file used. */
export const labelFigures = (m: MetricSet): ReadonlyArray<readonly [string, LabelFigures]> =>
  m.labels !== undefined ? m.labels.map(({ label, ...rest }) => [label, rest] as const) : Object.entries(m.perLabel ?? {})
