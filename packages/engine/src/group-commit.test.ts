import { describe, expect, it } from 'vitest';
import { GroupCommit, type Settled } from './group-commit.ts';

/** A run that records its groups and finishes only when the test says so. */
function recording() {
  const groups: number[][] = [];
  const finish: (() => void)[] = [];
  const run = (items: number[]): Promise<Settled<number>[]> => {
    groups.push(items);
    return new Promise((resolve) =>
      finish.push(() => resolve(items.map((i) => (i < 0 ? { ok: false, error: new Error(`item ${i}`) } : { ok: true, value: i * 10 })))),
    );
  };
  return { groups, finish, run };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('runs an item added to an idle group at once, and what arrives meanwhile together in the next run', async () => {
    const r = recording();
    const group = new GroupCommit(r.run, 64);
    const first = group.add(1);
    await turn();
    expect(r.groups).toEqual([[1]]);
    const later = [group.add(2), group.add(3), group.add(4)];
    await turn();
    expect(r.groups).toHaveLength(1); // the first run is still in flight
    r.finish[0]!();
    expect(await first).toBe(10);
    await turn();
    expect(r.groups).toEqual([[1], [2, 3, 4]]);
    r.finish[1]!();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('never runs more than `max` items together', async () => {
    const r = recording();
    const group = new GroupCommit(r.run, 2);
    const all = [1, 2, 3, 4, 5].map((i) => group.add(i));
    for (let i = 0; i < 3; i++) {
      await turn();
      r.finish[i]!();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(r.groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('an item answered with an error rejects alone; a run that throws rejects its group, and the next group still runs', async () => {
    const r = recording();
    const group = new GroupCommit(r.run, 64);
    const mixed = [group.add(1), group.add(-2), group.add(3)];
    await turn();
    r.finish[0]!();
    const settled = await Promise.allSettled(mixed);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('item -2'));

    let calls = 0;
    const throwing = new GroupCommit(async (items: number[]) => {
      if (calls++ === 0) throw new Error('connection lost');
      return items.map((value) => ({ ok: true as const, value }));
    }, 64);
    const lost = [throwing.add(1), throwing.add(2)];
    await expect(Promise.all(lost)).rejects.toThrow('connection lost');
    expect(await throwing.add(3)).toBe(3);
  });
});
