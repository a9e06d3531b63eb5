// The agreement figures' schema lives in the domain (`udsagn evaluate` writes with it, the
// report reads with it); these names are the report's view of it.
export {
  decodeMetricsJson,
  EvaluationMetrics,
  LabelFigures as LabelMetrics,
  labelFigures as labelMetrics,
  MetricSet
} from "@udsagn/domain/EvaluationMetrics"
