import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux when it cannot say). */
let ticksPerSecond: number | undefined;
const clkTck = () => (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100);

/**
 * CPU seconds used so far by every process of the local PostgreSQL server (utime + stime of the
 * running processes, plus what the postmaster collected from exited backends), read from /proc.
 * Undefined when the database is not on this machine or /proc cannot say: a figure only, never a guess.
 */
export function localPostgresCpuSeconds(databaseUrl: string | undefined): number | undefined {
  if (!databaseUrl || !/@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) return undefined;
  try {
    let ticks = 0;
    let found = false;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres') continue;
      found = true;
      // Fields after "(comm) ": state is 0, so utime, stime, cutime, cstime are 11..14.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    }
    return found ? ticks / clkTck() : undefined;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds this process used since `since` (process.cpuUsage()). */
export const processCpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
