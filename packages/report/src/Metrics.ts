import { Schema } from "effect"

// Agreement figures written by the categorizer's evaluation (data/training/metrics.json).
// Every field is optional: the report shows what is there and says what is missing.

export const LabelMetrics = Schema.Struct({
  precision: Schema.optional(Schema.Number),
  recall: Schema.optional(Schema.Number),
  f1: Schema.optional(Schema.Number),
  support: Schema.optional(Schema.Number),
  kappa: Schema.optional(Schema.Number)
})
export type LabelMetrics = typeof LabelMetrics.Type

export const MetricSet = Schema.Struct({
  macroF1: Schema.optional(Schema.Number),
  microF1: Schema.optional(Schema.Number),
  exactMatch: Schema.optional(Schema.Number),
  perLabel: Schema.optional(Schema.Record({ key: Schema.String, value: LabelMetrics })),
  n: Schema.optional(Schema.Number),
  folds: Schema.optional(Schema.Number)
})
export type MetricSet = typeof MetricSet.Type

export const EvaluationMetrics = Schema.Struct({
  dev: Schema.optional(MetricSet),
  sample: Schema.optional(MetricSet),
  crossValidation: Schema.optional(MetricSet)
})
export type EvaluationMetrics = typeof EvaluationMetrics.Type

export const decodeMetricsJson = Schema.decodeUnknownEither(Schema.parseJson(EvaluationMetrics))
