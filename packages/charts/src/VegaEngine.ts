import * as vega from "vega"
import { compile, type TopLevelSpec } from "vega-lite"
import { textWidth } from "./TextWidth.js"

// vega and vega-lite (hundreds of modules), loaded by ChartRenderer only when charts are drawn:
// a command that draws none (`--help`, `serve` until an upload) never pays for them.

// Without a canvas vega guesses text widths; measure with the font resvg will draw with.
// Process-wide, but the same function for every chart, so output stays deterministic.
vega.textMetrics.width = (item, text) => {
  const line = text == null ? "" : String(text).trim()
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11
  const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600
  const width = textWidth(line, size, bold)
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width
}

/** Vega-Lite to Vega, on a copy: vega stamps ids and stack offsets onto the data it is given. */
export const toVega = (spec: TopLevelSpec): vega.Spec => compile(JSON.parse(JSON.stringify(spec)) as TopLevelSpec).spec

/** A Vega spec drawn as SVG, headless. */
export const toSvg = async (spec: vega.Spec): Promise<string> => {
  // vega numbers clip paths process-wide; restart so the same chart gives the same SVG.
  vega.resetSVGDefIds()
  const view = new vega.View(vega.parse(spec), { renderer: "none", logLevel: vega.Error })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
