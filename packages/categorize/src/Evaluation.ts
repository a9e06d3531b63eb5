/** One statement with its human (gold) labels and the categorizer's labels. */
export interface LabeledPrediction {
  readonly id: string
  readonly text: string
  readonly gold: ReadonlyArray<string>
  readonly predicted: ReadonlyArray<string>
}

export interface LabelMetrics {
  readonly label: string
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Statements the gold labels give this label. */
  readonly support: number
  /** Statements the categorizer gives this label. */
  readonly predicted: number
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly tn: number
  /** Cohen's kappa of the yes/no decision for this label, gold vs categorizer. */
  readonly kappa: number
}

/** A disagreement: `gold` missed and `predicted` given instead ("—" when nothing on that side). */
export interface Confusion {
  readonly gold: string
  readonly predicted: string
  readonly count: number
  readonly examples: ReadonlyArray<string>
}

export interface EvaluationReport {
  readonly n: number
  readonly labels: ReadonlyArray<LabelMetrics>
  readonly macroF1: number
  readonly microF1: number
  /** Share of statements whose label set is exactly the gold set. */
  readonly exactMatch: number
  readonly confusions: ReadonlyArray<Confusion>
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)

/** Cohen's kappa for a 2x2 table; 1 when both raters agree on everything, also in degenerate tables. */
export const cohensKappa = (tp: number, fp: number, fn: number, tn: number): number => {
  const n = tp + fp + fn + tn
  if (n === 0) return 0
  const po = (tp + tn) / n
  const pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
  if (pe === 1) return po === 1 ? 1 : 0
  return (po - pe) / (1 - pe)
}

/** Per-label and overall agreement. F1 is 0 where a label has no true positives (sklearn's zero_division=0). */
export const evaluatePredictions = (
  rows: ReadonlyArray<LabeledPrediction>,
  labels: ReadonlyArray<string>,
  examplesPerConfusion = 3
): EvaluationReport => {
  const n = rows.length
  const per = labels.map((label) => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (const r of rows) {
      const g = r.gold.includes(label)
      const p = r.predicted.includes(label)
      if (g && p) tp++
      else if (p) fp++
      else if (g) fn++
    }
    const tn = n - tp - fp - fn
    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
    return { label, precision, recall, f1, support: tp + fn, predicted: tp + fp, tp, fp, fn, tn, kappa: cohensKappa(tp, fp, fn, tn) }
  })
  const sum = (k: "tp" | "fp" | "fn") => per.reduce((s, m) => s + m[k], 0)
  const TP = sum("tp")
  const microF1 = TP === 0 ? 0 : (2 * TP) / (2 * TP + sum("fp") + sum("fn"))
  const macroF1 = per.length === 0 ? 0 : per.reduce((s, m) => s + m.f1, 0) / per.length
  let exact = 0
  const pairs = new Map<string, { gold: string; predicted: string; count: number; examples: Array<string> }>()
  for (const r of rows) {
    const missed = r.gold.filter((g) => !r.predicted.includes(g))
    const extra = r.predicted.filter((p) => !r.gold.includes(p))
    if (missed.length === 0 && extra.length === 0) {
      exact++
      continue
    }
    const golds = missed.length > 0 ? missed : ["—"]
    const preds = extra.length > 0 ? extra : ["—"]
    for (const g of golds) {
      for (const p of preds) {
        const key = `${g}\u0000${p}`
        const entry = pairs.get(key) ?? { gold: g, predicted: p, count: 0, examples: [] }
        entry.count++
        if (entry.examples.length < examplesPerConfusion) entry.examples.push(r.text)
        pairs.set(key, entry)
      }
    }
  }
  const confusions = [...pairs.values()].sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
  return { n, labels: per, macroF1, microF1, exactMatch: ratio(exact, n), confusions }
}
