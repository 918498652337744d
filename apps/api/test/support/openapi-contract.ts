import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { CallResult } from './http.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

/** /openapi.json as data: its operations, and a checker that an answer is one it documents. */

export interface Operation {
  method: string;
  /** OpenAPI template, e.g. /v1/funds/{fundId}. */
  path: string;
  op: JsonSchema;
}

export interface Contract {
  doc: JsonSchema;
  operations: Operation[];
  /** Failures for this answer (empty when the document describes it). */
  check(op: Operation, r: CallResult): string[];
  /** Does this JSON body satisfy the operation's documented request schema? */
  acceptsBody(op: Operation, body: unknown): boolean;
}

export function loadContract(doc: JsonSchema): Contract {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<JsonSchema>(doc.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(item)) operations.push({ method: method.toUpperCase(), path, op });
  }
  // strict: false — OpenAPI's own keywords (example, …) sit beside JSON Schema's. The document's two
  // formats are checked as strictly as the server checks them: without them "" passed as a valid
  // date-time here while the server (rightly) refuses it.
  const ajv = new Ajv2020({ strict: false, allErrors: false, formats: { 'date-time': isDateTime, date: isDate } });
  const cache = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: JsonSchema): ValidateFunction => {
    const cached = cache.get(key);
    if (cached) return cached;
    const v = ajv.compile({ ...schema, components: doc.components });
    cache.set(key, v);
    return v;
  };

  function check(o: Operation, r: CallResult): string[] {
    const where = `${o.method} ${o.path} → ${r.status}`;
    const documented = o.op.responses?.[String(r.status)];
    if (!documented) return [`${where}: status not documented (documented: ${Object.keys(o.op.responses ?? {}).join(', ')}); body ${r.text.slice(0, 300)}`];
    const contentType = (r.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = documented.content as Record<string, { schema?: JsonSchema }> | undefined;
    if (!content) return r.text === '' ? [] : [`${where}: a body, but none documented`];
    const media = content[contentType];
    if (!media) return [`${where}: content-type ${contentType} not documented (${Object.keys(content).join(', ')})`];
    if (!media.schema || !contentType.endsWith('json')) return [];
    const validate = validatorFor(`${o.method} ${o.path} ${r.status} ${contentType}`, media.schema);
    if (validate(r.body)) return [];
    return [`${where}: body does not match the documented schema: ${ajv.errorsText(validate.errors)}; body ${r.text.slice(0, 400)}`];
  }

  function acceptsBody(o: Operation, body: unknown): boolean {
    const schema = o.op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
    return schema ? validatorFor(`${o.method} ${o.path} request`, schema)(body) : body === undefined;
  }

  return { doc, operations, check, acceptsBody };
}

/** Bodies generated in a row without one the document accepts, before the document is called unsatisfiable. */
const MAX_REJECTED_BODIES = 5_000;

/**
 * The filter of valid bodies, bounded: a request schema no body satisfies (allOf of two closed
 * objects, as `.extend` of a registered zod schema renders) made fast-check's filter loop for
 * ever, and the suite hung until CI's limit. Now generation fails, naming the route.
 */
export function acceptedWithin(o: Operation, contract: Contract): (v: unknown) => boolean {
  let rejected = 0;
  return (v) => {
    if (contract.acceptsBody(o, v)) {
      rejected = 0;
      return true;
    }
    if (++rejected >= MAX_REJECTED_BODIES) {
      throw new Error(
        `${o.method} ${o.path}: ${MAX_REJECTED_BODIES} generated bodies in a row and the document accepts none: is its request schema satisfiable?`,
      );
    }
    return false;
  };
}

/** /v1/funds/{fundId} with values → a request path (values are URI-encoded). */
export const fillPath = (template: string, params: Record<string, unknown>): string =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name] ?? 'x')));

/** ISO 8601 date-time with seconds and a zone (what zod's `z.iso.datetime({ offset: true })` surely accepts). */
function isDateTime(x: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(x) && isDate(x.slice(0, 10)) && !Number.isNaN(Date.parse(x));
}

/** A real calendar date, YYYY-MM-DD. */
function isDate(x: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
}
