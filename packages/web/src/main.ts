import { HttpServer } from "@effect/platform"
import { NodeRuntime } from "@effect/platform-node"
import { Config, Console, Effect, Layer, Option } from "effect"
import { AnalyzerLive } from "./AnalyzerLive.js"
import { serverLayer } from "./Server.js"
import { WebConfig } from "./WebConfig.js"

// `pnpm serve [--port 8080] [--host 127.0.0.1] [--reports-dir reports]`;
// PORT, HOST and REPORTS_DIR in the environment work too. Localhost unless told otherwise.

const argValue = (name: string): Option.Option<string> => {
  const args = process.argv.slice(2)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === `--${name}`) return Option.fromNullable(args[i + 1])
    if (a.startsWith(`--${name}=`)) return Option.some(a.slice(name.length + 3))
  }
  return Option.none()
}

const withArg = <A>(name: string, parse: (s: string) => A, config: Config.Config<A>) =>
  Option.match(argValue(name), { onNone: () => config, onSome: (v) => Config.succeed(parse(v)) })

const program = Effect.gen(function*() {
  const port = yield* withArg("port", Number, Config.port("PORT").pipe(Config.withDefault(8080)))
  const host = yield* withArg("host", String, Config.string("HOST").pipe(Config.withDefault("127.0.0.1")))
  const reportsDir = argValue("reports-dir")
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return yield* Effect.fail(new Error(`Ugyldigt portnummer: ${port}`))
  }
  yield* Console.log("Starter Udsagn … (det tager et øjeblik)")
  const config = Option.match(reportsDir, {
    onNone: () => WebConfig.fromEnv,
    onSome: (dir) => Layer.effect(WebConfig, Effect.map(WebConfig, (c) => ({ ...c, reportsDir: dir }))).pipe(Layer.provide(WebConfig.fromEnv))
  })
  const announce = Layer.effectDiscard(
    HttpServer.addressFormattedWith((url) =>
      Console.log(`Udsagn kører på ${url}\nÅbn adressen i din browser. Stop serveren med Ctrl+C.`)
    )
  )
  return yield* Layer.launch(
    announce.pipe(Layer.provideMerge(serverLayer({ port, host })), Layer.provide(AnalyzerLive), Layer.provide(config))
  )
})

NodeRuntime.runMain(program)
