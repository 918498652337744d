import { cpus, loadavg } from 'node:os';

/** The machine's load when a figure was taken (figures on a shared machine mean little without it). */
export function loadNote(): string {
  const [one, five] = loadavg();
  return `load ${one!.toFixed(1)}/${five!.toFixed(1)} on ${cpus().length} CPUs`;
}
