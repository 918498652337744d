import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local ledger on disk, so `npm start` keeps `stellar:local` across restarts like it keeps
 * its database. Applying a transaction is deterministic (state, envelope, ledger number, close
 * time), so the file is a replay log: a header line, then one JSON line per closed ledger that
 * applied transactions, written and fsynced BEFORE any submitter hears the result. Empty ledgers
 * are not written (they change nothing but the ledger number). One ledger per file.
 */

const FORMAT = 'fiscus-local-ledger-journal';
const VERSION = 1;

export interface JournalHeader {
  format: typeof FORMAT;
  version: number;
  passphrase: string;
  genesisCloseTime: number;
}

export interface JournalLedger {
  sequence: number;
  closeTime: number;
  /** Envelopes applied in this ledger, in application order (failed ones included: they charged fees). */
  txs: string[];
}

export class LedgerJournalError extends Error {
  override readonly name = 'LedgerJournalError';
}

export interface LoadedJournal {
  /** Absent when the file holds no complete line yet. */
  header?: JournalHeader;
  ledgers: JournalLedger[];
  /** Bytes up to the last complete line: the file is cut back to this before appending. */
  validBytes: number;
}

/**
 * Reads the journal; undefined when there is none. A last line without its newline is a write
 * that a crash cut short: its ledger never answered anyone, so it is dropped. Anything else that
 * does not parse stops the start (a fresh ledger over a broken file would silently lose it).
 */
export function readJournal(file: string, passphrase: string): LoadedJournal | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1); // drops a torn tail
  const validBytes = Buffer.byteLength(complete);
  const lines = complete.split('\n');
  lines.pop(); // the empty string after the final newline
  if (lines.length === 0) return { ledgers: [], validBytes };
  const parse = (line: string, n: number) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new LedgerJournalError(`local ledger journal ${file}: line ${n} is not JSON. Fix or move the file away to start a new ledger.`);
    }
  };
  const header = parse(lines[0]!, 1) as JournalHeader;
  if (header?.format !== FORMAT || header.version !== VERSION) {
    throw new LedgerJournalError(`local ledger journal ${file}: not a ${FORMAT} v${VERSION} file. Fix or move the file away to start a new ledger.`);
  }
  if (header.passphrase !== passphrase) {
    throw new LedgerJournalError(`local ledger journal ${file}: written for network "${header.passphrase}", not "${passphrase}"`);
  }
  const ledgers = lines.slice(1).map((l, i) => {
    const x = parse(l, i + 2) as JournalLedger;
    if (!Number.isInteger(x?.sequence) || !Number.isInteger(x.closeTime) || !Array.isArray(x.txs)) {
      throw new LedgerJournalError(`local ledger journal ${file}: line ${i + 2} is not a ledger record`);
    }
    return x;
  });
  return { header, ledgers, validBytes };
}

/** Appends lines with an fsync each: a closed ledger is durable before its results are sent. */
export class JournalWriter {
  readonly #fd: number;
  #closed = false;

  /** `keepBytes`: cut the file back to its complete lines first; `header`: write it first (a new file). */
  constructor(
    readonly file: string,
    opts: { keepBytes?: number; header?: JournalHeader },
  ) {
    mkdirSync(dirname(file), { recursive: true });
    if (opts.keepBytes !== undefined) truncateSync(file, opts.keepBytes);
    const header = opts.header;
    this.#fd = openSync(file, 'a', 0o600);
    if (header) this.#write(header);
  }

  static header(passphrase: string, genesisCloseTime: number): JournalHeader {
    return { format: FORMAT, version: VERSION, passphrase, genesisCloseTime };
  }

  append(ledger: JournalLedger): void {
    this.#write(ledger);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }

  #write(record: unknown): void {
    if (this.#closed) throw new LedgerJournalError(`local ledger journal ${this.file} is closed`);
    appendFileSync(this.#fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.#fd);
  }
}
