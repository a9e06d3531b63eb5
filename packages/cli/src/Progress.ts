import { formatDecimal } from "@udsagn/danish/Format"
import { type Stage, stages } from "@udsagn/conference-feedback/ConferenceFeedback"

/** Per-stage progress lines on stderr, only when a person is watching a terminal. */
export const terminalProgress = (stream: NodeJS.WriteStream = process.stderr) => {
  if (!stream.isTTY) return () => {}
  const started = Date.now()
  return (stage: Stage, message: string) => {
    const step = stages.findIndex((s) => s.stage === stage) + 1
    const seconds = formatDecimal((Date.now() - started) / 1000, 1)
    stream.write(`[${step}/${stages.length}] ${message} … (${seconds} s)\n`)
  }
}
