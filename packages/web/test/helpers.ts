import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { repoRoot } from "@udsagn/domain/Paths"
import { AnalyzerLive } from "../src/AnalyzerLive.js"
import { type RunningServer, startWebServer } from "../src/Server.js"
import type { WebSettings } from "../src/WebConfig.js"

/** The project's own test corpus (test/fixtures) and the bundled sample export. */
export const fixtures = join(repoRoot, "test/fixtures")
export const sample = join(repoRoot, "data/samples/menti-konference-2024-12-05.xlsx")

export const freshDir = (label: string) => mkdtempSync(join(tmpdir(), `udsagn-web-${label}-`))

export const start = (reportsDir: string, settings: Partial<WebSettings> = {}): Promise<RunningServer> =>
  startWebServer({ settings: { reportsDir, ...settings }, analyzer: AnalyzerLive })

/** A multipart body with the named fixture (or given bytes) as field `file`. */
export const form = (
  file: { readonly path?: string; readonly bytes?: Uint8Array; readonly name: string },
  extra?: Record<string, { bytes: Uint8Array; name: string }>
): FormData => {
  const data = new FormData()
  const bytes = file.bytes ?? readFileSync(file.path!)
  data.append("file", new Blob([bytes]), file.name)
  for (const [key, part] of Object.entries(extra ?? {})) data.append(key, new Blob([part.bytes]), part.name)
  return data
}

export const upload = (server: RunningServer, body: FormData) =>
  fetch(`${server.url}/api/analyses`, { method: "POST", body })

/** Entries directly under the storage folder (analyses and any temp leftovers). */
/**
 * What a reports folder holds, without the records of failed analyses (`.failed-<id>`: only the
 * masked Danish line the person saw, so the address still says why after a restart).
 */
export const entries = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith(".failed-")).sort()

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
