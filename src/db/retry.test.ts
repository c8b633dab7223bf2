import { withRetries, type RetryPolicy } from './retry';

const POLICY: RetryPolicy = {
  maxRetryTimeMs: 5_000,
  initialDelayMs: 1_000,
  multiplier: 2,
  jitter: 0,
};

/** A clock that moves only when the code under test sleeps. */
function fakeTime() {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms: number) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

class Transient extends Error {}
const retryable = (error: unknown) => error instanceof Transient;

describe('withRetries', () => {
  it('tries again after growing delays until the attempt succeeds', async () => {
    const time = fakeTime();
    let calls = 0;
    const answer = await withRetries(
      () => (++calls < 3 ? Promise.reject(new Transient()) : Promise.resolve('ok')),
      retryable,
      POLICY,
      time.sleep,
      time.now,
    );
    expect([answer, calls, time.slept]).toEqual(['ok', 3, [1_000, 2_000]]);
  });

  it('gives up with the last error once the retry time is over', async () => {
    const time = fakeTime();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Transient(`attempt ${calls}`));
    };
    await expect(withRetries(failing, retryable, POLICY, time.sleep, time.now)).rejects.toThrow(
      'attempt 4',
    );
    // Attempts at 0, 1, 3 and 7 s: a retry is planned only while under 5 s have passed.
    expect(time.slept).toEqual([1_000, 2_000, 4_000]);
  });

  it('does not repeat an error that is not retryable', async () => {
    const time = fakeTime();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error('syntax'));
    };
    await expect(withRetries(failing, retryable, POLICY, time.sleep, time.now)).rejects.toThrow(
      'syntax',
    );
    expect([calls, time.slept]).toEqual([1, []]);
  });

  it('spreads the delay by the jitter', async () => {
    const time = fakeTime();
    let calls = 0;
    await withRetries(
      () => (++calls < 2 ? Promise.reject(new Transient()) : Promise.resolve()),
      retryable,
      { ...POLICY, jitter: 0.2 },
      time.sleep,
      time.now,
    );
    expect(time.slept[0]).toBeGreaterThanOrEqual(800);
    expect(time.slept[0]).toBeLessThanOrEqual(1_200);
  });
});
