import { Schema } from "effect"

// Agreement figures written by `pnpm evaluate --write-metrics` (data/training/metrics.json).
// Every field is optional and unknown fields are ignored: the report shows what is there and
// says what is missing. Per-theme figures come as a `labels` array (what evaluate writes) or a
// `perLabel` record keyed by theme id.

const LabelFields = {
  precision: Schema.optional(Schema.Number),
  recall: Schema.optional(Schema.Number),
  f1: Schema.optional(Schema.Number),
  support: Schema.optional(Schema.Number),
  kappa: Schema.optional(Schema.Number)
}

export const LabelMetrics = Schema.Struct(LabelFields)
export type LabelMetrics = typeof LabelMetrics.Type

export const MetricSet = Schema.Struct({
  /** The gold file the figures were measured on. */
  file: Schema.optional(Schema.String),
  n: Schema.optional(Schema.Number),
  macroF1: Schema.optional(Schema.Number),
  microF1: Schema.optional(Schema.Number),
  exactMatch: Schema.optional(Schema.Number),
  minLabelF1: Schema.optional(Schema.Number),
  needsReview: Schema.optional(Schema.Number),
  folds: Schema.optional(Schema.Number),
  labels: Schema.optional(Schema.Array(Schema.Struct({ label: Schema.String, ...LabelFields }))),
  perLabel: Schema.optional(Schema.Record({ key: Schema.String, value: LabelMetrics }))
})
export type MetricSet = typeof MetricSet.Type

export const EvaluationMetrics = Schema.Struct({
  /** The shared evaluation set, coded by people, never trained on. */
  dev: Schema.optional(MetricSet),
  /** The bundled sample's human coding. */
  sample: Schema.optional(MetricSet),
  /** Any other gold file. */
  gold: Schema.optional(MetricSet),
  crossValidation: Schema.optional(MetricSet)
})
export type EvaluationMetrics = typeof EvaluationMetrics.Type

export const decodeMetricsJson = Schema.decodeUnknownEither(Schema.parseJson(EvaluationMetrics))

/** Per-theme figures as [theme id, figures], whichever form the file used. */
export const labelMetrics = (m: MetricSet): ReadonlyArray<readonly [string, LabelMetrics]> =>
  m.labels !== undefined
    ? m.labels.map(({ label, ...rest }) => [label, rest] as const)
    : Object.entries(m.perLabel ?? {})
