import { HttpRouter } from "@effect/platform"
import { Effect } from "effect"
import { AnalysisStore } from "../AnalysisStore.js"
import { Learning } from "../Learning.js"
import { correctionsPage } from "../pages/CorrectionsPage.js"
import { searchParams } from "./WithAnalysis.js"
import { apiError, htmlResponse, jsonResponse, seeOther, unexpectedFailure } from "./Responses.js"

// The corrections udsagn learns from: a page to see and remove them, and the same in the API.

const idPattern = /^[0-9a-f]{12}$/

const correctionId = Effect.map(HttpRouter.params, (p) => {
  const id = p["id"] ?? ""
  return idPattern.test(id) ? id : undefined
})

/** Theme labels from the analyses, so the page shows "Patientinddragelse", not an id. */
const themeLabels = Effect.gen(function*() {
  const analyses = yield* (yield* AnalysisStore).list
  const labels = new Map<string, string>()
  for (const m of analyses) for (const t of m.themeLabels) if (!labels.has(t.id)) labels.set(t.id, t.label)
  return labels
})

const page = Effect.gen(function*() {
  const learning = yield* Learning
  const corrections = yield* learning.list
  const { training } = yield* learning.status
  const params = yield* searchParams
  return htmlResponse(correctionsPage({
    corrections,
    labels: yield* themeLabels,
    training,
    ...(params.has("fjernet") ? { notice: "Rettelsen er fjernet. Nye analyser følger den ikke længere." } : {})
  }))
})

const removeForm = Effect.gen(function*() {
  const id = yield* correctionId
  if (id !== undefined) yield* (yield* Learning).remove(id)
  return seeOther("/rettelser?fjernet=1")
})

const list = Effect.gen(function*() {
  const learning = yield* Learning
  return yield* jsonResponse({ corrections: yield* learning.list, ...(yield* learning.status) })
})

const remove = Effect.gen(function*() {
  const id = yield* correctionId
  const removed = id !== undefined && (yield* (yield* Learning).remove(id))
  return removed ? yield* jsonResponse({ removed: id }) : yield* apiError(404, "Rettelsen findes ikke.")
})

export const correctionPageRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/rettelser", page),
  HttpRouter.post("/rettelser/:id/fjern", removeForm),
  HttpRouter.catchAllCause(unexpectedFailure("page"))
)

export const correctionApiRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/api/corrections", list),
  HttpRouter.del("/api/corrections/:id", remove),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)
