import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeContext, NodeHttpServer } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"
import { Analyses } from "./Analyses.js"
import { AnalysisStore } from "./AnalysisStore.js"
import { notFound, router } from "./Routes.js"
import { isLoopbackHost, secure } from "./Security.js"

export interface ListenOptions {
  readonly port: number
  readonly host: string
}

/** The router as one app: unknown routes get a Danish 404 instead of an error. */
export const app = Effect.map(HttpRouter.toHttpApp(router), (handler) =>
  handler.pipe(Effect.catchTag("RouteNotFound", () => notFound))
)

/**
 * The whole web app on a Node HTTP server. Needs an `Analyzer` and a `WebConfig`;
 * exposes `HttpServer` so callers can read the bound address (port 0 picks a free port).
 */
export const serverLayer = (listen: ListenOptions) => {
  const guard = secure({ loopbackOnly: isLoopbackHost(listen.host) })
  return Layer.unwrapEffect(Effect.map(app, (handler) => HttpServer.serve(guard(handler)))).pipe(
    Layer.provide(Analyses.Default),
    Layer.provide(AnalysisStore.Default),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: listen.port, host: listen.host })),
    Layer.provide(NodeContext.layer)
  )
}
