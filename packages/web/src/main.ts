import { Command, Options } from "@effect/cli"
import { HttpServer } from "@effect/platform"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Config, Console, Effect, Layer, Option } from "effect"
import * as NodePath from "node:path"
import { AnalyzerLive } from "./AnalyzerLive.js"
import { serverLayer } from "./Server.js"
import { WebConfig } from "./WebConfig.js"

// `pnpm serve [--port 8080] [--host 127.0.0.1] [--reports-dir reports]`; each option falls back
// to PORT, HOST and REPORTS_DIR. Localhost unless told otherwise: the data may be sensitive.

const port = Options.integer("port").pipe(
  Options.withDescription("Porten serveren lytter på."),
  Options.withFallbackConfig(Config.port("PORT")),
  Options.withDefault(8080)
)
const host = Options.text("host").pipe(
  Options.withDescription("Adressen serveren lytter på. Standard er kun denne computer (127.0.0.1)."),
  Options.withFallbackConfig(Config.string("HOST")),
  Options.withDefault("127.0.0.1")
)
const reportsDir = Options.directory("reports-dir").pipe(
  Options.withDescription("Mappen analyserne gemmes i (standard: reports/ i projektmappen, eller REPORTS_DIR)."),
  Options.optional
)

const serve = Command.make("serve", { port, host, reportsDir }, (args) =>
  Effect.gen(function*() {
    if (args.port < 0 || args.port > 65535) {
      return yield* Console.error(`Fejl: Ugyldigt portnummer: ${args.port}. Brug et tal mellem 1 og 65535.`).pipe(
        Effect.zipRight(Effect.sync(() => (process.exitCode = 1)))
      )
    }
    yield* Console.log("Starter Udsagn … (det tager et øjeblik)")
    // A relative folder means the one the user ran `pnpm serve` in (pnpm records it in INIT_CWD).
    const dir = Option.map(args.reportsDir, (d) => NodePath.resolve(process.env.INIT_CWD ?? process.cwd(), d))
    const config = Option.match(dir, {
      onNone: () => WebConfig.fromEnv,
      onSome: (d) =>
        Layer.effect(WebConfig, Effect.map(WebConfig, (c) => ({ ...c, reportsDir: d }))).pipe(
          Layer.provide(WebConfig.fromEnv)
        )
    })
    const announce = Layer.effectDiscard(
      HttpServer.addressFormattedWith((url) =>
        Console.log(`Udsagn kører på ${url}\nÅbn adressen i din browser. Stop serveren med Ctrl+C.`)
      )
    )
    return yield* Layer.launch(
      announce.pipe(
        Layer.provideMerge(serverLayer({ port: args.port, host: args.host })),
        Layer.provide(AnalyzerLive),
        Layer.provide(config)
      )
    ).pipe(
      Effect.catchTag("ServeError", (e) =>
        Console.error(
          `Fejl: Kunne ikke starte serveren på ${args.host}:${args.port} (${
            (e.cause as { code?: string } | undefined)?.code ?? "ukendt årsag"
          }). Er porten optaget? Vælg en anden med --port.`
        ).pipe(Effect.zipRight(Effect.sync(() => (process.exitCode = 1))))
      )
    )
  })
).pipe(Command.withDescription("Start webappen: upload en Menti-eksport, gennemgå temaerne og hent rapporten."))

const run = Command.run(serve, { name: "udsagn serve", version: "0.1.0" })

NodeRuntime.runMain(Effect.suspend(() => run(process.argv)).pipe(Effect.provide(NodeContext.layer)))
