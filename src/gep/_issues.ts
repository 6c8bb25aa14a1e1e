import type { z } from "zod";
import { jsonPath } from "./_json_path.ts";

/** Most schema issues spelled out in one message; the rest are counted. */
const MAX_ISSUES = 3;

/** Zod issues as `$.path: message; …`, for error messages and verify reports. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES).map((issue) =>
    `${jsonPath(issue.path)}: ${issue.message}`
  );
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; ");
}
