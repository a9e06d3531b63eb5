import type { TopLevelSpec } from "vega-lite"
import { parentPort } from "node:worker_threads"
import { finishSvg } from "./ChartSvg.js"

// The chart thread (see ChartThread.ts): vega and vega-lite loaded and run in a thread of their
// own, so the analysis' own thread goes on with the other files while the charts are drawn.
// Charts are drawn one at a time, in the order asked: vega numbers its SVG ids process-wide and
// is reset per chart, so two at once would not give the same SVG twice. (The PNGs are drawn from
// the SVGs by the asking thread: resvg works on libuv's pool, and its encoding would otherwise
// queue behind the next charts here.)

export interface ChartRequest {
  readonly id: number
  readonly name: string
  readonly title: string
  readonly description: string
  readonly spec: TopLevelSpec
}

/** What failed: loading vega, vega-lite's compile, or vega's drawing. */
export type ChartStage = "load" | "compile" | "svg"

export type ChartReply =
  | { readonly id: number; readonly svg: string }
  | { readonly id: number; readonly stage: ChartStage; readonly error: string }

const port = parentPort
if (port === null) throw new Error("ChartWorker.ts runs as a worker thread")

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

// Loading starts at once: the thread is started ahead of the first chart (ChartThread.ts).
const engine = import("./VegaEngine.js")
engine.catch(() => undefined)

let queue: Promise<void> = Promise.resolve()

const draw = async (request: ChartRequest): Promise<void> => {
  let stage: ChartStage = "load"
  try {
    const vega = await engine
    stage = "compile"
    const vgSpec = vega.toVega(request.spec)
    stage = "svg"
    const svg = finishSvg(await vega.toSvg(vgSpec), request)
    port.postMessage({ id: request.id, svg } satisfies ChartReply)
  } catch (cause) {
    port.postMessage({ id: request.id, stage, error: messageOf(cause) } satisfies ChartReply)
  }
}

// Compiled, the thread's code cache is written once its first charts are drawn (load-bundle.cjs).
const saveCodeCache = (globalThis as { __udsagnSaveCodeCache?: () => void }).__udsagnSaveCodeCache
let waiting = 0

port.on("message", (request: ChartRequest) => {
  waiting++
  queue = queue.then(() => draw(request)).then(() => {
    if (--waiting === 0 && saveCodeCache !== undefined) setImmediate(saveCodeCache)
  })
})
