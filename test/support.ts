import { type ChildProcess, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll } from "vitest"

export const repoRoot = fileURLToPath(new URL("../", import.meta.url))
/** The project's own test corpus (written by test/fixtures/build-fixtures.ts). */
export const fixturesDir = path.join(repoRoot, "test/fixtures")
export const fixture = (name: string) => path.join(fixturesDir, name)
/** The bundled sample export, as `pnpm analyze` reads it by default. */
export const sampleExport = path.join(repoRoot, "data/samples/menti-konference-2024-12-05.xlsx")

export const tempDir = (prefix = "udsagn-test-") => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * The command line of the real CLI as `pnpm udsagn` runs it: the compiled build, through the
 * launcher that rebuilds it first when a source changed (scripts/udsagn.mjs).
 */
export const cliCommand: ReadonlyArray<string> = [path.join(repoRoot, "scripts/udsagn.mjs")]

/** Runs the real CLI as a user would (`pnpm udsagn …` minus pnpm), from `cwd`. */
export const runCli = (args: ReadonlyArray<string>, options: { cwd?: string; env?: Record<string, string> } = {}) =>
  new Promise<RunResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...cliCommand, ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, INIT_CWD: options.cwd ?? repoRoot, ...options.env },
        stdio: ["ignore", "pipe", "pipe"]
      }
    )
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** A running `udsagn serve` process. */
export interface ServeProcess {
  readonly url: string
  readonly child: ChildProcess
}

/** The address a started `udsagn serve` prints ("Udsagn kører på http://…"), once it listens. */
export const servedUrl = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /Udsagn kører på (http:\/\/[^\s]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)))
  })

/**
 * `udsagn serve` (what `pnpm serve` runs) as a user runs it, on a free port and the given storage
 * folder; `env` adds to the environment.
 */
export const serveProcess = async (reportsDir: string, env: Record<string, string> = {}): Promise<ServeProcess> => {
  const child = spawn(
    process.execPath,
    [...cliCommand, "serve", "--port", "0", "--reports-dir", reportsDir],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOST: "127.0.0.1", ...env } }
  )
  return { url: await servedUrl(child), child }
}

/** Stops a `serveProcess` (SIGTERM) and waits until it has exited. */
export const stopServe = (server: ServeProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!server || server.child.exitCode !== null) return resolve()
    server.child.once("exit", () => resolve())
    server.child.kill("SIGTERM")
  })

/** Debian's Chromium, headless, as every browser test drives it. */
export const launchChromium = async () => {
  const { chromium } = await import("playwright-core")
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
  })
}

/** Where the browser tests put their screenshots (git-ignored). */
export const artifactsDir = path.join(repoRoot, "test-artifacts")

export interface ChromiumWithServer {
  readonly browser: Browser
  /** The running server (a new one after `restart`). */
  readonly server: ServeProcess
  /** The server's storage folder. */
  readonly reportsDir: string
  /** A folder for the test's downloads and files to upload. */
  readonly files: string
  /** Stops the server and starts a new process on the same folder. */
  readonly restart: () => Promise<void>
}

/**
 * Chromium and a `udsagn serve` process for a test file's browser tests: started before them,
 * stopped (and their folders removed) after. `name` names the temporary folders.
 */
export const chromiumWithServer = (name: string): ChromiumWithServer => {
  let browser: Browser | undefined
  let server: ServeProcess | undefined
  const reportsDir = tempDir(`udsagn-${name}-e2e-`)
  const files = tempDir(`udsagn-${name}-files-`)
  beforeAll(async () => {
    fs.mkdirSync(artifactsDir, { recursive: true })
    browser = await launchChromium()
    server = await serveProcess(reportsDir)
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await stopServe(server)
    fs.rmSync(reportsDir, { recursive: true, force: true })
    fs.rmSync(files, { recursive: true, force: true })
  })
  return {
    get browser() {
      return browser!
    },
    get server() {
      return server!
    },
    reportsDir,
    files,
    restart: async () => {
      await stopServe(server)
      server = await serveProcess(reportsDir)
    }
  }
}
