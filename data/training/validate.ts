// Validates data/training/statements.csv (and optionally another labeled CSV given as argv[2])
// and prints the label distribution. Run: npx tsx data/training/validate.ts [file.csv] [--allow-duplicates]
// --allow-duplicates is for gold files of real exports, where two people can type the same answer.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

// papaparse lives in packages/ingest; resolve it from there so this script adds no dependency.
const require = createRequire(new URL("../../packages/ingest/package.json", import.meta.url))
const Papa = require("papaparse") as typeof import("papaparse")

const LABELS = ["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "other"] as const
const args = process.argv.slice(2)
const allowDuplicates = args.includes("--allow-duplicates")
const file = args.find((a) => !a.startsWith("--")) ?? fileURLToPath(new URL("./statements.csv", import.meta.url))
const notes: Array<string> = []
const raw = readFileSync(file, "utf8")
const errors: Array<string> = []
if (raw.charCodeAt(0) === 0xfeff) errors.push("file starts with a BOM")

const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true })
for (const e of parsed.errors) errors.push(`parse: row ${e.row}: ${e.message}`)
const fields = parsed.meta.fields ?? []
if (fields.join(",") !== "id,question,text,themes") errors.push(`columns are "${fields.join(",")}", expected "id,question,text,themes"`)

const ids = new Set<string>()
const texts = new Map<string, string>()
const labelCount = new Map<string, number>(LABELS.map((l) => [l, 0]))
const comboCount = new Map<string, number>()
const questionCount = new Map<string, number>()
let multi = 0
const words: Array<number> = []

for (const row of parsed.data) {
  const id = row.id ?? ""
  const text = (row.text ?? "").trim()
  const question = (row.question ?? "").trim()
  if (!id) errors.push(`row without id: ${JSON.stringify(row)}`)
  if (ids.has(id)) errors.push(`duplicate id ${id}`)
  ids.add(id)
  if (!text) errors.push(`${id}: empty text`)
  if (!question) errors.push(`${id}: empty question`)
  // Duplicates are judged case- and whitespace-insensitively: near-identical rows only add weight.
  const key = text.toLowerCase().replace(/\s+/g, " ")
  if (texts.has(key)) (allowDuplicates ? notes : errors).push(`${id}: duplicate text of ${texts.get(key)}: "${text}"`)
  texts.set(key, id)
  const themes = (row.themes ?? "").split("|").map((t) => t.trim()).filter((t) => t.length > 0)
  if (themes.length === 0) errors.push(`${id}: no themes`)
  if (new Set(themes).size !== themes.length) errors.push(`${id}: repeated theme`)
  for (const t of themes) if (!(LABELS as ReadonlyArray<string>).includes(t)) errors.push(`${id}: unknown theme "${t}"`)
  if (themes.includes("other") && themes.length > 1) errors.push(`${id}: "other" combined with another theme`)
  for (const t of themes) labelCount.set(t, (labelCount.get(t) ?? 0) + 1)
  if (themes.length > 1) {
    multi++
    const combo = [...themes].sort().join("+")
    comboCount.set(combo, (comboCount.get(combo) ?? 0) + 1)
  }
  questionCount.set(question, (questionCount.get(question) ?? 0) + 1)
  words.push(text.split(/\s+/).filter(Boolean).length)
}

const n = parsed.data.length
const pct = (k: number) => `${((100 * k) / Math.max(n, 1)).toFixed(1)}%`
console.log(`${file}\n${n} statements\n`)
console.log("| label | statements | share |\n| --- | ---: | ---: |")
for (const l of LABELS) console.log(`| \`${l}\` | ${labelCount.get(l)} | ${pct(labelCount.get(l) ?? 0)} |`)
console.log(`| multi-label | ${multi} | ${pct(multi)} |`)
console.log("\n| combination | statements |\n| --- | ---: |")
for (const [c, k] of [...comboCount].sort((a, b) => b[1] - a[1])) console.log(`| ${c} | ${k} |`)
console.log("\n| question | statements |\n| --- | ---: |")
for (const [q, k] of [...questionCount].sort((a, b) => b[1] - a[1])) console.log(`| ${q} | ${k} |`)
words.sort((a, b) => a - b)
const wc = (k: number) => words.filter((w) => w <= k).length
console.log(`\nwords per statement: median ${words[Math.floor(n / 2)] ?? 0}, max ${words[n - 1] ?? 0}; 1–2 words: ${wc(2)}, 3–25: ${wc(25) - wc(2)}, >25: ${n - wc(25)}`)

if (notes.length > 0) console.log(`\nduplicates (allowed):\n${notes.join("\n")}`)
if (errors.length > 0) {
  console.error(`\n${errors.length} problem(s):\n${errors.join("\n")}`)
  process.exit(1)
}
console.log("\nOK")
