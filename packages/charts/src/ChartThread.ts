import { threadEntry } from "@udsagn/domain/ThreadEntry"
import { Worker } from "node:worker_threads"
import type { ChartSpec } from "./ChartKit.js"
import type { ChartReply, ChartRequest, ChartStage } from "./ChartWorker.js"

/**
 * The charts' SVGs drawn in a thread of their own (ChartWorker.ts): started ahead (`prepare`, when
 * an analysis starts) it loads vega while this thread reads and categorizes, and it draws while
 * this one writes the other files. One per process, kept while the process runs; it holds
 * the process open only while a chart is being drawn.
 *
 * Used when compiled (the build has the entry `chart-worker`); from the sources (vitest, tsx) the
 * charts are drawn in this thread, unless UDSAGN_CHART_THREAD=1 (the tests of the thread itself).
 * UDSAGN_CHART_THREAD=0 turns it off in a build.
 */

export class ChartThreadError extends Error {
  constructor(
    readonly stage: ChartStage,
    message: string
  ) {
    super(message)
  }
}

interface Pending {
  readonly resolve: (svg: string) => void
  readonly reject: (e: ChartThreadError) => void
}

declare const __UDSAGN_BUILD_ID__: string | undefined

const wanted = (): boolean => {
  const setting = process.env["UDSAGN_CHART_THREAD"]
  if (setting === "0") return false
  return typeof __UDSAGN_BUILD_ID__ === "string" || setting === "1"
}

class Thread {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private next = 0
  broken: ChartThreadError | undefined

  constructor(file: URL | string, evaluate: boolean) {
    // execArgv empty: a thread must not inherit tsx's flags, which Node 20 cannot apply there.
    this.worker = new Worker(file, { eval: evaluate, execArgv: [] })
    this.worker.on("message", (reply: ChartReply) => this.answer(reply))
    const fail = (message: string) => {
      this.broken = new ChartThreadError("load", message)
      for (const p of this.pending.values()) p.reject(this.broken)
      this.pending.clear()
      this.worker.unref()
    }
    this.worker.on("error", (e) => fail(`tegnetråden stoppede: ${e.message}`))
    this.worker.on("exit", (code) => fail(`tegnetråden stoppede (kode ${code})`))
    // After the listeners: adding a "message" listener refs the thread again.
    this.worker.unref()
  }

  private answer(reply: ChartReply) {
    const p = this.pending.get(reply.id)
    if (p === undefined) return
    this.pending.delete(reply.id)
    // The thread keeps the process alive only while a chart is asked of it.
    if (this.pending.size === 0) this.worker.unref()
    if ("svg" in reply) p.resolve(reply.svg)
    else p.reject(new ChartThreadError(reply.stage, reply.error))
  }

  /** The chart's finished SVG (as ChartSvg.finishSvg makes it). */
  draw(chart: ChartSpec): Promise<string> {
    const id = this.next++
    let pending!: Pending
    const svg = new Promise<string>((resolve, reject) => {
      pending = { resolve, reject }
    })
    // A caller that gives up (another chart failed) must not leave an unhandled rejection.
    svg.catch(() => undefined)
    if (this.broken !== undefined) {
      pending.reject(this.broken)
      return svg
    }
    if (this.pending.size === 0) this.worker.ref()
    this.pending.set(id, pending)
    const request: ChartRequest = { id, name: chart.name, title: chart.title, description: chart.description, spec: chart.spec }
    this.worker.postMessage(request)
    return svg
  }
}

let thread: Thread | undefined

/**
 * The process' chart thread, started if need be; undefined when charts are drawn in this thread
 * (from the sources, or a build without the entry). One: on two cores this thread writes the
 * other files meanwhile (two chart threads measured no faster: each compiles vega anew).
 */
export const chartThread = (): Pick<Thread, "draw"> | undefined => {
  if (thread !== undefined && thread.broken === undefined) return thread
  if (!wanted()) return undefined
  const entry = threadEntry("chart-worker", new URL("./ChartWorker.ts", import.meta.url))
  if (entry === undefined) return undefined
  thread = new Thread(entry.file, entry.eval)
  return thread
}
