import type { Database } from '../../db/database';
import { NODE_LABELS, RELATION_TYPE_NAMES } from '../../model/model';
import { EXPORT_BATCH, nodesOf, relationsOf } from './batches';
import { citySubgraph } from './export.repository';
import type { StreamOptions } from './csv-export';
import {
  DOCUMENT_TAIL,
  documentHead,
  entityObject,
  graphItem,
  readContextDocument,
  relationObjects,
  type JsonObject,
} from './jsonld';

/** The whole graph as one JSON-LD document, streamed a keyset page at a time. */
export async function* graphJsonLdChunks(
  db: Database,
  options: StreamOptions = {},
): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  yield documentHead(readContextDocument()['@context']);
  let written = 0;
  const items = (objects: JsonObject[]) =>
    objects.map((o) => graphItem(o, written++ === 0)).join('');
  for (const label of NODE_LABELS) {
    for await (const batch of nodesOf(db, label, batchSize)) {
      yield items(batch.map(entityObject));
      options.onRows?.(batch.length);
    }
  }
  for (const type of RELATION_TYPE_NAMES) {
    for await (const batch of relationsOf(db, type, batchSize)) {
      yield items(batch.flatMap(relationObjects));
      options.onRows?.(batch.length);
    }
  }
  yield DOCUMENT_TAIL;
}

/** One city's subgraph as a JSON-LD document (small: read in one transaction, written at once). */
export async function cityJsonLd(db: Database, cityKey: string): Promise<string> {
  const { nodes, relations } = await citySubgraph(db, cityKey);
  const objects = [...nodes.map(entityObject), ...relations.flatMap(relationObjects)];
  return (
    documentHead(readContextDocument()['@context']) +
    objects.map((o, i) => graphItem(o, i === 0)).join('') +
    DOCUMENT_TAIL
  );
}
