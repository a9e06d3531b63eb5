import type { Stage } from "@udsagn/conference-feedback/ConferenceFeedback"

/** Per-stage progress lines on stderr, only when a person is watching a terminal. */
export const terminalProgress = (stream: NodeJS.WriteStream = process.stderr) => {
  if (!stream.isTTY) return () => {}
  const started = Date.now()
  const order: ReadonlyArray<Stage> = ["ingest", "categorize", "aggregate", "charts", "report"]
  return (stage: Stage, message: string) => {
    const step = order.indexOf(stage) + 1
    const seconds = ((Date.now() - started) / 1000).toFixed(1).replace(".", ",")
    stream.write(`[${step}/${order.length}] ${message} … (${seconds} s)\n`)
  }
}
