// The compiled web server as `pnpm serve` starts it, for `pnpm bench`: started as a child
// process on a free port with its own reports folder, until its front page answers.
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))
const launcher = path.join(repoRoot, "scripts/udsagn.mjs")

/** CPU used so far by a process and the children it has reaped (Linux: /proc), in ms. */
export const processCpuMs = (pid: number | undefined): number => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ")
    // utime, stime, cutime, cstime are fields 14-17 of stat; 12-15 after the name is cut off.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * 10
  } catch {
    return NaN
  }
}

/** `udsagn serve` until its front page answers 200; answers the time and the running server. */
export const startServer = async (reportsDir: string) => {
  const started = performance.now()
  const child = spawn(process.execPath, [launcher, "serve", "--port", "0", "--reports-dir", reportsDir], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: repoRoot },
    stdio: ["ignore", "pipe", "inherit"]
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout.on("data", (d) => {
      out += d
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (m) resolve(m[0])
    })
    child.on("close", (code) => reject(new Error(`serve stopped (${code}):\n${out}`)))
  })
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`serve answered ${res.status}`)
  await res.arrayBuffer()
  return { ms: performance.now() - started, cpuMs: processCpuMs(child.pid), pid: child.pid, url, stop: () => child.kill() }
}
