/**
 * Regenerates src/generated/openapi.ts from the API's document, taken from createApp without
 * listening (no database, no chains): `npm run client:generate` from the repo root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '@fiscus/api/openapi';
import { GENERATED_FILE, renderClientTypes } from './render.ts';

const file = fileURLToPath(GENERATED_FILE);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, await renderClientTypes(await openApiDocument()));
process.stdout.write(`wrote ${file}\n`);
