import { html } from "../Html.js"
import { layout } from "./Layout.js"

export const notFoundPage = (message = "Siden findes ikke.") =>
  layout(
    { title: "Ikke fundet" },
    html`<h1>Ikke fundet</h1><p>${message}</p><p><a class="button primary" href="/">Til forsiden</a></p>`
  )

export const errorPage = (message: string) =>
  layout(
    { title: "Fejl" },
    html`<h1>Noget gik galt</h1><div class="error" role="alert"><p>${message}</p></div><p><a class="button primary" href="/">Til forsiden</a></p>`
  )
