import { setPriority } from "node:os"

// The server's children (analyses, retraining) end when the server is gone. A server stopped
// normally kills them itself; one killed outright (SIGKILL, out of memory, a crash) cannot, and
// its children would otherwise run on for minutes, holding memory and a CPU core. The launcher
// passes the server's pid; the child checks once a second that it is still alive.

export const SERVER_PID_ENV = "UDSAGN_SERVER_PID"

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else (a reused pid): treat as gone too.
    return (e as NodeJS.ErrnoException).code !== "ESRCH" && (e as NodeJS.ErrnoException).code !== "EPERM"
  }
}

/** Exits (code 3) once the server whose pid is in the environment has gone. No-op without it. */
export const exitWithServer = (pid = Number(process.env[SERVER_PID_ENV])): void => {
  if (!Number.isInteger(pid) || pid <= 1) return
  const timer = setInterval(() => {
    if (!alive(pid)) process.exit(3)
  }, 1_000)
  timer.unref()
}

/** How much a background child yields to the server (Unix nice; 0 is normal, 19 the least). */
export const BACKGROUND_NICE = 10

/**
 * Lowers this process' priority (its main thread, where its work runs, and the threads it starts
 * from now on) for background work: retraining, and the analysis child started ahead while it
 * warms up. Where that is not allowed it runs as it is.
 */
export const lowerPriority = (): void => {
  try {
    setPriority(BACKGROUND_NICE)
  } catch {
    // Not permitted or not supported: normal priority.
  }
}
