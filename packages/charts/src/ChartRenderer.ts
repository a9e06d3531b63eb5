import { FileSystem, Path } from "@effect/platform"
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js"
import { ChartFile } from "@udsagn/domain/Summary"
import { Data, Effect } from "effect"
import * as vega from "vega"
import { compile } from "vega-lite"
import type { ChartSpec } from "./ChartSpecs.js"
import { textWidth } from "./TextWidth.js"

export class ChartError extends Data.TaggedError("ChartError")<{
  readonly chart: string
  readonly message: string
  readonly cause?: unknown
}> {}

// Without a canvas vega guesses text widths; measure with the font resvg will draw with.
// Process-wide, but the same function for every chart, so output stays deterministic.
vega.textMetrics.width = (item, text) => {
  const line = text == null ? "" : String(text).trim()
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11
  const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600
  const width = textWidth(line, size, bold)
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width
}

/** Where distributions keep DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core). */
const FONT_DIRS = [
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/dejavu",
  "/usr/share/fonts/TTF",
  "/usr/local/share/fonts",
  "/Library/Fonts"
]
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]

const messageOf = (cause: unknown): string => (cause instanceof globalThis.Error ? cause.message : String(cause))

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/**
 * Ready the SVG for inlining in a report next to other charts:
 * - `role="img"` with the description as `aria-label`, plus `<title>` and `<desc>`, so screen
 *   readers read one sentence instead of vega's per-mark labels (vega only sets the label on
 *   a live view's container, not in `toSVG`);
 * - ids (vega's `clip1`, `gradient1`, …) prefixed with the chart name, since every chart starts
 *   at 1 and ids must be unique in one HTML page.
 */
export const finishSvg = (svg: string, chart: Pick<ChartSpec, "name" | "title" | "description">): string => {
  const prefix = `udsagn-${chart.name}-`
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}${id}"`)
    .replace(
      /^<svg\b([^>]*)>/,
      (_, attrs: string) =>
        `<svg${attrs} role="img" aria-label="${escapeXml(chart.description)}">` +
        `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`
    )
}

export class ChartRenderer extends Effect.Service<ChartRenderer>()("@udsagn/charts/ChartRenderer", {
  effect: Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path

    // Prefer the exact font the layout was measured with; fall back to whatever the system has.
    const fontFiles: Array<string> = []
    for (const dir of FONT_DIRS) {
      const found = yield* Effect.forEach(FONT_FILES, (f) =>
        fs.exists(path.join(dir, f)).pipe(
          Effect.map((ok) => (ok ? path.join(dir, f) : undefined)),
          Effect.orElseSucceed(() => undefined)
        )
      )
      const files = found.filter((f): f is string => f !== undefined)
      if (files.length > 0) {
        fontFiles.push(...files)
        break
      }
    }
    const resvgOptions: ResvgRenderOptions = {
      fitTo: { mode: "zoom", value: 2 },
      background: "white",
      font:
        fontFiles.length > 0
          ? { loadSystemFonts: false, fontFiles, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" }
          : { loadSystemFonts: true }
    }
    if (fontFiles.length === 0)
      yield* Effect.logWarning(
        "DejaVu Sans blev ikke fundet; PNG-diagrammer bruger systemets skrifttyper. Installer fonts-dejavu-core for ens output."
      )

    /** The PNG of a finished SVG (as `render` makes it). */
    const pngOf = (svg: string, chart: string) =>
      Effect.try({
        try: () => new Uint8Array(new Resvg(svg, resvgOptions).render().asPng()),
        catch: (cause) => new ChartError({ chart, message: `Diagrammet ${chart} kunne ikke gemmes som PNG: ${messageOf(cause)}`, cause })
      })

    /** The chart's finished SVG (titled, ids prefixed). */
    const drawSvg = Effect.fn("ChartRenderer.drawSvg")(function* (chart: ChartSpec) {
      const fail = (what: string) => (cause: unknown) =>
        new ChartError({
          chart: chart.name,
          message: `Diagrammet "${chart.title}" (${chart.name}) kunne ikke ${what}: ${messageOf(cause)}`,
          cause
        })
      // Compile a copy made from the JSON we write: vega stamps ids and stack offsets onto
      // the data objects it is given, and the caller's spec must stay as it was.
      const vgSpec = yield* Effect.try({
        try: () => compile(JSON.parse(JSON.stringify(chart.spec))).spec,
        catch: fail("oversættes fra Vega-Lite")
      })
      const svg = yield* Effect.tryPromise({
        try: async () => {
          // vega numbers clip paths process-wide; restart so the same chart gives the same SVG.
          vega.resetSVGDefIds()
          const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logLevel: vega.Error })
          try {
            return await view.toSVG()
          } finally {
            view.finalize()
          }
        },
        catch: fail("tegnes som SVG")
      })
      return finishSvg(svg, chart)
    })

    const render = Effect.fn("ChartRenderer.render")(function* (chart: ChartSpec) {
      const titled = yield* drawSvg(chart)
      const png = yield* Effect.try({
        try: () => new Uint8Array(new Resvg(titled, resvgOptions).render().asPng()),
        catch: (cause) =>
          new ChartError({ chart: chart.name, message: `Diagrammet "${chart.title}" (${chart.name}) kunne ikke gemmes som PNG: ${messageOf(cause)}`, cause })
      })
      return { svg: titled, png }
    })

    /**
     * An earlier rendering of the same chart in `reuseDir` (a previous run's folder), when its
     * spec file is byte for byte the spec now, its title and description are the same (both are
     * in the SVG) and its SVG and PNG are there: then nothing needs drawing again.
     */
    const previous = (chart: ChartSpec, specText: string, reuseDir: string | undefined) =>
      Effect.gen(function* () {
        if (reuseDir === undefined) return undefined
        const base = path.join(reuseDir, "charts", chart.name)
        const old = yield* fs.readFileString(`${base}.vl.json`)
        if (old !== specText) return undefined
        const svg = yield* fs.readFileString(`${base}.svg`)
        if (!svg.includes(`<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`)) return undefined
        // Its PNG may not be made yet (left for its first download): then only the SVG is reused.
        const png = yield* fs.readFile(`${base}.png`).pipe(Effect.orElseSucceed(() => undefined))
        return { svg, png }
      }).pipe(Effect.orElseSucceed(() => undefined))

    /**
     * Draws every chart into `<outDir>/charts`. With `reuseDir`, a chart whose spec did not change
     * since that folder was written is copied from it instead of drawn again (a saved correction
     * changes a few counts, not every chart); `drawn` counts the charts drawn anew.
     */
    const writeAll = Effect.fn("ChartRenderer.writeAll")(function* (
      specs: ReadonlyArray<ChartSpec>,
      outDir: string,
      options: {
        readonly reuseDir?: string | undefined
        readonly onDrawn?: (name: string) => void
        /** `false`: a chart drawn anew gets no PNG yet (`pngOf` makes it when it is first wanted). */
        readonly png?: boolean
      } = {}
    ) {
      const dir = path.join(outDir, "charts")
      const ioError = (file: string) => (cause: unknown) =>
        new ChartError({ chart: path.basename(file), message: `Kunne ikke skrive ${file}: ${messageOf(cause)}`, cause })
      yield* fs.makeDirectory(dir, { recursive: true }).pipe(Effect.mapError(ioError(dir)))
      return yield* Effect.forEach(specs, (chart) =>
        Effect.gen(function* () {
          const specText = JSON.stringify(chart.spec, null, 2) + "\n"
          const reused = yield* previous(chart, specText, options.reuseDir)
          if (reused === undefined) options.onDrawn?.(chart.name)
          const made: { readonly svg: string; readonly png: Uint8Array | undefined } = reused ??
            (options.png === false ? { svg: yield* drawSvg(chart), png: undefined } : yield* render(chart))
          const { svg } = made
          const png = made.png ?? (options.png === false ? undefined : yield* pngOf(svg, chart.name))
          const base = path.join(dir, chart.name)
          yield* fs.writeFileString(`${base}.vl.json`, specText).pipe(Effect.mapError(ioError(`${base}.vl.json`)))
          yield* fs.writeFileString(`${base}.svg`, svg).pipe(Effect.mapError(ioError(`${base}.svg`)))
          if (png !== undefined) yield* fs.writeFile(`${base}.png`, png).pipe(Effect.mapError(ioError(`${base}.png`)))
          return new ChartFile({
            name: chart.name,
            title: chart.title,
            description: chart.description,
            svg,
            kind: chart.kind,
            ...(chart.theme !== undefined ? { theme: chart.theme } : {}),
            ...(chart.closedQuestion !== undefined ? { closedQuestion: chart.closedQuestion } : {})
          })
        })
      )
    })

    return { render, writeAll, pngOf } as const
  })
}) {}
