import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Where an indexer keeps its position; the ledger's database implements the same two calls. */
export interface CursorStore {
  load(key: string): Promise<string | undefined>;
  save(key: string, cursor: string): Promise<void>;
}

/** A JSON file of key → cursor, replaced atomically (write temp, rename) so a crash never half-writes it. */
export function fileCursorStore(path: string): CursorStore {
  const read = (): Record<string, string> => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {});
  return {
    load: async (key) => read()[key],
    save: async (key, cursor) => {
      const all = { ...read(), [key]: cursor };
      writeFileSync(`${path}.tmp`, `${JSON.stringify(all, null, 2)}\n`);
      renameSync(`${path}.tmp`, path);
    },
  };
}

/** In-memory store for tests and one-shot scans. */
export function memoryCursorStore(): CursorStore & { cursors: Map<string, string> } {
  const cursors = new Map<string, string>();
  return { cursors, load: async (k) => cursors.get(k), save: async (k, c) => void cursors.set(k, c) };
}
