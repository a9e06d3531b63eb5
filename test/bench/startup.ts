// pnpm bench, first part: what people wait for when they start something. Each command's
// start-up (the compiled build, as `pnpm udsagn` runs it), the bundled sample end to end,
// `serve` until it answers, an upload of the sample until its report is there, and the import
// cost of each package; each as a ratio to a floor measured in the same run (a Node process
// that reads and parses the sample with the reader's own libraries) and to the analyst's peer
// (Python + scikit-learn: TF-IDF and logistic regression, train 160 statements, predict 200).
// Medians of BENCH_REPS runs (default 3); wall time and, where the process is ours alone, CPU.
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { processCpuMs, startServer } from "./server.js"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))
const sample = path.join(repoRoot, "data/samples/menti-konference-2024-12-05.xlsx")
const training = path.join(repoRoot, "data/training/statements.csv")
const launcher = path.join(repoRoot, "scripts/udsagn.mjs")
const REPS = Math.max(1, Number(process.env["BENCH_REPS"] ?? 3))
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-bench-start-"))

interface Timed {
  readonly wallMs: number
  /** User + system CPU of the command and its children (bash's `times`). */
  readonly cpuMs: number
  readonly code: number
}

const seconds = (s: string) => {
  const m = /(\d+)m([\d.]+)s/.exec(s)
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : NaN
}

/** Runs a command to its end through bash, whose `times` reports the children's CPU. */
const timed = (command: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Timed> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn("bash", ["-c", '"$@" >/dev/null 2>&1; code=$?; times; exit $code', "bench", ...command], {
      cwd: repoRoot,
      env: { ...process.env, INIT_CWD: repoRoot, ...env },
      stdio: ["ignore", "pipe", "inherit"]
    })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("close", (code) => {
      const wallMs = performance.now() - started
      const children = out.trim().split("\n").pop()?.split(/\s+/) ?? []
      resolve({ wallMs, cpuMs: seconds(children[0] ?? "") + seconds(children[1] ?? ""), code: code ?? -1 })
    })
  })

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]!
}

interface Row {
  readonly what: string
  readonly wallMs: number
  readonly cpuMs?: number | undefined
}
const rows: Array<Row> = []

const measure = async (what: string, command: ReadonlyArray<string>, reps = REPS): Promise<Row> => {
  const runs: Array<Timed> = []
  for (let i = 0; i < reps; i++) {
    const run = await timed(command)
    if (run.code !== 0) throw new Error(`${what}: ${command.join(" ")} exited with ${run.code}`)
    runs.push(run)
  }
  const row = { what, wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) }
  rows.push(row)
  return row
}

/** POST the sample and wait for its report: what a person waits for after "Upload". */
const upload = async (url: string) => {
  const started = performance.now()
  const form = new FormData()
  form.append("file", new Blob([fs.readFileSync(sample)]), "menti-konference.xlsx")
  const res = await fetch(`${url}/api/analyses`, { method: "POST", body: form })
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`)
  const { reportUrl } = (await res.json()) as { reportUrl: string }
  const report = await fetch(new URL(reportUrl, url))
  if (report.status !== 200) throw new Error(`report answered ${report.status}`)
  await report.arrayBuffer()
  return performance.now() - started
}

/** Each package's entry bundled as the build bundles it; loading it is the package's import cost. */
const packageBundles = async () => {
  const { esbuildOptions } = (await import(pathToFileURL(path.join(repoRoot, "scripts/build.mjs")).href)) as {
    esbuildOptions: (o: { outDir: string; id: string; entryPoints: Record<string, string> }) => object
  }
  const esbuild = await import("esbuild")
  const entries: Record<string, string> = {}
  for (const dir of ["packages", "pipelines"]) {
    for (const name of fs.readdirSync(path.join(repoRoot, dir)).sort()) {
      const index = path.join(repoRoot, dir, name, "src/index.ts")
      const main = name === "conference-feedback" ? path.join(repoRoot, dir, name, "src/ConferenceFeedback.ts") : index
      if (fs.existsSync(main)) entries[name] = main
    }
  }
  const outDir = path.join(tmp, "packages")
  // One bundle per package (no shared chunks), so each number is that package with all it imports.
  for (const [name, entry] of Object.entries(entries)) {
    await esbuild.build({ ...esbuildOptions({ outDir, id: "bench", entryPoints: { [name]: entry } }), metafile: false })
  }
  return Object.keys(entries).map((name) => ({ name, file: path.join(outDir, `${name}.cjs`) }))
}

const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? "–" : `${Math.round(ms)} ms`)
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0 ? "–" : `${(a / b).toFixed(2)}×`

const main = async () => {
  console.log(`start-up bench: medians of ${REPS} runs; the machine's load ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores)`)
  // The build is made (or found fresh) first, so no figure below includes a rebuild.
  await timed([process.execPath, launcher, "--help"])

  const floor = await measure("floor: node reads + parses the sample xlsx (yauzl + saxes)", [process.execPath, path.join(repoRoot, "test/bench/floor-xlsx.mjs"), sample], REPS + 2)
  await measure("node alone (node -e 0)", [process.execPath, "-e", "0"], REPS + 2)

  let peer: Row | undefined
  const sklearn = await timed(["python3", "-c", "import sklearn"])
  if (sklearn.code === 0) {
    peer = await measure("peer: python3 + scikit-learn, TF-IDF + LogisticRegression, train 160, predict 200", ["python3", path.join(repoRoot, "test/bench/peer_sklearn.py"), training])
  } else {
    console.log("peer: skipped (python3 with scikit-learn is not installed: pip install scikit-learn, or apt-get install python3-sklearn)")
  }

  await measure("udsagn --help", [process.execPath, launcher, "--help"], REPS + 2)
  for (const command of ["analyze", "serve", "evaluate", "learn"]) await measure(`udsagn ${command} --help`, [process.execPath, launcher, command, "--help"])
  if (process.env["npm_execpath"] !== undefined || (await timed(["pnpm", "--version"])).code === 0) {
    await measure("pnpm udsagn --help (pnpm's own start included)", ["pnpm", "--silent", "udsagn", "--help"])
  }
  const analyze = await measure("pnpm analyze of the sample, end to end (compiled, without pnpm)", [process.execPath, launcher, "analyze", "--out", path.join(tmp, "sample")])

  // CPU of the server process with its reaped children (the analysis runs in one, started ahead:
  // its start and loading count here too, though they happened before the upload), from /proc.
  // Two uploads per server: one the moment it answers (the analysis process it starts ahead as it
  // listens is still loading), and one a few seconds after the first ended, as when a person picks
  // the next file (the process started ahead has loaded and warmed up: packages/web/src/bin/analyze.ts).
  const serves: Array<{ wall: number; cpu: number }> = []
  const cold: Array<{ wall: number; cpu: number }> = []
  const uploads: Array<{ wall: number; cpu: number }> = []
  for (let i = 0; i < REPS; i++) {
    const server = await startServer(fs.mkdtempSync(path.join(tmp, "reports-")))
    try {
      serves.push({ wall: server.ms, cpu: server.cpuMs })
      let before = processCpuMs(server.pid)
      const first = await upload(server.url)
      cold.push({ wall: first, cpu: processCpuMs(server.pid) - before })
      await new Promise((resolve) => setTimeout(resolve, 5_000))
      before = processCpuMs(server.pid)
      const wall = await upload(server.url)
      uploads.push({ wall, cpu: processCpuMs(server.pid) - before })
    } finally {
      server.stop()
    }
  }
  const serve = { what: "pnpm serve until the front page answers", wallMs: median(serves.map((s) => s.wall)), cpuMs: median(serves.map((s) => s.cpu)) }
  const upCold = {
    what: "upload of the sample the moment the server answers (its analysis process still loading)",
    wallMs: median(cold.map((u) => u.wall)),
    cpuMs: median(cold.map((u) => u.cpu))
  }
  // Its CPU includes the warm-up of the process that ran it (counted when that process ends).
  const up = {
    what: "upload of the sample until its report is there (server running, 5 s after the last)",
    wallMs: median(uploads.map((u) => u.wall)),
    cpuMs: median(uploads.map((u) => u.cpu))
  }
  rows.push(serve, upCold, up)

  // Through the same loader as the commands, with its code cache (made by a first, unmeasured run).
  const loader = path.join(repoRoot, "scripts/load-bundle.cjs")
  for (const bundle of await packageBundles()) {
    await timed([process.execPath, loader, bundle.file])
    await measure(`import @udsagn/${bundle.name} (compiled)`, [process.execPath, loader, bundle.file])
  }

  const width = Math.max(...rows.map((r) => r.what.length))
  console.log(`\n${"".padEnd(width)}  ${"wall".padStart(8)}  ${"cpu".padStart(8)}  ${"wall/floor".padStart(10)}  ${"wall/peer".padStart(9)}  ${"cpu/peer".padStart(8)}`)
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(width)}  ${fmt(r.wallMs).padStart(8)}  ${fmt(r.cpuMs).padStart(8)}  ${ratio(r.wallMs, floor.wallMs).padStart(10)}  ` +
        `${ratio(r.wallMs, peer?.wallMs).padStart(9)}  ${ratio(r.cpuMs, peer?.cpuMs).padStart(8)}`
    )
  }
  if (peer !== undefined) {
    console.log(
      `\ngoal (issue 13): no longer than the peer: analyze ${ratio(analyze.wallMs, peer.wallMs)}, serve ${ratio(serve.wallMs, peer.wallMs)}, ` +
        `upload ${ratio(up.wallMs, peer.wallMs)} (the moment the server answers: ${ratio(upCold.wallMs, peer.wallMs)}) of the peer's wall time; of its CPU time: analyze ${ratio(analyze.cpuMs, peer.cpuMs)}, ` +
        `serve ${ratio(serve.cpuMs, peer.cpuMs)}, upload ${ratio(up.cpuMs, peer.cpuMs)}`
    )
  }
}

try {
  await main()
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
