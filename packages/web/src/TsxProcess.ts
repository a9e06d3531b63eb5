import { repoRoot } from "@udsagn/domain/Paths"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { SERVER_PID_ENV } from "./ParentWatch.js"
import { fileURLToPath } from "node:url"

// The one launcher of the web app's child processes (retraining, analyses). Compiled (the
// commands run from `.build/<id>/`, see scripts/build.mjs) a child is `node scripts/load-bundle.cjs
// <build>/<name>-worker.cjs` from the same build as the server: it starts in a fraction of a second. Run from the sources
// (vitest, tsx) it is `node tsx src/bin/<name>.ts`. A process, not a worker thread: its memory
// limit and a kill on time-out are its own.

export class ChildFailed extends Data.TaggedError("ChildFailed")<{
  /** `exit` (non-zero code), `signal` (killed, e.g. out of memory), `spawn` (could not start). */
  readonly reason: "exit" | "signal" | "spawn"
  readonly message: string
  readonly stdout: string
  readonly cause?: unknown
}> {}

/** Set by the build (esbuild `define`) to the build's folder name; absent in the sources. */
declare const __UDSAGN_BUILD_ID__: string | undefined
const buildId = typeof __UDSAGN_BUILD_ID__ === "string" ? __UDSAGN_BUILD_ID__ : undefined

export type ChildEntry = "analyze" | "retrain"

/** The command line that starts a child entry: the compiled file, or tsx with its source. */
export const childCommand = (entry: ChildEntry): ReadonlyArray<string> => {
  if (buildId !== undefined) {
    const root = process.env["UDSAGN_BUILD_DIR"] || join(repoRoot, ".build")
    return [join(repoRoot, "scripts/load-bundle.cjs"), join(root, buildId, `${entry}-worker.cjs`)]
  }
  const tsxCli = join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/cli.mjs")
  return [tsxCli, fileURLToPath(new URL(`./bin/${entry}.ts`, import.meta.url))]
}

export interface TsxOptions {
  /** The heap limit of the child, in MB (`--max-old-space-size`, passed on to tsx's own child under tsx). */
  readonly maxOldSpaceMb?: number | undefined
  /** Each line the child writes to stdout, as it comes. */
  readonly onLine?: ((line: string) => void) | undefined
}

const spawnChild = (entry: ChildEntry, args: ReadonlyArray<string>, heapMb: number | undefined, spare: boolean) => {
  const heap = heapMb !== undefined ? `--max-old-space-size=${Math.floor(heapMb)}` : ""
  const nodeOptions = [process.env["NODE_OPTIONS"] ?? "", heap].filter((s) => s !== "").join(" ")
  return spawn(process.execPath, [...childCommand(entry), ...(spare ? ["--stdin"] : args)], {
    stdio: [spare ? "pipe" : "ignore", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, NODE_OPTIONS: nodeOptions, [SERVER_PID_ENV]: String(process.pid) }
  })
}

// Compiled, one analysis child is started ahead (`--stdin`: loaded, waiting for its job's file
// on stdin), so an upload does not wait for a process to start and load its code. It is started
// after the previous analysis ended (never beside one: two cores), and ends with the server
// (ParentWatch, or its stdin closing).
const spares = new Map<string, ReturnType<typeof spawnChild>>()
const spareKey = (entry: ChildEntry, heapMb: number | undefined) => `${entry}:${heapMb ?? ""}`

/** Starts a waiting child for the next `runChild(entry)` (compiled builds only). */
export const prestartChild = (entry: ChildEntry, heapMb?: number) => {
  const key = spareKey(entry, heapMb)
  const current = spares.get(key)
  if (buildId === undefined || entry !== "analyze" || (current !== undefined && current.exitCode === null && current.signalCode === null)) return
  const child = spawnChild(entry, [], heapMb, true)
  child.once("error", () => spares.delete(key))
  child.once("exit", () => spares.get(key) === child && spares.delete(key))
  child.unref()
  spares.set(key, child)
}

const takeSpare = (entry: ChildEntry, args: ReadonlyArray<string>, heapMb: number | undefined) => {
  const key = spareKey(entry, heapMb)
  const child = spares.get(key)
  spares.delete(key)
  if (child === undefined || child.exitCode !== null || child.signalCode !== null || child.stdin === null || args.some((a) => a.includes("\n"))) {
    return undefined
  }
  // A spare that died just now: the write fails quietly and the run fails as its exit says.
  child.stdin.on("error", () => undefined)
  child.stdin.end(args.join("\t") + "\n")
  child.ref()
  return child
}

/**
 * Runs a child entry with `args` and succeeds with its stdout when it exits with 0. Interrupting
 * the effect (a timeout) kills the whole process group (under tsx, tsx's own child too).
 */
export const runChild = (entry: ChildEntry, args: ReadonlyArray<string>, options: TsxOptions = {}) =>
  Effect.async<string, ChildFailed>((resume) => {
    const child = takeSpare(entry, args, options.maxOldSpaceMb) ?? spawnChild(entry, args, options.maxOldSpaceMb, false)
    child.once("close", () => prestartChild(entry, options.maxOldSpaceMb))
    let stdout = ""
    let pending = ""
    let stderr = ""
    child.stdout!.on("data", (d: Buffer) => {
      const text = d.toString()
      stdout += text
      if (options.onLine === undefined) return
      pending += text
      const lines = pending.split("\n")
      pending = lines.pop() ?? ""
      for (const line of lines) options.onLine(line)
    })
    child.stderr!.on("data", (d: Buffer) => {
      // Only the tail is kept: a child that logs a lot must not fill the server's memory.
      stderr = (stderr + d.toString()).slice(-8192)
    })
    child.once("error", (cause) => resume(Effect.fail(new ChildFailed({ reason: "spawn", message: cause.message, stdout, cause }))))
    child.once("close", (code, signal) => {
      if (code === 0) return resume(Effect.succeed(stdout))
      const last = stderr.trim().split("\n").slice(-1)[0] ?? ""
      resume(Effect.fail(new ChildFailed({
        reason: signal !== null || /heap out of memory|Allocation failed/i.test(stderr) ? "signal" : "exit",
        message: last !== "" ? last : `kode ${code ?? signal}`,
        stdout
      })))
    })
    return Effect.sync(() => killGroup(child.pid))
  })

const killGroup = (pid: number | undefined) => {
  if (pid === undefined) return
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // Already gone.
  }
}
