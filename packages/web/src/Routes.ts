import { HttpRouter, HttpServerRequest } from "@effect/platform"
import { Effect } from "effect"
import { notFoundPage } from "./pages/ErrorPages.js"
import { adminApiRoutes, adminPageRoutes } from "./routes/AdminRoutes.js"
import { apiRoutes } from "./routes/ApiRoutes.js"
import { candidateApiRoutes, candidatePageRoutes } from "./routes/CandidateRoutes.js"
import { correctionApiRoutes, correctionPageRoutes } from "./routes/CorrectionRoutes.js"
import { pageRoutes } from "./routes/PageRoutes.js"
import { themeApiRoutes, themePageRoutes } from "./routes/ThemeRoutes.js"
import { registerApiRoutes } from "./routes/RegisterApiRoutes.js"
import { registerPageRoutes } from "./routes/RegisterRoutes.js"
import { apiError, htmlResponse } from "./routes/Responses.js"

/** Every route of the app: the pages for people and the JSON API for programs. */
export const router = HttpRouter.concatAll(
  pageRoutes,
  apiRoutes,
  correctionPageRoutes,
  correctionApiRoutes,
  themePageRoutes,
  themeApiRoutes,
  adminPageRoutes,
  adminApiRoutes,
  candidatePageRoutes,
  candidateApiRoutes,
  registerPageRoutes,
  registerApiRoutes
)

/** Unknown routes: a Danish page, or JSON under /api. */
export const notFound = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  return request.url.startsWith("/api/")
    ? yield* apiError(404, "Ukendt adresse i API'et.")
    : htmlResponse(notFoundPage(), 404)
})
