#!/usr/bin/env node
import * as ValidationError from "@effect/cli/ValidationError"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { DataLocations } from "@udsagn/conference-feedback/DataLocations"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { run } from "./Cli.js"

/** Everything every command needs: the pipeline, the data locations (Config) and Node's platform. */
const MainLayer = Layer.mergeAll(ConferenceFeedback.Default, DataLocations.Default).pipe(
  Layer.provideMerge(NodeContext.layer)
)

/**
 * Input problems end as one line on stderr and exit code 1; bugs as one line and exit code 2
 * (UDSAGN_DEBUG=1 prints the full cause). Never a stack trace for a person's bad file.
 */
const program = Effect.suspend(() => run(process.argv)).pipe(
  Effect.provide(MainLayer),
  Effect.catchAllCause((cause) =>
    Effect.sync(() => {
      const failure = Cause.failureOption(cause)
      if (failure._tag === "Some") {
        const error = failure.value
        // @effect/cli has already printed its help text for wrong arguments.
        if (!ValidationError.isValidationError(error)) {
          const message = (error as { message?: string }).message ?? String(error)
          process.stderr.write(`Fejl: ${message.replace(/\s*\n\s*/g, " ")}\n`)
        }
        process.exitCode = 1
      } else if (!Cause.isInterruptedOnly(cause)) {
        const first = String(Cause.squash(cause)).split("\n")[0]
        process.stderr.write(`Intern fejl i udsagn: ${first} (kør igen med UDSAGN_DEBUG=1 for detaljer)\n`)
        if (process.env.UDSAGN_DEBUG) process.stderr.write(Cause.pretty(cause) + "\n")
        process.exitCode = 2
      }
    })
  )
)

NodeRuntime.runMain(program, { disableErrorReporting: true })
