/**
 * JSON.stringify replacer for our data: bigint (units, USD, blocks) becomes its decimal string,
 * the form every API, jsonb column and wire format here uses. Without it JSON.stringify throws.
 */
export const bigintReplacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/** `value` as plain JSON (bigints as decimal strings, undefined dropped, Dates as ISO strings). */
export const toJsonSafe = (value: unknown): unknown => JSON.parse(JSON.stringify(value, bigintReplacer));
