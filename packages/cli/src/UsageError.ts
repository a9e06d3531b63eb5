import { Data } from "effect"

/**
 * A command line that @effect/cli lets through but that cannot be right (an unknown `--flag`
 * read as the file, a port out of range): one Danish line, exit code 1.
 */
export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}
