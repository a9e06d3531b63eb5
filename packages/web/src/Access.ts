import { HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Effect } from "effect"
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto"

// The access password of a server that listens beyond this computer: HTTP Basic (the browser
// asks once and remembers it for the tab), checked against a scrypt hash. The password itself
// is never kept.

export interface PasswordHash {
  readonly salt: Buffer
  readonly hash: Buffer
}

const keyLength = 32

export const hashPassword = (password: string): PasswordHash => {
  const salt = randomBytes(16)
  return { salt, hash: scryptSync(password.normalize("NFC"), salt, keyLength) }
}

/** Off the event loop (libuv's thread pool): a wrong guess costs the guesser, not other users. */
const matches = (stored: PasswordHash, password: string) =>
  Effect.async<boolean>((resume) => {
    scrypt(password.normalize("NFC"), stored.salt, keyLength, (error, key) =>
      resume(Effect.succeed(error === null && timingSafeEqual(key, stored.hash))))
  })

/** The password of an `Authorization: Basic …` header (the user name is ignored). */
export const basicPassword = (header: string | undefined): string | undefined => {
  const m = /^Basic\s+([A-Za-z0-9+/=]{1,1024})$/i.exec(header?.trim() ?? "")
  if (m === null) return undefined
  const decoded = Buffer.from(m[1] ?? "", "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  return colon === -1 ? undefined : decoded.slice(colon + 1)
}

export const loginRequired = HttpServerResponse.text(
  "Udsagn kræver adgangskode. Log ind med brugernavnet »udsagn« (eller et hvilket som helst navn) og serverens adgangskode.",
  { status: 401, headers: { "www-authenticate": 'Basic realm="Udsagn", charset="UTF-8"' } }
)

/** Whether the request carries the right password. */
export const authorized = (stored: PasswordHash) =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const password = basicPassword(request.headers["authorization"])
    return password === undefined ? Effect.succeed(false) : matches(stored, password)
  })
