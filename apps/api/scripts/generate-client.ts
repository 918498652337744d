/**
 * Regenerates packages/client/src/generated/openapi.ts from the API's document, taken from
 * createApp without listening (no database, no chains): `npm run client:generate` from the repo
 * root. It lives here, not in the client, so the client does not depend on the API.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILE, renderClientTypes } from '@fiscus/client/render';
import { openApiDocument } from '../src/openapi-document.ts';

const file = fileURLToPath(GENERATED_FILE);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, await renderClientTypes(await openApiDocument()));
process.stdout.write(`wrote ${file}\n`);
