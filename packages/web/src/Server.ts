import { HttpRouter, HttpServer } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Context, Data, Effect, Exit, Layer, Scope } from "effect"
import { createServer } from "node:http"
import { Analyses } from "./Analyses.js"
import { PersonNames } from "./PersonNames.js"
import { AnalysisStore } from "./AnalysisStore.js"
import { limitBodies } from "./BodyLimit.js"
import { Learning } from "./Learning.js"
import { ThemeStore } from "./ThemeStore.js"
import { RegisterStore } from "./RegisterStore.js"
import type { Analyzer } from "./Analyzer.js"
import { notFound, router } from "./Routes.js"
import { isLoopbackHost, secure } from "./Security.js"
import { WebConfig, type WebSettings } from "./WebConfig.js"

export interface ListenOptions {
  readonly port: number
  readonly host: string
}

/** The router as one app: unknown routes get a Danish 404 instead of an error. */
export const app = Effect.map(HttpRouter.toHttpApp(router), (handler) =>
  handler.pipe(Effect.catchTag("RouteNotFound", () => notFound))
)

/** Listening beyond this computer without an access password: refused at start. */
export class PasswordRequired extends Data.TaggedError("PasswordRequired")<{ readonly host: string }> {
  override get message() {
    return `Serveren skal lytte på ${this.host}, som andre computere kan nå: det kræver en adgangskode. ` +
      "Start med --password eller UDSAGN_PASSWORD, eller lyt kun på denne computer (--host 127.0.0.1)."
  }
}

/**
 * The whole web app on a Node HTTP server. Needs an `Analyzer` and a `WebConfig`;
 * exposes `HttpServer` so callers can read the bound address (port 0 picks a free port).
 */
export const serverLayer = (listen: ListenOptions) => {
  const loopbackOnly = isLoopbackHost(listen.host)
  // Checked before anything listens: no moment without the password on the network.
  return Layer.unwrapEffect(Effect.gen(function*() {
    const config = yield* WebConfig
    if (!loopbackOnly && config.password === undefined) return yield* new PasswordRequired({ host: listen.host })
    const guard = secure({ loopbackOnly, password: config.password })
    return Layer.unwrapEffect(Effect.map(app, (handler) => HttpServer.serve(guard(limitBodies(config.maxUploadBytes)(handler))))).pipe(
      Layer.provide(Analyses.Default),
      Layer.provide(PersonNames.Default),
      Layer.provide(Learning.Default),
      Layer.provide(ThemeStore.Default),
      Layer.provide(RegisterStore.Default),
      Layer.provide(AnalysisStore.Default),
      Layer.provideMerge(NodeHttpServer.layer(createServer, { port: listen.port, host: listen.host })),
      Layer.provide(NodeContext.layer)
    )
  }))
}

export interface StartOptions extends Partial<ListenOptions> {
  readonly settings: Partial<WebSettings>
  /** The pipeline; the real one unless a test gives another. */
  readonly analyzer: Layer.Layer<Analyzer, unknown, WebConfig>
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string
  readonly port: number
  readonly close: () => Promise<void>
}

/** Starts the app outside an Effect program (tests, scripts): port 0 picks a free port. */
export const startWebServer = async (options: StartOptions): Promise<RunningServer> => {
  const host = options.host ?? "127.0.0.1"
  const scope = Effect.runSync(Scope.make())
  const layer = serverLayer({ port: options.port ?? 0, host }).pipe(
    Layer.provide(options.analyzer),
    Layer.provide(WebConfig.layer(options.settings))
  )
  const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
  const address = Context.get(context, HttpServer.HttpServer).address
  if (address._tag !== "TcpAddress") throw new Error("expected a TCP address")
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}
