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

/**
 * Runs a child entry with `args` and succeeds with its stdout when it exits with 0. Interrupting
 * the effect (a timeout) kills the whole process group (under tsx, tsx's own child too).
 */
export const runChild = (entry: ChildEntry, args: ReadonlyArray<string>, options: TsxOptions = {}) =>
  Effect.async<string, ChildFailed>((resume) => {
    const heap = options.maxOldSpaceMb !== undefined ? `--max-old-space-size=${Math.floor(options.maxOldSpaceMb)}` : ""
    const nodeOptions = [process.env["NODE_OPTIONS"] ?? "", heap].filter((s) => s !== "").join(" ")
    const child = spawn(process.execPath, [...childCommand(entry), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: { ...process.env, NODE_OPTIONS: nodeOptions, [SERVER_PID_ENV]: String(process.pid) }
    })
    let stdout = ""
    let pending = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => {
      const text = d.toString()
      stdout += text
      if (options.onLine === undefined) return
      pending += text
      const lines = pending.split("\n")
      pending = lines.pop() ?? ""
      for (const line of lines) options.onLine(line)
    })
    child.stderr.on("data", (d: Buffer) => {
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
