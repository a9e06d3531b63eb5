// Builds the bundled sample export, data/samples/menti-konference-2024-12-05.xlsx, in
// Mentimeter's Excel layout from konference-2024-12-05.json (the slides and answers).
// The layout itself is written by packages/ingest/testing/MentiExportWriter.ts (also used for test fixtures).
// Run: npx tsx data/samples/build-sample.ts   — deterministic: rebuilding gives the same bytes.
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { buildMentiWorkbook, decodeSampleSpec } from "../../packages/ingest/testing/MentiExportWriter.ts"

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url))
const input = here("./konference-2024-12-05.json")
const output = here("./menti-konference-2024-12-05.xlsx")

const spec = decodeSampleSpec(JSON.parse(readFileSync(input, "utf8")))
const bytes = buildMentiWorkbook(spec)
writeFileSync(output, bytes)
console.log(`${output} (${bytes.length} byte, ${spec.slides.length} slides)`)
