import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags';
import { numberArg } from './sampling';

/**
 * Load on the running API (loopback only, bounded): the server is the real one
 * (`node dist/src/cli/start.js`, its own process, so its RSS is its own and autocannon does not
 * share its event loop), against the database NEO4J_URI names, with the project seeds (start.js
 * imports them when they are not current).
 *
 * 1. The nested research query cities → orgUnits → posts → person → sources, with the sources of
 *    every level, at 1, 16 and 64 connections for `--duration` seconds each: req/s, p50, p99,
 *    errors, peak API RSS.
 * 2. The same query at 16 connections again, while four more connections send abusive queries
 *    (deep nesting, many aliases, a huge token count, a 500-alias nested list): how far they move
 *    the normal queries' p99 (target at most 2×), and what the abusive ones got.
 * A watchdog stops the server when its RSS passes `--rss-limit` MB, so an unbounded query cannot
 * take the machine down; the run then reports that.
 * Usage: node dist/bench/load.bench.js [--duration 10] [--rss-limit 2048]
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const DURATION_S = numberArg('--duration', 10);
const RSS_LIMIT_MB = numberArg('--rss-limit', 2048);
const LEVELS = [1, 16, 64];
const ABUSE_LEVEL = 16;

const SOURCES = 'sources { quote document { title } }';
const RESEARCH_QUERY = `{ cities { nodes { key name ${SOURCES}
  orgUnits { node { key name ${SOURCES}
    posts { roleTitle since { edtf } ${SOURCES}
      person { ... on Person { key name ${SOURCES} } } } } } } } }`;

/** cities → nodes → orgUnits → node → city → node → orgUnits → …, `levels` selections deep. */
function deepQuery(levels: number): string {
  const steps: string[] = [];
  for (let depth = 2; depth + 2 < levels; depth += 2) {
    steps.push(steps.length % 2 === 0 ? 'orgUnits { node {' : 'city { node {');
  }
  return `{ cities { nodes { ${steps.join(' ')} key ${'} } '.repeat(steps.length)}} } }`;
}

function aliases(count: number, selection: string): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: ${selection}`);
  return `{ ${fields.join(' ')} }`;
}

const ABUSIVE_QUERIES: Record<string, string> = {
  'deep nesting (23 levels)': deepQuery(23),
  'many aliases (1,000 × cities)': aliases(1000, 'cities(first: 1) { nodes { key } }'),
  'huge token count (50,000 aliases)': aliases(50_000, '__typename'),
  '500-alias nested list': aliases(
    500,
    'cities { nodes { orgUnits { node { name posts { roleTitle person { ... on Person { name } } } } } } }',
  ),
};

interface Level {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  requests: number;
  peakRssMb: number;
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function startServer(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, path.join(REPO_ROOT, 'dist/src/cli/start.js')],
    {
      cwd: REPO_ROOT,
      // Every load client is 127.0.0.1: one client's rate limit would turn the bench into 429s.
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        RATE_LIMIT: '100000000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /GraphQL API at (http:\/\/[^\s"]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { proc, url };
}

/** Peak RSS while `run` lasts; stops the server past the limit. */
async function watched<T>(
  pid: number,
  run: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number; killed: boolean }> {
  let peak = rssMb(pid);
  let killed = false;
  const timer = setInterval(() => {
    const rss = rssMb(pid);
    peak = Math.max(peak, rss);
    if (rss > RSS_LIMIT_MB && !killed) {
      killed = true;
      process.kill(pid, 'SIGKILL');
    }
  }, 200);
  try {
    return { result: await run(), peakRssMb: peak, killed };
  } finally {
    clearInterval(timer);
  }
}

function cannon(url: string, connections: number, bodies: string[]) {
  return autocannon({
    url: `${url}/graphql`,
    connections,
    duration: DURATION_S,
    timeout: 30,
    requests: bodies.map((query) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })),
  });
}

interface Abused {
  name: string;
  size: number;
  sent: number;
  answered: number;
  statuses: Record<string, number>;
  slowestMs: number;
}

/**
 * One connection per abusive query, each sent again as soon as it is answered, for the same
 * duration as the load beside it. A request still running at the end counts as unfinished.
 */
async function abuse(url: string): Promise<Abused[]> {
  const deadline = Date.now() + DURATION_S * 1000;
  return Promise.all(
    Object.entries(ABUSIVE_QUERIES).map(async ([name, query]) => {
      const out: Abused = {
        name,
        size: query.length,
        sent: 0,
        answered: 0,
        statuses: {},
        slowestMs: 0,
      };
      const body = JSON.stringify({ query });
      while (Date.now() < deadline) {
        out.sent += 1;
        const start = Date.now();
        try {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(Math.max(1, deadline - start)),
          });
          await response.arrayBuffer();
          out.answered += 1;
          out.statuses[response.status] = (out.statuses[response.status] ?? 0) + 1;
          out.slowestMs = Math.max(out.slowestMs, Date.now() - start);
        } catch {
          // Aborted at the end of the run: unfinished.
        }
      }
      return out;
    }),
  );
}

function level(connections: number, r: autocannon.Result, peakRssMb: number): Level {
  return {
    connections,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    requests: r.requests.total,
    peakRssMb,
  };
}

async function main(): Promise<void> {
  const { proc, url } = await startServer();
  const pid = proc.pid!;
  try {
    // The answer must be right before it is timed.
    const check = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: RESEARCH_QUERY }),
    });
    const text = await check.text();
    const parsed = JSON.parse(text) as {
      data?: { cities: { nodes: unknown[] } };
      errors?: unknown;
    };
    if (parsed.errors || parsed.data?.cities.nodes.length !== 4) {
      throw new Error(`the research query does not answer as expected: ${text.slice(0, 500)}`);
    }
    console.log(
      `Research query: ${RESEARCH_QUERY.replace(/\s+/g, ' ').length} characters, answer ${Math.round(text.length / 1024)} KB`,
    );
    // Warm-up: plans and JIT.
    await cannon(url, 4, [RESEARCH_QUERY]);

    const levels: Level[] = [];
    for (const connections of LEVELS) {
      const { result, peakRssMb } = await watched(pid, () =>
        cannon(url, connections, [RESEARCH_QUERY]),
      );
      levels.push(level(connections, result, peakRssMb));
    }
    console.log(`\nLoad, ${DURATION_S} s per level (API RSS is the peak during the level)\n`);
    printTable(levels);

    const baseline = levels.find((l) => l.connections === ABUSE_LEVEL)!;
    const { result, peakRssMb, killed } = await watched(pid, () =>
      Promise.all([cannon(url, ABUSE_LEVEL, [RESEARCH_QUERY]), abuse(url)]),
    );
    const [normal, abusive] = result;
    const underAbuse = level(ABUSE_LEVEL, normal, peakRssMb);
    console.log(
      `\nThe same at ${ABUSE_LEVEL} connections while ${Object.keys(ABUSIVE_QUERIES).length} more connections each send one abusive query again and again:`,
    );
    console.log('');
    printTable([underAbuse]);
    console.log(
      '\n| abusive query | size | sent | answers (status: count) | unfinished at the end | slowest ms |',
    );
    console.log(
      '| ------------- | ---- | ---- | ----------------------- | --------------------- | ---------- |',
    );
    for (const a of abusive) {
      const statuses = Object.entries(a.statuses)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ');
      console.log(
        `| ${a.name} | ${a.size.toLocaleString('en')} chars | ${a.sent} | ${statuses || '–'} | ${a.sent - a.answered} | ${a.slowestMs} |`,
      );
    }
    const moved =
      underAbuse.requests === 0
        ? `no research query answered within ${DURATION_S} s (target ≤ 2×)`
        : `${baseline.p99} ms → ${underAbuse.p99} ms (${(underAbuse.p99 / Math.max(1, baseline.p99)).toFixed(1)}×, target ≤ 2×)`;
    console.log(
      `\np99 of the research query at ${ABUSE_LEVEL} connections: ${moved}` +
        (killed ? `; the API passed ${RSS_LIMIT_MB} MB RSS and was stopped by the watchdog` : ''),
    );
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      // Abusive queries may still be computing; they get 15 s, like any drain.
      const killer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await new Promise((resolve) => proc.once('exit', resolve));
      clearTimeout(killer);
    }
  }
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
}

function printTable(levels: Level[]): void {
  console.log(
    '| connections | req/s | p50 ms | p99 ms | requests | errors | non-2xx | timeouts | API RSS MB |',
  );
  console.log(
    '| ----------- | ----- | ------ | ------ | -------- | ------ | ------- | -------- | ---------- |',
  );
  for (const l of levels) {
    console.log(
      `| ${l.connections} | ${l.rps} | ${l.p50} | ${l.p99} | ${l.requests} | ${l.errors} | ${l.non2xx} | ${l.timeouts} | ${l.peakRssMb} |`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
