/**
 * Canonical JSON (RFC 8785 JCS) for attestation bodies: keys sorted by UTF-16 code units, no
 * whitespace. Bodies hold only strings, booleans, null and safe integers (money is a decimal
 * string), for which JSON.stringify already yields the JCS form; anything else is refused rather
 * than serialised ambiguously.
 */
export type Canonical = string | boolean | null | number | Canonical[] | { [k: string]: Canonical };

export function canonicalJson(v: Canonical): string {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TypeError(`canonical JSON takes safe integers only, got ${v}`);
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`).join(',')}}`;
}
