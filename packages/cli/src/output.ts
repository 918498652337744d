/** Where the CLI writes: injectable so tests run it in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress is drawn only on a terminal (and never with --json). */
  isTty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTty: Boolean(process.stderr.isTTY),
};

/** An object as `key: value` lines, an array of objects as aligned columns. */
export function formatText(value: unknown, columns?: string[]): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)\n';
    const cols = columns ?? Object.keys(value[0] as object).filter((k) => typeof (value[0] as Record<string, unknown>)[k] !== 'object');
    const rows = value.map((v) => cols.map((c) => cell((v as Record<string, unknown>)[c])));
    const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r
        .map((x, i) => x.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    return [line(cols), ...rows.map(line)].join('\n') + '\n';
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const w = Math.max(...entries.map(([k]) => k.length));
    return entries.map(([k, v]) => `${k.padEnd(w)}  ${typeof v === 'object' && v !== null ? JSON.stringify(v) : cell(v)}`).join('\n') + '\n';
  }
  return `${cell(value)}\n`;
}

const cell = (v: unknown): string => (v === null || v === undefined ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A one-line progress bar on stderr: `label [#####.....] 5/10 detail`, redrawn in place. */
export class Progress {
  #last = '';
  constructor(
    private readonly io: Io,
    private readonly enabled: boolean,
  ) {}

  update(label: string, done: number, total: number, detail = ''): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${detail ? ` ${detail}` : ''}`;
    if (line === this.#last) return;
    this.#last = line;
    this.io.err(`\r${line.padEnd(79)}`);
  }

  done(): void {
    if (this.enabled && this.#last) this.io.err('\n');
    this.#last = '';
  }
}
