import { HttpServerRequest } from "@effect/platform"
import { Effect, Option } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { deleteQuestionPage } from "../pages/DeleteQuestionPage.js"
import { RegisterStore } from "../RegisterStore.js"
import { htmlResponse } from "./Responses.js"

// The register's side of deleting an analysis (issue 15): the page asks whether its
// recommendations stay in the register; the API takes `?recommendations=keep|remove` (keep when
// not given: nothing the committee decided is lost by a script).

/**
 * Page: the question, when the analysis has recommendations in the register and the posted form
 * has not answered it yet; none when the deletion may go ahead.
 */
export const askBeforeDelete = (meta: AnalysisMeta, form: URLSearchParams) =>
  Effect.gen(function*() {
    const count = yield* (yield* RegisterStore).countFor(meta.id)
    const answer = form.get("anbefalinger")
    if (count === 0 || answer === "behold" || answer === "fjern") return Option.none()
    return Option.some(htmlResponse(deleteQuestionPage(meta, count, answer === null ? undefined : "Vælg, om anbefalingerne skal blive i registret."), answer === null ? 200 : 400))
  })

export const keepFromForm = (form: URLSearchParams) => form.get("anbefalinger") !== "fjern"

export const recommendationsParamMessage = "recommendations skal være keep eller remove."

/** API: whether to keep, or a Danish message for a value that is neither. */
export const keepFromQuery = Effect.map(HttpServerRequest.HttpServerRequest, (r): boolean | string => {
  const value = new URL(r.url, "http://localhost").searchParams.get("recommendations")
  return value === null || value === "keep" ? true : value === "remove" ? false : recommendationsParamMessage
})

/** After the analysis is gone: its recommendations kept (marked) or removed. Never fails the deletion. */
export const forgetDeleted = (id: string, keep: boolean) =>
  Effect.flatMap(RegisterStore, (r) => r.forget(id, keep)).pipe(
    Effect.catchAll((e) => Effect.logWarning(`Registret kunne ikke opdateres efter sletningen: ${e.message}`)),
    Effect.asVoid
  )
