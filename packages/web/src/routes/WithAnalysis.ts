import { HttpRouter, HttpServerRequest, type HttpServerResponse } from "@effect/platform"
import { Effect, Option } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { type AnalysisId, isAnalysisId } from "../Ids.js"
import { analysisNotFound, type Surface } from "./Responses.js"

/** The query string of the request. */
export const searchParams = Effect.map(
  HttpServerRequest.HttpServerRequest,
  (r) => new URL(r.url, "http://localhost").searchParams
)

/** The `:id` path parameter, only when it is a well-formed id (so it is safe as a folder name). */
const analysisId = Effect.map(
  HttpRouter.params,
  (p): Option.Option<AnalysisId> => isAnalysisId(p["id"]) ? Option.some(p["id"]) : Option.none()
)

/**
 * Runs `handle` with the finished analysis named by `:id`, or answers 404 (a page or JSON).
 * `unfinished` may answer for an id that has no finished analysis yet (one still running);
 * when it gives `undefined`, the answer is 404 too.
 */
export const withAnalysis = <A, E, R, A2 = never, E2 = never, R2 = never>(
  surface: Surface,
  handle: (meta: AnalysisMeta) => Effect.Effect<A, E, R>,
  unfinished?: (id: AnalysisId) => Effect.Effect<A2 | undefined, E2, R2>
): Effect.Effect<A | A2 | HttpServerResponse.HttpServerResponse, E | E2, R | R2 | AnalysisStore | HttpRouter.RouteContext> =>
  Effect.gen(function*() {
    const id = yield* analysisId
    if (Option.isNone(id)) return analysisNotFound(surface)
    const store = yield* AnalysisStore
    const meta = yield* store.readMeta(id.value)
    if (Option.isSome(meta)) return yield* handle(meta.value)
    const answer = unfinished === undefined ? undefined : yield* unfinished(id.value)
    return answer ?? analysisNotFound(surface)
  })
