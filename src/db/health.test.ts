import { DatabaseHealth, type HealthState, type Timers } from './health';

/** A clock that moves only when told, and runs the timers that fall due. */
class FakeClock implements Timers {
  now = 0;
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ at: this.now + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  get timers(): number {
    return this.pending.length;
  }

  /** Advances time, running due timers and letting the promises they start settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.pending.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.now = due.at;
      due.fn();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    this.now = until;
  }
}

function setup(answers: boolean[]) {
  const clock = new FakeClock();
  let probes = 0;
  const health = new DatabaseHealth({
    probe: () => {
      const ok = answers[probes] ?? false;
      probes += 1;
      return ok ? Promise.resolve() : Promise.reject(new Error('refused'));
    },
    probeIntervalMs: 1000,
    timers: clock,
    now: () => clock.now,
  });
  const changes: [HealthState, number][] = [];
  health.onChange((state, downFor) => changes.push([state, downFor]));
  return { clock, health, changes, probes: () => probes };
}

describe('DatabaseHealth', () => {
  it('starts up and does not probe while up', async () => {
    const { clock, health, probes } = setup([]);
    expect(health.current).toBe('up');
    await clock.advance(10_000);
    expect(probes()).toBe(0);
    expect(clock.timers).toBe(0);
  });

  it('after a failure is down and probes once per interval until the database answers', async () => {
    const { clock, health, changes, probes } = setup([false, false, true]);
    clock.now = 5_000;
    health.failed();
    expect(health.isDown()).toBe(true);
    expect(probes()).toBe(0);
    await clock.advance(999);
    expect(probes()).toBe(0);
    await clock.advance(1);
    expect(probes()).toBe(1);
    expect(health.isDown()).toBe(true);
    await clock.advance(1000);
    expect(probes()).toBe(2);
    expect(health.isDown()).toBe(true);
    await clock.advance(1000);
    expect(probes()).toBe(3);
    expect(health.current).toBe('up');
    expect(changes).toEqual([
      ['down', 0],
      ['up', 3000],
    ]);
    // Up again: no more probes.
    await clock.advance(10_000);
    expect(probes()).toBe(3);
    expect(clock.timers).toBe(0);
  });

  it('runs one probe loop however many requests fail', async () => {
    const { clock, health, changes, probes } = setup([]);
    for (let i = 0; i < 50; i++) health.failed();
    expect(clock.timers).toBe(1);
    await clock.advance(3000);
    expect(probes()).toBe(3);
    expect(clock.timers).toBe(1);
    expect(changes).toEqual([['down', 0]]);
  });

  it('goes up at once when a transaction succeeds while down, and stops probing', async () => {
    const { clock, health, changes, probes } = setup([]);
    health.failed();
    await clock.advance(500);
    health.succeeded();
    expect(health.current).toBe('up');
    expect(clock.timers).toBe(0);
    await clock.advance(5000);
    expect(probes()).toBe(0);
    expect(changes).toEqual([
      ['down', 0],
      ['up', 500],
    ]);
  });

  it('can go down again after recovering', async () => {
    const { clock, health, changes } = setup([true, true]);
    health.failed();
    await clock.advance(1000);
    expect(health.current).toBe('up');
    health.failed();
    expect(health.current).toBe('down');
    await clock.advance(1000);
    expect(health.current).toBe('up');
    expect(changes.map(([state]) => state)).toEqual(['down', 'up', 'down', 'up']);
  });

  it('stops probing when stopped, and is not tripped afterwards', async () => {
    const { clock, health, probes } = setup([]);
    health.failed();
    health.stop();
    await clock.advance(5000);
    expect(probes()).toBe(0);
    expect(clock.timers).toBe(0);
  });

  it('asks clients to retry after the probe interval, at least one second', () => {
    const { health } = setup([]);
    expect(health.retryAfterSeconds()).toBe(1);
    const slow = new DatabaseHealth({
      probe: () => Promise.resolve(),
      probeIntervalMs: 2500,
      timers: new FakeClock(),
    });
    expect(slow.retryAfterSeconds()).toBe(3);
  });
});
