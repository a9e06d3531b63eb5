import { aggregate } from "@udsagn/aggregate/Aggregate"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { Schema } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** The aggregate stage's hand-coded test analysis (43 statements, 2 closed questions). */
export const fixturePath = fileURLToPath(
  new URL("../../aggregate/test/fixtures/small-result.json", import.meta.url)
)

export const loadResult = (): CategorizedResult =>
  Schema.decodeUnknownSync(CategorizedResult)(JSON.parse(readFileSync(fixturePath, "utf8")))

export const loadFixture = () => {
  const result = loadResult()
  return { result, summary: aggregate(result) }
}
