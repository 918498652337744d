/** Exact decimal-string arithmetic for display (units × NAV): BigInt, never floats. */
function parse(s: string): { int: bigint; scale: number } {
  const [w, f = ''] = s.split('.');
  return { int: BigInt(`${w}${f}` || '0'), scale: f.length };
}

export function mulDecimal(a: string, b: string, outScale = 2): string {
  const x = parse(a);
  const y = parse(b);
  const scale = x.scale + y.scale;
  let v = x.int * y.int;
  // Round half up to outScale.
  if (scale > outScale) {
    const d = 10n ** BigInt(scale - outScale);
    v = (v + d / 2n) / d;
  } else v *= 10n ** BigInt(outScale - scale);
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(outScale + 1, '0');
  const out = outScale ? `${digits.slice(0, -outScale)}.${digits.slice(-outScale)}` : digits;
  return neg ? `-${out}` : out;
}

/** For charts only: a decimal string as a JavaScript number (display precision is enough). */
export const toNumber = (s: string | null | undefined): number => (s ? Number(s) : 0);
