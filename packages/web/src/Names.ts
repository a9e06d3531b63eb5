import { slugify } from "@udsagn/danish/Slug"
/** An ASCII file name from a title, for downloads (danish's one slug rule). */
export const slug = (title: string) => slugify(title, 60, "analyse")
