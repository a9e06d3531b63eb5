import { Command } from "@effect/cli"
import { analyzeCommand } from "./commands/Analyze.js"
import { evaluateCommand } from "./commands/Evaluate.js"
import { learnCommand } from "./commands/Learn.js"
import { serveCommand } from "./commands/Serve.js"

const udsagn = Command.make("udsagn").pipe(
  Command.withDescription("Fra Menti-udsagn til en kategoriseret rapport for udvalget."),
  Command.withSubcommands([analyzeCommand, evaluateCommand, learnCommand, serveCommand])
)

export const run = Command.run(udsagn, { name: "udsagn", version: "0.1.0" })
