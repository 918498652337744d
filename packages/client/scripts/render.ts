import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_FILE = new URL('../src/generated/openapi.ts', import.meta.url);

const HEADER = `/**
 * Generated from the Fiscus API's /openapi.json by \`npm run client:generate\` (openapi-typescript).
 * Do not edit: apps/api/test/client.int.test.ts fails when this file and the server's document differ.
 */
/* eslint-disable */
`;

/** The TypeScript types of an OpenAPI document: what src/generated/openapi.ts holds. */
export async function renderClientTypes(document: Record<string, unknown>): Promise<string> {
  return HEADER + astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));
}
