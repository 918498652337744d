import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/ledger/src/schema/index.ts',
  out: './drizzle',
});
