/**
 * Exit codes scripts can rely on (also in the README and `fiscus --help`).
 * The HTTP status decides, so a script can tell "fix the input" from "try again later".
 */
export const EXIT = {
  OK: 0,
  /** A bug or an answer the CLI did not expect. */
  INTERNAL: 1,
  /** Bad command line: unknown command, missing or malformed flag. */
  USAGE: 2,
  /** 401/403: no key, a revoked key, or a role that may not do this. */
  AUTH: 3,
  /** 404: the fund, investor, operation… does not exist. */
  NOT_FOUND: 4,
  /** Any other 4xx: the API refused the request (validation, conflict, policy); the problem's `code` is printed. */
  REFUSED: 5,
  /** 5xx, 429 or no answer: the API or a chain is unavailable; retrying later may work. */
  UNAVAILABLE: 6,
  /** An operation (or a distribution) the CLI waited for ended failed / compensated / partially_failed. */
  FAILED: 7,
} as const;

export function exitForStatus(status: number): number {
  if (status === 401 || status === 403) return EXIT.AUTH;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 429 || status >= 500) return EXIT.UNAVAILABLE;
  if (status >= 400) return EXIT.REFUSED;
  return EXIT.INTERNAL;
}
