import * as HttpServer from "@effect/platform/HttpServer"
import { hashPassword } from "@udsagn/web/Access"
import { AnalyzerInChild, startAnalysisAhead } from "@udsagn/web/AnalyzerLive"
import { serverLayer } from "@udsagn/web/Server"
import { WebConfig } from "@udsagn/web/WebConfig"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

// The web app behind `udsagn serve`, in its own module so that the other commands never load
// the HTTP server, the pages or the web app's dependencies (see commands/Serve.ts).

const announce = Layer.effectDiscard(
  HttpServer.addressFormattedWith((url) =>
    Console.log(`Udsagn kører på ${url}\nÅbn adressen i din browser. Stop serveren med Ctrl+C.`)
  ).pipe(Effect.zipRight(startAnalysisAhead))
)

/** Serves until interrupted. A relative `reportsDir` is already resolved by the caller. */
export const launchServer = (options: { port: number; host: string; reportsDir?: string; password?: string }) =>
  Layer.launch(
    announce.pipe(
      Layer.provideMerge(serverLayer({ port: options.port, host: options.host })),
      Layer.provide(AnalyzerInChild),
      // Only the password's scrypt hash is kept; the option wins over UDSAGN_PASSWORD.
      Layer.provide(
        WebConfig.fromEnvWith({
          ...(options.reportsDir !== undefined ? { reportsDir: options.reportsDir } : {}),
          ...(options.password !== undefined ? { password: hashPassword(options.password) } : {})
        })
      )
    )
  )
