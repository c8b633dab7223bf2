import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database';
import type { NodeLabel, RelationType } from '../model/model';
import type { Conflict } from './seed.repository';
import { IMPORT_HASH } from './properties';
import type { SeedIndex } from './seed-index';
import {
  stageNodes,
  stageRelations,
  unchangedNodes,
  unchangedRelations,
  type NodeStageAnswer,
  type StagedTotals,
  type StageNodeRow,
  type StageRelationRow,
} from './staging.repository';

export interface StagerOptions {
  /** Rows per chunk (one transaction). */
  batchSize: number;
  /** Called after each chunk is committed to the staging area (test hook: may throw). */
  afterBatch?: (batches: number) => Promise<void> | void;
  progress?: (line: string) => void;
  /** Datasets whose nodes a staged node takes over where it states the same unique key. */
  takeOverFrom?: string[];
  /**
   * Compare ids and hashes first and send whole rows only where they differ (a re-import); an
   * import into an empty dataset, where every row is new, skips that look.
   */
  compare?: boolean;
}

/** What a staged import found, by element kind. */
export interface StageTally {
  nodes: { new: number; changed: number; unchanged: number };
  relations: { new: number; changed: number; unchanged: number };
}

/**
 * Writes a seed set into the staging area chunk by chunk: rows of every kind collect in the
 * order they are read, and each chunk of `batchSize` rows goes out in a transaction of its own —
 * one UNWIND statement per label and type in it, nodes before relationships (so a relationship
 * finds the staged nodes of its chunk and of every chunk before). Neither this process nor the
 * database holds more than a chunk. One chunk is in flight while the next is read and checked,
 * which keeps both cores busy.
 */
export class Stager {
  readonly tally: StageTally = {
    nodes: { new: 0, changed: 0, unchanged: 0 },
    relations: { new: 0, changed: 0, unchanged: 0 },
  };
  readonly totals: StagedTotals = {
    newNodes: new Map(),
    changedNodes: 0,
    internalRelations: new Map(),
    otherRelations: new Map(),
  };
  readonly conflicts: Conflict[] = [];
  /** Nodes of other datasets taken over for a key the seeds state ("old id → new id"). */
  readonly takenOver: string[] = [];
  private nodes = new Map<NodeLabel, StageNodeRow[]>();
  private relations = new Map<RelationType, StageRelationRow[]>();
  private size = 0;
  private inflight: Promise<unknown> | null = null;
  private chunks = 0;
  private written = 0;

  constructor(
    private readonly db: Database,
    private readonly dataset: string,
    private readonly index: SeedIndex,
    private readonly options: StagerOptions,
  ) {}

  async addNode(type: NodeLabel, row: StageNodeRow): Promise<void> {
    push(this.nodes, type, row);
    if (++this.size >= this.options.batchSize) await this.send();
  }

  async addRelation(type: RelationType, row: StageRelationRow): Promise<void> {
    push(this.relations, type, row);
    if (++this.size >= this.options.batchSize) await this.send();
  }

  /** Sends what is left and waits for every write. */
  async flush(): Promise<void> {
    await this.send();
    await this.drain();
  }

  /** Waits for the write in flight; rethrows its failure. */
  async drain(): Promise<void> {
    const pending = this.inflight;
    this.inflight = null;
    const failure = await pending;
    if (failure) throw failure;
  }

  private async send(): Promise<void> {
    if (this.size === 0) return;
    const nodes = this.nodes;
    const relations = this.relations;
    const rows = this.size;
    this.nodes = new Map();
    this.relations = new Map();
    this.size = 0;
    await this.submit(async () => {
      const { nodeAnswers, relationAnswers, same } = await this.db.executeWrite(async (tx) => {
        const { nodeLists, relationLists, same } = this.options.compare
          ? await this.withoutUnchanged(tx, nodes, relations)
          : { nodeLists: nodes, relationLists: relations, same: { nodes: 0, relations: 0 } };
        // Sent together (the driver pipelines them), run in this order by the server.
        const nodeWork = [...nodeLists].map(
          async ([type, list]) =>
            [
              type,
              list,
              await stageNodes(tx, this.dataset, type, list, this.options.takeOverFrom),
            ] as const,
        );
        const relationWork = [...relationLists].map(
          async ([type, list]) =>
            [type, await stageRelations(tx, this.dataset, type, list)] as const,
        );
        return {
          nodeAnswers: await Promise.all(nodeWork),
          relationAnswers: await Promise.all(relationWork),
          same,
        };
      });
      this.tally.nodes.unchanged += same.nodes;
      this.tally.relations.unchanged += same.relations;
      for (const [type, list, answers] of nodeAnswers) this.countNodes(type, list, answers);
      for (const [type, answer] of relationAnswers) {
        this.tally.relations.new += answer.new;
        this.tally.relations.changed += answer.changed;
        this.tally.relations.unchanged += answer.same;
        add(this.totals.internalRelations, type, answer.internal);
        add(this.totals.otherRelations, type, answer.new + answer.changed - answer.internal);
      }
      this.chunks += 1;
      this.written += rows;
      if (this.chunks % 20 === 0) this.options.progress?.(`staged ${this.written} elements`);
      await this.options.afterBatch?.(this.chunks);
    });
  }

  /** The chunk without the rows the database already holds unchanged (see `compare`). */
  private async withoutUnchanged(
    tx: ManagedTransaction,
    nodes: Map<NodeLabel, StageNodeRow[]>,
    relations: Map<RelationType, StageRelationRow[]>,
  ): Promise<{
    nodeLists: Map<NodeLabel, StageNodeRow[]>;
    relationLists: Map<RelationType, StageRelationRow[]>;
    same: { nodes: number; relations: number };
  }> {
    const hash = (props: Record<string, unknown>) => props[IMPORT_HASH];
    const [nodeParts, relationParts] = await Promise.all([
      Promise.all(
        [...nodes].map(async ([type, list]) => {
          const rows = list.map((r) => ({ id: r.id, hash: hash(r.props) }));
          const same = await unchangedNodes(tx, this.dataset, type, rows);
          return [type, list.filter((_, i) => !same.has(i)), same.size] as const;
        }),
      ),
      Promise.all(
        [...relations].map(async ([type, list]) => {
          const rows = list.map((r) => ({ id: r.id, from: r.from, to: r.to, hash: hash(r.props) }));
          const same = await unchangedRelations(tx, this.dataset, type, rows);
          return [type, list.filter((_, i) => !same.has(i)), same.size] as const;
        }),
      ),
    ]);
    const sum = (parts: readonly (readonly [unknown, unknown, number])[]) =>
      parts.reduce((total, [, , n]) => total + n, 0);
    return {
      nodeLists: new Map(nodeParts.filter(([, list]) => list.length > 0).map(([t, l]) => [t, l])),
      relationLists: new Map(
        relationParts.filter(([, list]) => list.length > 0).map(([t, l]) => [t, l]),
      ),
      same: { nodes: sum(nodeParts), relations: sum(relationParts) },
    };
  }

  private countNodes(type: NodeLabel, rows: StageNodeRow[], answers: NodeStageAnswer[]): void {
    for (const answer of answers) {
      if (answer.takenOver !== null) {
        this.takenOver.push(`${answer.takenOver} → ${this.index.idOf(answer.n)}`);
      }
      if (answer.state === 'changed') this.tally.nodes.changed += 1;
      else if (answer.state === 'same') this.tally.nodes.unchanged += 1;
      else {
        this.conflicts.push({
          id: this.index.idOf(answer.n),
          labels: answer.labels ?? [],
          dataset: answer.dataset,
        });
      }
    }
    const changed = answers.filter((a) => a.state === 'changed').length;
    const created = rows.length - answers.length;
    this.tally.nodes.new += created;
    add(this.totals.newNodes, type, created);
    this.totals.changedNodes += changed;
  }

  /**
   * Starts `work` once the write before it is done. Its failure is kept as a value until the
   * next submit or drain, so that it is never an unhandled rejection while rows are read.
   */
  private async submit(work: () => Promise<void>): Promise<void> {
    await this.drain();
    this.inflight = work().then(
      () => undefined,
      (error: unknown) => error ?? new Error('staging failed'),
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add<K>(map: Map<K, number>, key: K, n: number): void {
  if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
}
