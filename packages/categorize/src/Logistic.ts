/** A sparse row: feature indexes and their values (same length). */
export interface SparseRow {
  readonly index: Int32Array
  readonly value: Float64Array
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  readonly l2: number
  readonly iterations: number
}

export interface LogisticModel {
  readonly weights: Float64Array
  readonly bias: number
}

/** 1 / (1 + e^−z), without overflow for large |z|. */
export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

/** w·x + b for a sparse row. */
export const logit = (m: LogisticModel, row: SparseRow): number => {
  let z = m.bias
  for (let k = 0; k < row.index.length; k++) z += m.weights[row.index[k]!]! * row.value[k]!
  return z
}

export const probability = (m: LogisticModel, row: SparseRow): number => sigmoid(logit(m, row))

/**
 * Binary L2-regularized logistic regression, full-batch Nesterov-accelerated gradient descent
 * with step 1/L (L bounds the curvature of the mean log-loss plus penalty). The objective is
 * convex, so the result does not depend on row order or a random seed: training is reproducible.
 */
export const trainLogistic = (
  rows: ReadonlyArray<SparseRow>,
  labels: ReadonlyArray<number>,
  dim: number,
  options: LogisticOptions
): LogisticModel => {
  const n = rows.length
  let maxSq = 1
  for (const r of rows) {
    let s = 1 // bias feature
    for (let k = 0; k < r.value.length; k++) s += r.value[k]! * r.value[k]!
    if (s > maxSq) maxSq = s
  }
  const step = 1 / (0.25 * maxSq + options.l2)
  let w = new Float64Array(dim)
  let b = 0
  let wPrev = new Float64Array(dim)
  let bPrev = 0
  const y = new Float64Array(dim) // look-ahead point
  const grad = new Float64Array(dim)
  for (let it = 1; it <= options.iterations; it++) {
    const mom = (it - 1) / (it + 2)
    for (let j = 0; j < dim; j++) y[j] = w[j]! + mom * (w[j]! - wPrev[j]!)
    const yb = b + mom * (b - bPrev)
    grad.fill(0)
    let gb = 0
    for (let i = 0; i < n; i++) {
      const r = rows[i]!
      let z = yb
      for (let k = 0; k < r.index.length; k++) z += y[r.index[k]!]! * r.value[k]!
      const err = (sigmoid(z) - labels[i]!) / n
      gb += err
      for (let k = 0; k < r.index.length; k++) grad[r.index[k]!]! += err * r.value[k]!
    }
    const next = wPrev
    for (let j = 0; j < dim; j++) next[j] = y[j]! - step * (grad[j]! + options.l2 * y[j]!)
    wPrev = w
    w = next
    bPrev = b
    b = yb - step * gb
  }
  return { weights: w, bias: b }
}
