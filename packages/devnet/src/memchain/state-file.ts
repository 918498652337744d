import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MemChain } from './chain.ts';
import { decodeStateInto, encodeState, MemChainStateError } from './state-codec.ts';

/**
 * memchain's state on disk, so `npm start` keeps its chain across restarts like it keeps its
 * database. One memchain per file: two processes sharing a file would overwrite each other.
 */

/** Loads `file` into a fresh chain if it exists; false when there is none (a new chain). Fails loudly otherwise. */
export function loadStateFile(file: string, chain: MemChain): boolean {
  if (!existsSync(file)) return false;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MemChainStateError(`memchain state file ${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    decodeStateInto(chain, text);
  } catch (e) {
    if (!(e instanceof MemChainStateError)) throw e;
    // Never start a fresh chain over a file we cannot read: that would silently lose the chain.
    throw new MemChainStateError(`memchain state file ${file}: ${e.message}. Fix or move the file away to start a new chain.`, { cause: e });
  }
  return true;
}

/**
 * Atomic replace: write a temp file in the same directory, fsync it, rename it over the old
 * one, then fsync the directory. A crash at any point leaves either the old or the new state,
 * never a torn file.
 */
export function saveStateFile(file: string, chain: MemChain): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeFileSync(fd, encodeState(chain)); // loops until every byte is written
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(dir);
}

/** The rename is only durable once the directory entry is; some platforms cannot fsync a directory. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort (e.g. Windows): the file contents themselves were already fsynced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
