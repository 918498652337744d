/**
 * Time-ordered ids with a type prefix (`op_…`, `fund_…`): sorting by id follows creation order,
 * which keeps keyset pagination stable, and the prefix tells a reader what an id names.
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(10)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}_${time}${random}`;
}
