/**
 * Issue 10's targets, counted by the API bench from its own measurements instead of by hand from
 * its tables: one round trip per root field, throughput at least 1.5× the peer's and never below
 * it, p50 at most 1.3× the floor. The p50 target is counted three ways, because the floor it names
 * is sent from the bench process while ours answers over HTTP from a process of its own:
 * - as the issue writes it (ours over HTTP against the floor proper), from each side's own run of
 *   samples and from samples taken in turn;
 * - against the floor over the same crossing (the hand-written statement behind a plain HTTP
 *   endpoint, floor-endpoint.ts, its samples taken in turn with ours);
 * - without HTTP on either side (ours in the bench's process, in turn with the floor).
 * Beside them it counts where the plain endpoint itself stays within 1.3× of the floor proper:
 * where it does not, no API answering over HTTP on this machine can meet the target as written.
 */

/** One question's figures, as the bench measured them. */
export interface TargetInput {
  name: string;
  ours: { p50: number; rps: number };
  floor: { p50: number };
  /** The peer's throughput; undefined where it cannot ask the question or is left out. */
  peerRps?: number;
  /** p50s taken in turn: ours and the floor over HTTP, and the floor proper. */
  overHttp: { ours: number; floor: number; direct: number };
  /** p50s taken in turn without HTTP: ours in the bench's process and the floor. */
  inProcess: { ours: number; floor: number };
  /** Database round trips of ours for the question, and the HTTP requests it took. */
  roundTrips: number;
  httpRequests: number;
}

const P50_TARGET = 1.3;
const THROUGHPUT_TARGET = 1.5;

/** `{ __typename }` against `RETURN 1` calibrates the machine; it is not a question. */
const isQuestion = (q: TargetInput) => !q.name.startsWith('0.');

/** A question's name as a miss names it: up to its first parenthesis, at most 36 characters. */
function shortName(name: string): string {
  const head = name.split(' (')[0]!;
  return head.length > 36 ? `${head.slice(0, 35)}…` : head;
}
const times = (x: number) => `${x.toFixed(2)}×`;

interface Count {
  label: string;
  met: number;
  of: number;
  misses: string[];
}

function count(
  label: string,
  questions: readonly TargetInput[],
  value: (q: TargetInput) => number,
  meets: (x: number) => boolean,
): Count {
  const misses = questions
    .filter((q) => !meets(value(q)))
    .map((q) => `${shortName(q.name)} ${times(value(q))}`);
  return { label, met: questions.length - misses.length, of: questions.length, misses };
}

/** The counts, each as "label: met of all" with the questions that miss. */
export function targetCounts(results: readonly TargetInput[]): Count[] {
  const questions = results.filter(isQuestion);
  const withPeer = questions.filter((q) => q.peerRps !== undefined && !Number.isNaN(q.peerRps));
  const within = (x: number) => x <= P50_TARGET;
  const trips = questions.filter((q) => q.roundTrips > Math.max(1, q.httpRequests));
  const counts: Count[] = [
    {
      label: 'one database round trip per root field (a page walk: one per page)',
      met: questions.length - trips.length,
      of: questions.length,
      misses: trips.map((q) => `${shortName(q.name)} ${q.roundTrips}`),
    },
  ];
  if (withPeer.length) {
    counts.push(
      count(
        `throughput ≥ ${THROUGHPUT_TARGET}× the peer (questions it can ask)`,
        withPeer,
        (q) => q.ours.rps / q.peerRps!,
        (x) => x >= THROUGHPUT_TARGET,
      ),
      count(
        'throughput never below the peer',
        withPeer,
        (q) => q.ours.rps / q.peerRps!,
        (x) => x >= 1,
      ),
    );
  }
  counts.push(
    count(
      `p50 ≤ ${P50_TARGET}× the floor as the issue writes it (ours over HTTP, the floor from the bench process)`,
      questions,
      (q) => q.ours.p50 / q.floor.p50,
      within,
    ),
    count(
      `the same, its samples in turn with the floor's`,
      questions,
      (q) => q.overHttp.ours / q.overHttp.direct,
      within,
    ),
    count(
      `the floor itself over HTTP (plain endpoint, no GraphQL) ≤ ${P50_TARGET}× the floor, in turn — where not, no HTTP API here can meet the line above`,
      questions,
      (q) => q.overHttp.floor / q.overHttp.direct,
      within,
    ),
    count(
      `p50 ≤ ${P50_TARGET}× the floor over the same HTTP crossing, in turn`,
      questions,
      (q) => q.overHttp.ours / q.overHttp.floor,
      within,
    ),
    count(
      `p50 ≤ ${P50_TARGET}× the floor without HTTP (ours in the bench process), in turn`,
      questions,
      (q) => q.inProcess.ours / q.inProcess.floor,
      within,
    ),
  );
  return counts;
}

/** The counts as Markdown list items, for the bench's output under each graph's table. */
export function targetSummary(results: readonly TargetInput[]): string {
  return [
    "Issue 10's targets in this run:",
    ...targetCounts(results).map(
      (c) =>
        `- ${c.label}: ${c.met} of ${c.of}` +
        (c.misses.length ? ` (not: ${c.misses.join(', ')})` : ''),
    ),
  ].join('\n');
}
