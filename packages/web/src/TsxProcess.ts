import { Data, Effect } from "effect"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { SERVER_PID_ENV } from "./ParentWatch.js"

// The one launcher of the web app's child processes (retraining, analyses): `node tsx <file>`,
// the same environment as the server. A process, not a worker thread: Node 20 workers do not
// get tsx's loader, and the entry files are TypeScript.

export class ChildFailed extends Data.TaggedError("ChildFailed")<{
  /** `exit` (non-zero code), `signal` (killed, e.g. out of memory), `spawn` (could not start). */
  readonly reason: "exit" | "signal" | "spawn"
  readonly message: string
  readonly stdout: string
  readonly cause?: unknown
}> {}

const tsxCli = join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/cli.mjs")

export interface TsxOptions {
  /** The heap limit of the child, in MB (`--max-old-space-size`, passed on to tsx's own child). */
  readonly maxOldSpaceMb?: number | undefined
  /** Each line the child writes to stdout, as it comes. */
  readonly onLine?: ((line: string) => void) | undefined
}

/**
 * Runs `tsx <file> <args>` and succeeds with its stdout when it exits with 0. Interrupting the
 * effect (a timeout) kills the whole process group, tsx's own child included.
 */
export const runTsx = (file: string, args: ReadonlyArray<string>, options: TsxOptions = {}) =>
  Effect.async<string, ChildFailed>((resume) => {
    const heap = options.maxOldSpaceMb !== undefined ? `--max-old-space-size=${Math.floor(options.maxOldSpaceMb)}` : ""
    const nodeOptions = [process.env["NODE_OPTIONS"] ?? "", heap].filter((s) => s !== "").join(" ")
    const child = spawn(process.execPath, [tsxCli, file, ...args], {
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
