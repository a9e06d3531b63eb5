import { threadEntry, type ThreadEntry } from "@udsagn/domain/ThreadEntry"
import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import type { WorkerBatch, WorkerSetup } from "./CategorizeWorker.js"
import type { PlainCategorization } from "./TextCategorizer.js"
import { inDomainTerms, type TextCategorization, type ThemeModel } from "./ThemeModel.js"

/**
 * Categorizing on all cores: above PARALLEL_FROM texts, worker threads (CategorizeWorker.ts)
 * each rebuild the model from its data and take batches of texts off a queue; results are put
 * back by position, so the output is the same, in the same order, as categorizing in one thread
 * (the model is a pure function of the text). Below that, or with one core, starting the threads
 * costs more than it saves, and the texts are categorized here.
 */
export const PARALLEL_FROM = 20_000
const DEFAULT_BATCH = 2_000

export interface ParallelOptions {
  /** Cores to use, this thread's included; default: the cores available (or UDSAGN_CATEGORIZE_WORKERS; 0 or 1 = no threads). */
  readonly workers?: number | undefined
  /** Fewer texts than this are categorized in this thread; default PARALLEL_FROM (or UDSAGN_CATEGORIZE_PARALLEL_FROM). */
  readonly from?: number | undefined
  /** Texts per batch (default 2,000, or UDSAGN_CATEGORIZE_BATCH). */
  readonly batch?: number | undefined
  /** Whether this thread takes batches too (default true; false, or UDSAGN_CATEGORIZE_HERE=0, lets the workers do all: tests). */
  readonly here?: boolean | undefined
}

/**
 * Where the worker's code is: the build's entry `categorize-worker.cjs`, or CategorizeWorker.ts
 * next to this file under tsx (see ThreadEntry.ts). Undefined: no threads.
 */
export const workerEntry = (): ThreadEntry | undefined =>
  threadEntry("categorize-worker", new URL("./CategorizeWorker.ts", import.meta.url))

const configured = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return undefined
  const n = Number(raw)
  return Number.isInteger(n) && n >= 0 ? n : undefined
}

const batchSize = (options: ParallelOptions): number =>
  Math.max(1, options.batch ?? configured("UDSAGN_CATEGORIZE_BATCH") ?? DEFAULT_BATCH)

/**
 * How many worker threads `categorizeTexts` starts for n texts besides this one (0: none). This
 * thread categorizes too, so on c cores c - 1 workers keep every core busy.
 */
export const threadsFor = (n: number, options: ParallelOptions = {}): number => {
  const cores = options.workers ?? configured("UDSAGN_CATEGORIZE_WORKERS") ?? availableParallelism()
  const from = options.from ?? configured("UDSAGN_CATEGORIZE_PARALLEL_FROM") ?? PARALLEL_FROM
  if (cores < 2 || n < from) return 0
  return Math.min(cores - 1, Math.max(1, Math.ceil(n / batchSize(options)) - 1))
}

type Reply =
  | { readonly ready: true }
  | { readonly batch: number; readonly results: ReadonlyArray<PlainCategorization> }
  | { readonly batch: number; readonly error: string }

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Categorizes the texts with the model and returns the results in the texts' order. Above
 * PARALLEL_FROM texts, batches go to worker threads as they become ready while this thread
 * takes batches too (between them it lets the workers' answers in), so no core waits for a
 * thread to start. A thread that fails fails the whole call.
 */
export const categorizeTexts = async (
  model: ThemeModel,
  texts: ReadonlyArray<string>,
  options: ParallelOptions = {}
): Promise<Array<TextCategorization>> => {
  // Word-for-word copies (a large export's answers repeat: a quarter of them at 100,000) are
  // categorized once; the model is a pure function of the text, so each copy gets the same.
  const first = new Map<string, number>()
  const distinct: Array<string> = []
  const at = new Int32Array(texts.length)
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!
    let k = first.get(text)
    if (k === undefined) {
      k = distinct.length
      first.set(text, k)
      distinct.push(text)
    }
    at[i] = k
  }
  if (distinct.length === texts.length) return categorizeDistinct(model, texts, options)
  const results = await categorizeDistinct(model, distinct, options)
  return Array.from(at, (k) => results[k]!)
}

const categorizeDistinct = async (
  model: ThemeModel,
  texts: ReadonlyArray<string>,
  options: ParallelOptions
): Promise<Array<TextCategorization>> => {
  const threads = threadsFor(texts.length, options)
  const entry = threads > 0 ? workerEntry() : undefined
  if (entry === undefined) return texts.map((t) => model.categorizeText(t))

  const setup: WorkerSetup = { themeSet: model.themeSet, model: model.data }
  const BATCH = batchSize(options)
  const here = options.here ?? configured("UDSAGN_CATEGORIZE_HERE") !== 0
  const batches = Math.ceil(texts.length / BATCH)
  const out: Array<TextCategorization> = new Array(texts.length)
  let next = 0
  let done = 0
  let failure: unknown = undefined
  let allDone: () => void = () => {}
  const finished = new Promise<void>((resolve) => (allDone = resolve))
  const complete = () => {
    if (++done === batches) allDone()
  }
  const fail = (e: unknown) => {
    failure ??= e
    allDone()
  }
  const send = (w: Worker) => {
    if (next >= batches || failure !== undefined) return
    const batch = next++
    const message: WorkerBatch = { batch, texts: texts.slice(batch * BATCH, (batch + 1) * BATCH) }
    w.postMessage(message)
  }
  const workers: Array<Worker> = []
  try {
    for (let i = 0; i < threads; i++) {
      // execArgv empty: a thread must not inherit tsx's flags, which Node 20 cannot apply there.
      const w = new Worker(entry.file, { workerData: setup, eval: entry.eval, execArgv: [] })
      workers.push(w)
      w.on("error", fail)
      w.on("exit", (code) => {
        if (done < batches) fail(new Error(`categorize worker stopped (exit code ${code})`))
      })
      w.on("message", (reply: Reply) => {
        // Two batches at a time: its next is waiting when it finishes one, since this thread hears
        // of it (and sends another) only between batches of its own.
        if ("ready" in reply) {
          send(w)
          return send(w)
        }
        if ("error" in reply) return fail(new Error(`categorize worker: ${reply.error}`))
        const start = reply.batch * BATCH
        reply.results.forEach((r, k) => (out[start + k] = inDomainTerms(r)))
        complete()
        send(w)
      })
    }
    // This thread's share: a batch at a time, letting the workers' messages in between.
    while (here && next < batches && failure === undefined) {
      const batch = next++
      const end = Math.min(texts.length, (batch + 1) * BATCH)
      for (let i = batch * BATCH; i < end; i++) out[i] = model.categorizeText(texts[i]!)
      complete()
      await nextTurn()
    }
    await finished
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  if (failure !== undefined) throw failure
  return out
}
