import { Command, Options } from "@effect/cli"
import { Config, Console, Data, Effect, Option, Redacted } from "effect"
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

export const serveCommand = Command.make("serve", { port, host, password, reportsDir }, (args) =>
  Effect.gen(function*() {
    if (args.port < 0 || args.port > 65535) {
      return yield* new UsageError({ message: `Ugyldigt portnummer: ${args.port}. Brug et tal mellem 1 og 65535.` })
    }
    yield* Console.log("Starter Udsagn … (det tager et øjeblik)")
    // A relative folder means the one the user ran the command in.
    // The web app (HTTP server, pages, the pipeline behind it) is loaded only for this command.
    const { launchServer } = yield* Effect.promise(() => import("../ServeLaunch.js"))
    return yield* launchServer({
      port: args.port,
      host: args.host,
      ...Option.match(args.reportsDir, { onNone: () => ({}), onSome: (d) => ({ reportsDir: resolveUserPath(d) }) }),
      ...Option.match(args.password, { onNone: () => ({}), onSome: (p) => ({ password: Redacted.value(p) }) })
    }).pipe(
      Effect.catchTag("ServeError", (e) => new ServerStartError({ host: args.host, port: args.port, cause: e.cause }))
    )
  })
).pipe(Command.withDescription("Start webappen: upload en Menti-eksport, gennemgå temaerne og hent rapporten."))
