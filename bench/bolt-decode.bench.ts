import '../src/cli/production-env';
import { fork } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { joinBoltMessagePieces } from '../src/db/bolt-messages';
import { median } from './sampling';

/**
 * What reading one large record costs the Node process, as neo4j-driver decodes it and with its
 * pieces joined first (src/db/bolt-messages.ts). Each way runs in a process of its own (the join
 * changes the driver for the whole process), three times in turn; each reads records of several
 * sizes, made by the statement itself, and reports the process's CPU time per read.
 *
 *   node dist/bench/bolt-decode.bench.js [--reads 200]
 */

const SIZES = [
  { name: '100 maps (a page, ~10 KB)', n: 100 },
  { name: '700 maps (~75 KB, the mission answer’s size)', n: 700 },
  { name: '8,000 maps (~900 KB)', n: 8000 },
];
const STATEMENT = `RETURN [i IN range(1, $n) | {key: 'syn-unit-' + toString(i), name: 'Stabsstelle für Senioren ' + toString(i),
  kind: 'STAFF_UNIT', year: 1990 + i % 35, quotes: ['Die Stadt richtet eine Stabsstelle ein.']}] AS rows`;

type Way = 'as the driver decodes' | 'pieces joined';
const WAYS: Way[] = ['as the driver decodes', 'pieces joined'];

async function child(way: Way, reads: number): Promise<void> {
  if (way === 'pieces joined' && !joinBoltMessagePieces().joined) {
    throw new Error('the installed driver cannot join pieces');
  }
  const config = loadConfig().neo4j;
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
  });
  const out: Record<string, number> = {};
  try {
    for (const size of SIZES) {
      const read = async () => {
        const session = driver.session({ database: config.database });
        try {
          return await session.run(STATEMENT, { n: size.n });
        } finally {
          await session.close();
        }
      };
      for (let i = 0; i < 20; i += 1) await read();
      const before = process.cpuUsage();
      for (let i = 0; i < reads; i += 1) await read();
      const used = process.cpuUsage(before);
      out[size.name] = (used.user + used.system) / 1000 / reads;
    }
  } finally {
    await driver.close();
  }
  process.send!(out);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const readsAt = args.indexOf('--reads');
  const reads = readsAt >= 0 ? Number(args[readsAt + 1]) : 200;
  if (args[0] === '--child') return child(args[1] as Way, reads);
  const results = new Map<Way, Record<string, number>[]>();
  for (let round = 0; round < 3; round += 1) {
    for (const way of WAYS) {
      const proc = fork(__filename, ['--child', way, '--reads', String(reads)]);
      const result = await new Promise<Record<string, number>>((resolve, reject) => {
        proc.once('message', (m) => resolve(m as Record<string, number>));
        proc.once('exit', (code) => code !== 0 && reject(new Error(`${way}: exit ${code}`)));
      });
      results.set(way, [...(results.get(way) ?? []), result]);
    }
  }
  console.log(
    `\nCPU ms of the Node process per read of one record (median of 3 runs of ${reads}):\n`,
  );
  console.log(`| record | ${WAYS.join(' | ')} | ratio |`);
  console.log(`| --- | ${WAYS.map(() => '---').join(' | ')} | --- |`);
  for (const size of SIZES) {
    const [driver, joined] = WAYS.map((w) => median(results.get(w)!.map((r) => r[size.name]!)));
    console.log(
      `| ${size.name} | ${driver!.toFixed(2)} | ${joined!.toFixed(2)} | ${(driver! / joined!).toFixed(2)}× |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
