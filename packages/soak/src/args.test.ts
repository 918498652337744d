import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

const parse = (s: string) => parseArgs(s ? s.split(' ') : [], () => 42);

describe('soak arguments', () => {
  it('takes a seed and a bounded duration', () => {
    expect(parse('--seed 7 --duration 10m')).toMatchObject({ seed: 7, moreSeeds: [], durationMs: 600_000 });
    expect(parse('--seed 7 --seed 8 --duration 120')).toMatchObject({ seed: 7, moreSeeds: [8], durationMs: 120_000 });
    expect(parse('')).toMatchObject({ seed: 42, durationMs: 120_000, actors: 4 });
  });

  it.each([
    ['--seed x', '--seed: "x" is not a whole number'],
    ['--seed 4294967296', '--seed: must be between 0 and 4294967295'],
    ['--duration 5s', '--duration: must be between 10s and 14400s, got 5s'],
    ['--duration 5h', '--duration: must be between 10s and 14400s, got 18000s'],
    ['--duration 3d', '--duration: "3d" is not a duration'],
    ['--actors 0', '--actors: must be between 1 and 16'],
    ['--drain 10s', '--drain: must be between 30s and 1800s'],
    ['--seed', '--seed: needs a value'],
    ['--speed 3', 'unknown argument --speed'],
  ])('%s is refused with a clear message', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});
