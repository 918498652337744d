import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FiscusError } from '@fiscus/core';
import type { ProvisionRecord, ProvisionStore } from './types.ts';

/** One JSON file per provisioning in `dir`, replaced atomically (temp file, fsync, rename). */
export class FileProvisionStore implements ProvisionStore {
  constructor(private readonly dir: string) {}

  private file(id: string) {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw new Error(`provision id ${id}: letters, digits, _ and - only`);
    return join(this.dir, `${id}.json`);
  }

  async load(id: string): Promise<ProvisionRecord | null> {
    const f = this.file(id);
    if (!existsSync(f)) return null;
    return JSON.parse(readFileSync(f, 'utf8')) as ProvisionRecord;
  }

  /** Version check and write are not atomic across processes: one process per directory (devnets). */
  async save(rec: ProvisionRecord): Promise<void> {
    assertNext((await this.load(rec.id))?.version, rec);
    mkdirSync(this.dir, { recursive: true });
    const f = this.file(rec.id);
    const tmp = `${f}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeFileSync(fd, JSON.stringify(rec, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, f);
  }
}

/** In memory (tests, and a devnet that keeps no state): a copy per save, as a database would. */
export class MemoryProvisionStore implements ProvisionStore {
  private readonly recs = new Map<string, string>();
  async load(id: string): Promise<ProvisionRecord | null> {
    const s = this.recs.get(id);
    return s ? (JSON.parse(s) as ProvisionRecord) : null;
  }
  async save(rec: ProvisionRecord): Promise<void> {
    assertNext((await this.load(rec.id))?.version, rec);
    this.recs.set(rec.id, JSON.stringify(rec));
  }
}

export function assertNext(stored: number | undefined, rec: ProvisionRecord): void {
  if ((stored ?? 0) !== rec.version - 1) {
    throw new FiscusError('CONFLICT', `provisioning ${rec.id} was changed by another runner (stored version ${stored ?? 'none'}, saving ${rec.version})`);
  }
}
