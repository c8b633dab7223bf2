/**
 * What the API knows about the database's reachability: a circuit breaker with two states.
 *
 * UP: transactions go to the driver. A transaction that fails because the database does not
 * answer (after the driver's own retries) trips the breaker.
 * DOWN: new transactions fail at once instead of each waiting out the driver's retry window and
 * connection timeout; one background probe at a time asks the database every `probeIntervalMs`,
 * and the first answer — or any transaction that still succeeds — sets it UP again. There is no
 * half-open trickle: the probe is the only traffic while down, and traffic resumes in full.
 */
export type HealthState = 'up' | 'down';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    // The probe alone must not keep a process alive (a CLI that has finished, a test run).
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export interface DatabaseHealthOptions {
  /** Resolves when the database answers; rejects otherwise. */
  probe: () => Promise<void>;
  probeIntervalMs: number;
  timers?: Timers;
  now?: () => number;
}

export class DatabaseHealth {
  private state: HealthState = 'up';
  private downSince: number | undefined;
  private timer: unknown;
  private probing = false;
  private stopped = false;
  private readonly listeners: ((state: HealthState, downForMs: number) => void)[] = [];
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(private readonly options: DatabaseHealthOptions) {
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  get current(): HealthState {
    return this.state;
  }

  isDown(): boolean {
    return this.state === 'down';
  }

  /** Whole seconds a client should wait before trying again: until the next probe, at least 1. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.options.probeIntervalMs / 1000));
  }

  /** Called with the new state on every change (for logs); `downForMs` is the outage so far. */
  onChange(listener: (state: HealthState, downForMs: number) => void): void {
    this.listeners.push(listener);
  }

  /** The database did not answer: fail fast from now on and start probing. */
  failed(): void {
    if (this.stopped || this.state === 'down') return;
    this.state = 'down';
    this.downSince = this.now();
    this.emit();
    this.scheduleProbe();
  }

  /** The database answered (a probe or a transaction that began before the breaker tripped). */
  succeeded(): void {
    if (this.state === 'up') return;
    const downFor = this.now() - (this.downSince ?? this.now());
    this.state = 'up';
    this.downSince = undefined;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.emit(downFor);
  }

  /** No more probes (the driver is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private scheduleProbe(): void {
    if (this.stopped || this.probing || this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.runProbe();
    }, this.options.probeIntervalMs);
  }

  private async runProbe(): Promise<void> {
    if (this.stopped || this.state === 'up') return;
    this.probing = true;
    let answered: boolean;
    try {
      await this.options.probe();
      answered = true;
    } catch {
      answered = false;
    } finally {
      this.probing = false;
    }
    if (this.stopped) return;
    if (answered) this.succeeded();
    else if (this.state === 'down') this.scheduleProbe();
  }

  private emit(downForMs = 0): void {
    for (const listener of this.listeners) listener(this.state, downForMs);
  }
}
