/**
 * Filter choices read from the API's own OpenAPI document, so the console never keeps a second
 * copy of the operation kinds and states that core defines (and a new kind shows up unedited).
 */
interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: unknown[] };
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, { parameters?: Parameter[] } | undefined> | undefined>;
}

/** The enum of a GET route's query parameter, or [] when the document does not name one. */
export function queryEnum(doc: OpenApiDocument | undefined, path: string, name: string): string[] {
  const parameters = doc?.paths?.[path]?.get?.parameters ?? [];
  const values = parameters.find((p) => p.in === 'query' && p.name === name)?.schema?.enum ?? [];
  return values.filter((v): v is string => typeof v === 'string');
}
