import { Command, Options } from "@effect/cli"
import { HttpServer } from "@effect/platform"
import { hashPassword } from "@udsagn/web/Access"
import { AnalyzerInChild } from "@udsagn/web/AnalyzerLive"
import { serverLayer } from "@udsagn/web/Server"
import { WebConfig } from "@udsagn/web/WebConfig"
import { Config, Console, Data, Effect, Layer, Option, Redacted } from "effect"
import { resolveUserPath } from "../Paths.js"
import { UsageError } from "../UsageError.js"

// `udsagn serve [--port 8080] [--host 127.0.0.1] [--reports-dir reports]`; each option falls back
// to PORT, HOST and REPORTS_DIR. Localhost unless told otherwise: the data may be sensitive.

const port = Options.integer("port").pipe(
  Options.withDescription("Porten serveren lytter på (standard 8080, eller PORT)."),
  Options.withFallbackConfig(Config.port("PORT")),
  Options.withDefault(8080)
)
const host = Options.text("host").pipe(
  Options.withDescription("Adressen serveren lytter på (eller HOST). Standard er kun denne computer (127.0.0.1)."),
  Options.withFallbackConfig(Config.string("HOST")),
  Options.withDefault("127.0.0.1")
)
// Optional here: without it the folder comes from WebConfig (REPORTS_DIR, else reports/).
const password = Options.redacted("password").pipe(
  Options.withDescription("Adgangskode til webappen (kræves når --host ikke er denne computer; ellers UDSAGN_PASSWORD)."),
  Options.optional
)
const reportsDir = Options.directory("reports-dir").pipe(
  Options.withDescription("Mappen analyserne gemmes i (standard: reports/ i projektmappen, eller REPORTS_DIR)."),
  Options.optional
)

/** The server could not listen (port taken, address not on this computer…). */
export class ServerStartError extends Data.TaggedError("ServerStartError")<{
  readonly host: string
  readonly port: number
  readonly cause: unknown
}> {
  override get message() {
    const code = (this.cause as { code?: string } | undefined)?.code ?? "ukendt årsag"
    return `Kunne ikke starte serveren på ${this.host}:${this.port} (${code}). Er porten optaget? Vælg en anden med --port.`
  }
}

const announce = Layer.effectDiscard(
  HttpServer.addressFormattedWith((url) =>
    Console.log(`Udsagn kører på ${url}\nÅbn adressen i din browser. Stop serveren med Ctrl+C.`)
  )
)

export const serveCommand = Command.make("serve", { port, host, password, reportsDir }, (args) =>
  Effect.gen(function*() {
    if (args.port < 0 || args.port > 65535) {
      return yield* new UsageError({ message: `Ugyldigt portnummer: ${args.port}. Brug et tal mellem 1 og 65535.` })
    }
    yield* Console.log("Starter Udsagn … (det tager et øjeblik)")
    // A relative folder means the one the user ran the command in.
    // Only the password's scrypt hash is kept; the option wins over UDSAGN_PASSWORD.
    const config = WebConfig.fromEnvWith({
      ...Option.match(args.reportsDir, { onNone: () => ({}), onSome: (d) => ({ reportsDir: resolveUserPath(d) }) }),
      ...Option.match(args.password, { onNone: () => ({}), onSome: (p) => ({ password: hashPassword(Redacted.value(p)) }) })
    })
    return yield* Layer.launch(
      announce.pipe(
        Layer.provideMerge(serverLayer({ port: args.port, host: args.host })),
        Layer.provide(AnalyzerInChild),
        Layer.provide(config)
      )
    ).pipe(
      Effect.catchTag("ServeError", (e) => new ServerStartError({ host: args.host, port: args.port, cause: e.cause }))
    )
  })
).pipe(Command.withDescription("Start webappen: upload en Menti-eksport, gennemgå temaerne og hent rapporten."))
