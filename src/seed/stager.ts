import type { Database } from '../db/database';
import type { NodeLabel, RelationType } from '../model/model';
import type { Conflict } from './seed.repository';
import type { SeedIndex } from './seed-index';
import {
  stageNodes,
  stageRelations,
  type StagedTotals,
  type StageNodeRow,
  type StageRelationRow,
} from './staging.repository';

export interface StagerOptions {
  /** Rows per UNWIND statement and transaction. */
  batchSize: number;
  /** Called after each batch is committed to the staging area (test hook: may throw). */
  afterBatch?: (batches: number) => Promise<void> | void;
  progress?: (line: string) => void;
}

/** What a staged import found, by element kind. */
export interface StageTally {
  nodes: { new: number; changed: number; unchanged: number };
  relations: { new: number; changed: number; unchanged: number };
}

/**
 * Writes a seed set into the staging area batch by batch: rows collect per label or type and go
 * out as one UNWIND statement in a transaction of their own, so neither this process nor the
 * database holds more than a batch. One batch is in flight while the next is read and checked,
 * which keeps both cores busy. It remembers which nodes are new (a bit per node of the index):
 * a relationship between two new nodes can wait between their staged nodes.
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
  private readonly fresh: Uint8Array;
  private readonly nodeRows = new Map<NodeLabel, StageNodeRow[]>();
  private readonly relationRows = new Map<RelationType, StageRelationRow[]>();
  private inflight: Promise<unknown> | null = null;
  private batches = 0;

  constructor(
    private readonly db: Database,
    private readonly dataset: string,
    private readonly index: SeedIndex,
    private readonly options: StagerOptions,
  ) {
    this.fresh = new Uint8Array(index.size);
  }

  async addNode(type: NodeLabel, row: StageNodeRow): Promise<void> {
    const rows = this.nodeRows.get(type) ?? [];
    rows.push(row);
    this.nodeRows.set(type, rows);
    if (rows.length >= this.options.batchSize) await this.sendNodes(type);
  }

  /** True when the node of this number is created by this import (known once nodes are sent). */
  isNew(n: number | undefined): boolean {
    return n !== undefined && this.fresh[n] === 1;
  }

  async addRelation(type: RelationType, row: StageRelationRow): Promise<void> {
    const rows = this.relationRows.get(type) ?? [];
    rows.push(row);
    this.relationRows.set(type, rows);
    if (rows.length >= this.options.batchSize) await this.sendRelations(type);
  }

  /** Sends what is left of the nodes and waits for every write. */
  async flushNodes(): Promise<void> {
    for (const type of [...this.nodeRows.keys()]) await this.sendNodes(type);
    await this.drain();
  }

  async flushRelations(): Promise<void> {
    for (const type of [...this.relationRows.keys()]) await this.sendRelations(type);
    await this.drain();
  }

  /** Waits for the write in flight; rethrows its failure. */
  async drain(): Promise<void> {
    const pending = this.inflight;
    this.inflight = null;
    const failure = await pending;
    if (failure) throw failure;
  }

  private async sendNodes(type: NodeLabel): Promise<void> {
    const rows = this.nodeRows.get(type);
    this.nodeRows.delete(type);
    if (!rows || rows.length === 0) return;
    await this.submit(async () => {
      const answers = await this.db.executeWrite((tx) => stageNodes(tx, this.dataset, type, rows));
      for (const row of rows) this.fresh[row.n] = 1;
      let changed = 0;
      let unchanged = 0;
      for (const answer of answers) {
        this.fresh[answer.n] = 0;
        if (answer.state === 'changed') changed += 1;
        else if (answer.state === 'same') unchanged += 1;
        else {
          this.conflicts.push({
            id: this.index.idOf(answer.n),
            labels: answer.labels ?? [],
            dataset: answer.dataset,
          });
        }
      }
      const created = rows.length - answers.length;
      this.tally.nodes.new += created;
      this.tally.nodes.changed += changed;
      this.tally.nodes.unchanged += unchanged;
      add(this.totals.newNodes, type, created);
      this.totals.changedNodes += changed;
      await this.committed(rows.length);
    });
  }

  private async sendRelations(type: RelationType): Promise<void> {
    const rows = this.relationRows.get(type);
    this.relationRows.delete(type);
    if (!rows || rows.length === 0) return;
    await this.submit(async () => {
      const answer = await this.db.executeWrite((tx) =>
        stageRelations(tx, this.dataset, type, rows),
      );
      this.tally.relations.new += answer.new;
      this.tally.relations.changed += answer.changed;
      this.tally.relations.unchanged += answer.same;
      add(this.totals.internalRelations, type, answer.internal);
      add(this.totals.otherRelations, type, answer.new + answer.changed - answer.internal);
      await this.committed(rows.length);
    });
  }

  private written = 0;

  private async committed(rows: number): Promise<void> {
    this.batches += 1;
    this.written += rows;
    if (this.batches % 20 === 0) this.options.progress?.(`staged ${this.written} elements`);
    await this.options.afterBatch?.(this.batches);
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

function add<K>(map: Map<K, number>, key: K, n: number): void {
  if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
}
