import { FileSystem, Path } from "@effect/platform"
import type { ResvgRenderOptions } from "@resvg/resvg-js"
import { ChartFile } from "@udsagn/domain/Summary"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type { ChartSpec } from "./ChartSpecs.js"
import { escapeXml, finishSvg } from "./ChartSvg.js"
import { chartThread, ChartThreadError } from "./ChartThread.js"

export { finishSvg } from "./ChartSvg.js"

export class ChartError extends Data.TaggedError("ChartError")<{
  readonly chart: string
  readonly message: string
  readonly cause?: unknown
}> {}

// vega (with vega-lite) and resvg are loaded when the first chart is drawn, once per process.
let vegaEngine: Promise<typeof import("./VegaEngine.js")> | undefined
const loadVega = () => (vegaEngine ??= import("./VegaEngine.js"))
let resvg: Promise<typeof import("@resvg/resvg-js")> | undefined
const loadResvg = () => (resvg ??= import("@resvg/resvg-js"))

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

/** How `writeAll` writes: see there. */
export interface WriteOptions {
  readonly reuseDir?: string | undefined
  readonly onDrawn?: (name: string) => void
  readonly png?: boolean
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

    const failure = (chart: ChartSpec, what: string) => (cause: unknown) =>
      new ChartError({
        chart: chart.name,
        message: `Diagrammet "${chart.title}" (${chart.name}) kunne ikke ${what}: ${messageOf(cause)}`,
        cause
      })
    // The thread's failures in the words of this thread's own.
    const threadFailure = (chart: ChartSpec) => (cause: unknown) => {
      const stage = cause instanceof ChartThreadError ? cause.stage : "svg"
      return failure(chart, stage === "load" ? "tegnes (vega kunne ikke indlæses)" : stage === "compile" ? "oversættes fra Vega-Lite" : "tegnes som SVG")(cause)
    }

    const renderSvg = Effect.fn("ChartRenderer.renderSvg")(function* (chart: ChartSpec) {
      const fail = (what: string) => failure(chart, what)
      const engine = yield* Effect.tryPromise({ try: loadVega, catch: fail("tegnes (vega kunne ikke indlæses)") })
      const vgSpec = yield* Effect.try({ try: () => engine.toVega(chart.spec), catch: fail("oversættes fra Vega-Lite") })
      const svg = yield* Effect.tryPromise({ try: () => engine.toSvg(vgSpec), catch: fail("tegnes som SVG") })
      return finishSvg(svg, chart)
    })

    /** The PNG of a finished SVG, drawn by resvg on libuv's thread pool: the JavaScript thread goes on meanwhile. */
    const pngOf = (svg: string, chart: string, title = chart) =>
      Effect.tryPromise({
        try: async () => new Uint8Array((await (await loadResvg()).renderAsync(svg, resvgOptions)).asPng()),
        catch: (cause) =>
          new ChartError({ chart, message: `Diagrammet "${title}" (${chart}) kunne ikke gemmes som PNG: ${messageOf(cause)}`, cause })
      })

    const render = Effect.fn("ChartRenderer.render")(function* (chart: ChartSpec) {
      const titled = yield* renderSvg(chart)
      const png = yield* pngOf(titled, chart.name, chart.title)
      return { svg: titled, png }
    })

    /**
     * An earlier rendering of the same chart in `reuseDir` (a previous run's folder), when its
     * spec file is byte for byte the spec now, its title and description are the same (both are
     * in the SVG) and its SVG is there: then nothing needs drawing again.
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
     * Draws every chart into `<outDir>/charts`: SVGs one after another in the chart thread (or
     * this one: see ChartThread.ts), each PNG on the thread pool meanwhile, all awaited (and
     * written) before the charts count as done.
     * With `reuseDir`, a chart whose spec did not change since that folder was written is copied
     * from it instead of drawn again (a saved correction changes a few counts, not every chart);
     * `onDrawn` names the charts drawn anew. `png: false`: a chart drawn anew gets no PNG yet
     * (`pngOf` makes it when it is first wanted).
     */
    const writeAll = (specs: ReadonlyArray<ChartSpec>, outDir: string, options: WriteOptions = {}) =>
      Effect.flatten(begin(specs, outDir, options))

    /**
     * `writeAll` in two steps: the charts to draw are handed to the chart thread now, and the
     * effect it gives waits for them and writes the files. So a run can start drawing the
     * charts of the counts and go on finding the sub-topics meanwhile.
     */
    const begin = Effect.fn("ChartRenderer.begin")(function* (
      specs: ReadonlyArray<ChartSpec>,
      outDir: string,
      options: WriteOptions = {}
    ) {
      const dir = path.join(outDir, "charts")
      const ioError = (file: string) => (cause: unknown) =>
        new ChartError({ chart: path.basename(file), message: `Kunne ikke skrive ${file}: ${messageOf(cause)}`, cause })
      yield* fs.makeDirectory(dir, { recursive: true }).pipe(Effect.mapError(ioError(dir)))
      const pngs: Array<Fiber.Fiber<void, ChartError>> = []
      const wantPng = options.png !== false
      // In the chart thread, when there is one: every chart to draw is asked for at once, and
      // this thread waits for each in turn.
      const specTexts = specs.map((chart) => JSON.stringify(chart.spec, null, 2) + "\n")
      const reusedAll = yield* Effect.forEach(specs, (chart, i) => previous(chart, specTexts[i]!, options.reuseDir))
      const thread = reusedAll.some((r) => r === undefined) ? chartThread() : undefined
      const inThread = specs.map((chart, i) => (thread !== undefined && reusedAll[i] === undefined ? thread.draw(chart) : undefined))
      return Effect.gen(function* () {
        const files = yield* Effect.forEach(specs, (chart, i) =>
          Effect.gen(function* () {
            const specText = specTexts[i]!
            const reused = reusedAll[i]
            if (reused === undefined) options.onDrawn?.(chart.name)
            const drawn = inThread[i]
            const svg = reused?.svg ??
              (drawn !== undefined ? yield* Effect.tryPromise({ try: () => drawn, catch: threadFailure(chart) }) : yield* renderSvg(chart))
            const base = path.join(dir, chart.name)
            const writePng = (png: Uint8Array) => fs.writeFile(`${base}.png`, png).pipe(Effect.mapError(ioError(`${base}.png`)))
            if (reused?.png !== undefined) yield* writePng(reused.png)
            else if (wantPng) pngs.push(yield* Effect.fork(pngOf(svg, chart.name, chart.title).pipe(Effect.flatMap(writePng))))
            yield* fs.writeFileString(`${base}.vl.json`, specText).pipe(Effect.mapError(ioError(`${base}.vl.json`)))
            yield* fs.writeFileString(`${base}.svg`, svg).pipe(Effect.mapError(ioError(`${base}.svg`)))
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
        ).pipe(Effect.onError(() => Fiber.interruptAll(pngs)))
        yield* Fiber.joinAll(pngs)
        return files
      })
    })

    /**
     * Starts the chart thread ahead (when charts are drawn in one), so vega loads while the
     * analysis reads and categorizes: an analysis calls it first.
     */
    const prepare = Effect.sync(() => {
      chartThread()
    })

    return { render, writeAll, begin, pngOf, prepare } as const
  })
}) {}
