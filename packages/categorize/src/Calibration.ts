// Calibration: turning cross-validated probabilities into decision thresholds.

/** Macro-F1 over the themes plus `other` (no theme assigned) for given per-theme thresholds. */
export const macroF1At = (
  probs: ReadonlyArray<ReadonlyArray<number>>,
  gold: ReadonlyArray<ReadonlyArray<boolean>>,
  thresholds: ReadonlyArray<number>
): number => {
  const k = thresholds.length
  const tp = new Array<number>(k + 1).fill(0)
  const fp = new Array<number>(k + 1).fill(0)
  const fn = new Array<number>(k + 1).fill(0)
  probs.forEach((p, i) => {
    const g = gold[i]!
    let any = false
    let goldAny = false
    for (let t = 0; t < k; t++) {
      const pred = p[t]! >= thresholds[t]!
      any ||= pred
      goldAny ||= g[t]!
      if (pred && g[t]) tp[t]!++
      else if (pred) fp[t]!++
      else if (g[t]) fn[t]!++
    }
    if (!any && !goldAny) tp[k]!++
    else if (!any) fp[k]!++
    else if (!goldAny) fn[k]!++
  })
  let sum = 0
  for (let t = 0; t <= k; t++) sum += tp[t]! === 0 ? 0 : (2 * tp[t]!) / (2 * tp[t]! + fp[t]! + fn[t]!)
  return sum / (k + 1)
}

/**
 * Per-theme thresholds maximizing macro-F1 (themes + other) on cross-validated probabilities:
 * coordinate ascent over a grid, starting at 0.5. The objective is smoothed over neighbouring
 * grid points (a threshold that is best only at one spot is noise), and among equally good
 * thresholds the one nearest 0.5 wins: the probabilities are calibrated, so 0.5 is the prior.
 */
export const tuneThresholds = (
  probs: ReadonlyArray<ReadonlyArray<number>>,
  gold: ReadonlyArray<ReadonlyArray<boolean>>
): Array<number> => {
  const k = gold[0]?.length ?? 0
  const th = new Array<number>(k).fill(0.5)
  const grid: Array<number> = []
  // Not below 0.2 or above 0.8: an extreme threshold fits the quirks of a few hundred statements.
  for (let x = 0.2; x <= 0.8 + 1e-9; x += 0.025) grid.push(Math.round(x * 1000) / 1000)
  for (let round = 0; round < 4; round++) {
    for (let t = 0; t < k; t++) {
      const raw = grid.map((g) => {
        const trial = [...th]
        trial[t] = g
        return macroF1At(probs, gold, trial)
      })
      const smooth = raw.map((_, i) => {
        const window = raw.slice(Math.max(0, i - 2), i + 3)
        return window.reduce((a, b) => a + b, 0) / window.length
      })
      const best = Math.max(...smooth)
      let pick = 0.5
      for (let i = 0; i < grid.length; i++) {
        if (smooth[i]! >= best - 1e-4 && Math.abs(grid[i]! - 0.5) < Math.abs(pick - 0.5)) pick = grid[i]!
      }
      if (!(smooth[grid.indexOf(pick)]! >= best - 1e-4)) pick = grid[smooth.indexOf(best)]!
      th[t] = pick
    }
  }
  return th
}
