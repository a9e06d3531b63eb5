/** An ASCII file name from a title, for downloads (the report's rule, so the report names the same files). */
export { titleSlug as slug } from "@udsagn/report/FileNames"
