import type { ChartKind } from "@udsagn/domain/Summary"
import { formatInt } from "@udsagn/danish/Format"
import type { TopLevelSpec } from "vega-lite"
import { daLocale } from "./VegaLocale.js"

// The chart kit: the shared look and the pieces every chart is built from (wrapped category
// labels, safe texts, the category axis). Theme charts and closed-question charts use it.

/** A chart to write: its file stem, what it shows (for people and screen readers) and the spec. */
export interface ChartSpec {
  /** File stem: `charts/<name>.vl.json`, `.svg`, `.png`. */
  readonly name: string
  readonly title: string
  /** A sentence or two for screen readers; also the SVG's aria-label. */
  readonly description: string
  /** Theme id when the chart belongs to one theme's section of the report. */
  readonly theme?: string
  /** What the chart shows; the report places it by this. */
  readonly kind: ChartKind
  /** For a closed question's chart: the question's index in `CategorizedResult.closedQuestions`. */
  readonly closedQuestion?: number
  readonly spec: TopLevelSpec
}

export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
export const TEXT = "#1f1f1f"
export const MUTED = "#4a4a4a"

/** Shared look: Danish locale, a font every machine has, white background, quiet axes. */
export const config = {
  locale: daLocale,
  font: "sans-serif",
  background: "white",
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: "start" as const,
    fontSize: 18,
    fontWeight: "bold" as const,
    color: TEXT,
    subtitleFontSize: 13,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14
  },
  axis: {
    labelFontSize: 13.5,
    labelColor: TEXT,
    titleFontSize: 13,
    titleColor: MUTED,
    titleFontWeight: "normal" as const,
    gridColor: "#e3e3e3",
    domainColor: "#9a9a9a",
    tickColor: "#9a9a9a"
  },
  legend: {
    labelFontSize: 13.5,
    labelColor: TEXT,
    titleFontSize: 12.5,
    titleColor: MUTED,
    titleFontWeight: "normal" as const,
    symbolType: "square",
    symbolSize: 140,
    labelLimit: 320
  },
  text: { fontSize: 13.5, color: TEXT }
}


/**
 * Greedy word wrap into at most `maxLines` lines of `width` characters; what does not fit
 * ends in "…". Vega draws an array of strings as lines.
 */
export const wrap = (text: string, width: number, maxLines = 3): ReadonlyArray<string> => {
  const words = text.trim().split(/\s+/).filter((w) => w !== "")
  const lines: Array<string> = []
  let line = ""
  for (let word of words) {
    while (word.length > width) {
      if (line !== "") lines.push(line), (line = "")
      lines.push(word.slice(0, width - 1) + "-")
      word = word.slice(width - 1)
    }
    if (line === "") line = word
    else if (line.length + 1 + word.length <= width) line += " " + word
    else lines.push(line), (line = word)
  }
  if (line !== "") lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  kept[maxLines - 1] = (last.length > width - 1 ? last.slice(0, width - 1).trimEnd() : last) + "…"
  return kept
}

/** Black or white, whichever reads better on the colour (WCAG contrast). */
export const textColorOn = (hex: string): string => {
  const h = hex.replace("#", "")
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const lum = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  return (1.05) / (lum + 0.05) >= (lum + 0.05) / 0.05 ? "#ffffff" : "#000000"
}

export const LINE_HEIGHT = 16

/**
 * Categories on a nominal scale, keyed `k0`, `k1`, … rather than by their text: vega fails on
 * a category named like an Object.prototype member ("constructor" is a real Danish key term),
 * and two options with the same text stay two bars. Axis and legend show the text.
 */
export interface Categories {
  readonly keys: ReadonlyArray<string>
  readonly lines: ReadonlyArray<ReadonlyArray<string>>
}
export const categories = (labels: ReadonlyArray<string>, width: number, maxLines: number): Categories => ({
  keys: labels.map((_, i) => `k${i}`),
  lines: labels.map((l) => wrap(l, width, maxLines))
})

// vega resolves some strings (a title, a string literal in an expression) through a plain
// object, so a text that is exactly "constructor" or "toString" breaks the chart. A trailing
// space makes it a different string; vega trims it when drawing.
const PROTO_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype))
export const safeText = <A>(value: A): A =>
  (typeof value === "string" && PROTO_NAMES.has(value)
    ? `${value} `
    : Array.isArray(value)
      ? value.map(safeText)
      : value) as A

/** A vega expression giving `values[i]` for the category key in `datum.value`. */
export const lookup = (keys: ReadonlyArray<string>, values: ReadonlyArray<unknown>): string =>
  `${JSON.stringify(safeText(values))}[indexof(${JSON.stringify(keys)}, datum.value)]`

/**
 * Axis properties that draw each label as its wrapped lines, centred on its bar: vega starts
 * a multi-line label at the tick, so shift it up by half its extra lines. Text and shift sit
 * in one encode block, since vega-lite's labelExpr would replace a separate `dy`.
 */
export const wrappedLabels = (c: Categories) => ({
  labelLineHeight: LINE_HEIGHT,
  encoding: {
    labels: {
      text: { value: { expr: lookup(c.keys, c.lines) } },
      dy: { value: { expr: lookup(c.keys, c.lines.map((l) => -((l.length - 1) * LINE_HEIGHT) / 2)) } }
    }
  }
})

/** Row height that fits the longest wrapped label with some air. */
export const stepFor = (c: Categories, min: number): number =>
  Math.max(min, Math.max(1, ...c.lines.map((l) => l.length)) * LINE_HEIGHT + 14)

export const plural = (n: number, one: string, many: string) => `${formatInt(n)} ${n === 1 ? one : many}`


/**
 * The category axis of a horizontal bar chart: one row per category key in order, labels drawn
 * as their wrapped lines, no domain line or ticks.
 */
export const categoryAxis = (
  cats: Categories,
  options: {
    readonly field?: string
    /** Pin the scale's domain to the keys (a stacked chart whose rows may lack data). */
    readonly pinned?: boolean
    readonly labelPadding?: number
    readonly labelLimit?: number
    readonly labelFontSize?: number
  } = {}
) => ({
  field: options.field ?? "key",
  type: "nominal" as const,
  sort: [...cats.keys],
  ...(options.pinned === true ? { scale: { domain: [...cats.keys] } } : {}),
  axis: {
    title: null,
    domain: false,
    ticks: false,
    labelPadding: options.labelPadding ?? 8,
    labelLimit: options.labelLimit ?? 320,
    ...(options.labelFontSize !== undefined ? { labelFontSize: options.labelFontSize } : {}),
    ...wrappedLabels(cats)
  }
})

/** The head of every spec: schema, the screen-reader description, title and subtitle. */
export const specHead = (
  description: string,
  text: string | ReadonlyArray<string>,
  subtitle: string | ReadonlyArray<string>
) => ({
  $schema: SCHEMA,
  description,
  title: { text: typeof text === "string" ? text : [...text], subtitle: typeof subtitle === "string" ? subtitle : [...subtitle] }
})

/**
 * Stacks `field` within each row (`groupby`) in `order`, giving each segment its span
 * `x0`–`x1` and its middle `mid`, where its number is written.
 */
export const stackedSegments = (field: string, groupby: string, order: string) => [
  { stack: field, groupby: [groupby], sort: [{ field: order, order: "ascending" as const }], as: ["x0", "x1"] as [string, string] },
  { calculate: "(datum.x0 + datum.x1) / 2", as: "mid" }
]
