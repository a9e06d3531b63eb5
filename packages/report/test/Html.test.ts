import { describe, expect, it } from "vitest"
import { escapeHtml, html, raw, sanitizeSvg } from "../src/Html.js"

describe("escapeHtml", () => {
  it("escapes every character that can open markup or leave an attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y' \`z\``)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;"
    )
  })

  it("leaves Danish text and masks alone", () => {
    expect(escapeHtml("Ældre på øen får [CPR] og [telefon] skjult")).toBe("Ældre på øen får [CPR] og [telefon] skjult")
  })

  it("escapes twice when asked twice (no clever skipping of entities)", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;")
  })
})

describe("html template", () => {
  it("escapes interpolated strings and numbers but not Raw markup or nested templates", () => {
    const inner = html`<em>${"<b>"}</em>`
    const out = html`<p title="${`" onmouseover="x`}">${"<img src=x>"}${inner}${raw("<br>")}${42}${[html`<i>a</i>`, "<u>"]}${undefined}${false}</p>`
    expect(out.html).toBe(
      `<p title="&quot; onmouseover=&quot;x">&lt;img src=x&gt;<em>&lt;b&gt;</em><br>42<i>a</i>&lt;u&gt;</p>`
    )
  })
})

describe("sanitizeSvg", () => {
  it("removes scripts, foreignObject, event handlers and outside references, keeps the drawing", () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">` +
      `<script>alert(2)</script><foreignObject><div>x</div></foreignObject>` +
      `<a href="javascript:alert(3)"><text x="1" y="5" onclick='alert(4)'>Tekst</text></a>` +
      `<image href="http://example.invalid/x.png"/><use xlink:href="#ok"/>` +
      `<rect width="5" height="5" fill="#0072B2" clip-path="url(#c)"/></svg>`
    const out = sanitizeSvg(svg)
    expect(out).not.toMatch(/script|foreignObject|onload|onclick|javascript:|example\.invalid|<image|<\?xml/i)
    expect(out).toContain(`<rect width="5" height="5" fill="#0072B2" clip-path="url(#c)"/>`)
    expect(out).toContain(">Tekst</text>")
    expect(out.startsWith("<svg")).toBe(true)
  })
})
