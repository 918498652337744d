import fc from 'fast-check';

/**
 * JSON Schema (the OpenAPI 3.1 subset our zod schemas produce) → a fast-check arbitrary of
 * values VALID for that schema. Written here rather than pulled in: it needs to know only the
 * keywords /openapi.json uses, and `hints` let it aim at ids that exist (a random fundId only
 * ever reaches the 404 branch).
 */
export type JsonSchema = Record<string, any>;

export interface GenContext {
  /** components.schemas, for `$ref: '#/components/schemas/X'`. */
  components: Record<string, JsonSchema>;
  /** Property or parameter name → values that exist in the seeded world (tried half the time). */
  hints: Record<string, unknown[]>;
}

const resolve = (s: JsonSchema, ctx: GenContext): JsonSchema => {
  let out = s;
  for (let i = 0; out.$ref && i < 10; i++) out = ctx.components[String(out.$ref).split('/').pop()!] ?? {};
  return out;
};

export function arbitraryFor(schema: JsonSchema, ctx: GenContext, name?: string): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const gen = generate(s, ctx);
  // Hints stand in for strings only (a `from` that is an object is not an address).
  const isString = s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
  const hinted = name && isString ? ctx.hints[name] : undefined;
  return hinted?.length ? fc.oneof(fc.constantFrom(...hinted), gen) : gen;
}

function generate(s: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const union = s.anyOf ?? s.oneOf;
  // oneOf / allOf-of-oneOfs beside properties (mutually exclusive fields, per-chain formats):
  // pick one branch of each, fold them into the object; the caller filters by the real schema.
  if (s.properties && (union || s.allOf)) {
    const { anyOf: _a, oneOf: _o, allOf, ...base } = s;
    const groups: JsonSchema[][] = [...((allOf ?? []) as JsonSchema[]), ...(union ? [{ oneOf: union }] : [])]
      .map((g) => resolve(g, ctx))
      .map((g) => (g.oneOf ?? g.anyOf ?? [g]) as JsonSchema[]);
    return fc
      .tuple(...groups.map((branches) => fc.constantFrom(...branches.map((b) => resolve(b, ctx)))))
      .chain((picked) => generate(picked.reduce(merge, base as JsonSchema), ctx));
  }
  if (union) return fc.oneof(...(union as JsonSchema[]).map((u) => arbitraryFor(u, ctx)));
  if (s.allOf) return arbitraryFor(Object.assign({}, ...(s.allOf as JsonSchema[]).map((x) => resolve(x, ctx))), ctx);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => generate({ ...s, type: t }, ctx)));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberFor(s);
    case 'string':
      return stringFor(s);
    case 'array':
      return fc.array(arbitraryFor(s.items ?? {}, ctx), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object':
      return objectFor(s, ctx);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An object schema with a oneOf branch folded in (the caller filters by the real schema). */
function merge(base: JsonSchema, branch: JsonSchema): JsonSchema {
  const properties = { ...base.properties };
  for (const [k, v] of Object.entries<JsonSchema>(branch.properties ?? {})) properties[k] = { ...properties[k], ...v };
  const forbidden = new Set<string>(branch.not?.required ?? []);
  for (const k of forbidden) delete properties[k];
  const required = [...new Set([...(base.required ?? []), ...(branch.required ?? [])])].filter((k) => !forbidden.has(k));
  return { ...base, properties, required };
}

function numberFor(s: JsonSchema): fc.Arbitrary<number> {
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -1_000_000);
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : (s.maximum ?? 1_000_000);
  const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  // Both ends matter most: bounds are where schema and server tend to disagree.
  return fc.oneof(
    fc.constantFrom(lo, hi),
    fc.integer({ min: Math.max(lo, -1e9), max: Math.min(hi, 1e9) }).filter((n) => n >= lo && n <= hi),
  );
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = s.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (x: string) => [...x].length >= minLength && [...x].length <= maxLength;
  let base: fc.Arbitrary<string>;
  if (s.format === 'date-time') base = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (s.format === 'date')
    base = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (s.pattern) {
    // fast-check cannot generate lookaheads: generate without them, keep what the full pattern allows.
    const full = new RegExp(s.pattern, 'u');
    const loose = String(s.pattern).replace(/\(\?[=!][^()]*\)/g, '');
    base = loose === s.pattern ? fc.stringMatching(full) : fc.stringMatching(new RegExp(loose, 'u')).filter((x) => full.test(x));
  } else base = fc.string({ minLength, maxLength: Math.min(maxLength, 40) });
  const examples = s.example !== undefined && typeof s.example === 'string' && fits(s.example) ? [fc.constant(s.example as string)] : [];
  return fc.oneof(...examples, base.filter(fits));
}

function objectFor(s: JsonSchema, ctx: GenContext): fc.Arbitrary<Record<string, unknown>> {
  const props: Record<string, JsonSchema> = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = arbitraryFor(v, ctx, k);
  const requiredKeys = Object.keys(props).filter((k) => required.has(k));
  if (Object.keys(props).length === 0 && s.additionalProperties && s.additionalProperties !== false) {
    const key = s.propertyNames ? stringFor(s.propertyNames) : fc.string({ minLength: 1, maxLength: 10 });
    return fc.dictionary(key, arbitraryFor(s.additionalProperties === true ? {} : s.additionalProperties, ctx), { maxKeys: 3 });
  }
  return fc.record(record, { requiredKeys });
}

/** Invalid variants of a valid value: wrong type, a field removed or broken, an unknown field. */
export function invalidFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const anyJson = fc.jsonValue({ maxDepth: 2 });
  const broken = fc.tuple(valid, fc.nat(), anyJson, fc.constantFrom('replace', 'remove', 'extra')).map(([v, i, junk, how]) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return junk;
    const keys = Object.keys(v);
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    if (how === 'extra' || keys.length === 0) out[`unknown${i % 7}`] = junk;
    else if (how === 'remove') delete out[keys[i % keys.length]!];
    else out[keys[i % keys.length]!] = junk;
    return out;
  });
  return fc.oneof(anyJson, broken);
}
