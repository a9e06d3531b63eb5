import * as NodePath from "node:path"

/**
 * The folder the user ran the command in. pnpm runs root scripts from the repo root
 * but records the caller's folder in INIT_CWD; relative paths must mean the caller's.
 */
export const userCwd = (): string => process.env.INIT_CWD ?? process.cwd()

export const resolveUserPath = (p: string): string => NodePath.resolve(userCwd(), p)
