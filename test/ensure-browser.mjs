// Run by `pnpm test` before the tests: the browser tests drive Debian's Chromium, and chart PNGs
// need a font. On a fresh machine (root, Debian) this installs them, so the README's `pnpm test`
// works as written; elsewhere it says what to install and stops.
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"

const chromium = "/usr/bin/chromium"
const font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

if (!existsSync(chromium) || !existsSync(font)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0
  if (!root || !existsSync("/usr/bin/apt-get")) {
    console.error(
      "pnpm test needs Debian's Chromium and the DejaVu fonts: apt-get install -y chromium fonts-dejavu-core"
    )
    process.exit(1)
  }
  console.error("Installing Debian's chromium and fonts-dejavu-core for the browser tests …")
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env })
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-dejavu-core", "fontconfig"], { stdio: ["ignore", "ignore", "inherit"], env })
}
