import type { GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS } from '../../model/model';
import { CITATION_PROPERTIES } from '../citation/citation.type';
import { NAME_PROPERTIES } from '../entity/entity.record';
import { citedDocumentProps, citesDocuments } from '../planner/cited-documents';
import { selectedPropsAt, selectsBelow } from '../planner/planner';

/**
 * What `paths` and `neighbourhood` read, by their selections and the planner's rules: of their
 * nodes and relationships the listed properties, or all (null); the documents their citations
 * name with the listed properties, or all (null), or none (false).
 */
export interface GraphRead {
  nodes: readonly string[] | null;
  relationships: readonly string[] | null;
  documents: readonly string[] | null | false;
}

/** Every property, no documents. */
export const READ_ALL_OF_GRAPH: GraphRead = { nodes: null, relationships: null, documents: false };

/** The neighbourhood also says whose citations name documents: the nodes', the edges'. */
export interface NeighbourhoodRead extends GraphRead {
  citedByNodes: boolean;
  citedByEdges: boolean;
}

/** Of relationships at `path`: all for `details`, their citations for `sources`, else none. */
function relationshipProps(info: GraphQLResolveInfo, path: string[]): readonly string[] | null {
  if (selectsBelow(info, path, ['details'])) return null;
  return selectsBelow(info, path, ['sources']) ? CITATION_PROPERTIES : [];
}

/** What the listed paths read of nodes, together; null when one needs every property. */
const nodeProps = (info: GraphQLResolveInfo, paths: string[][], always: readonly string[] = []) =>
  selectedPropsAt(
    info,
    paths.map((path) => [path, NODE_LABELS] as const),
    always,
  );

/**
 * `paths`: of a step's `from` and `to` what the selection reads, and the names a step's `text`
 * is written with when it is asked; of the steps' relationships and cited documents as above.
 */
export function pathsRead(info: GraphQLResolveInfo): GraphRead {
  const text = selectsBelow(info, ['steps'], ['text']);
  return {
    nodes: nodeProps(
      info,
      [
        ['steps', 'from'],
        ['steps', 'to'],
      ],
      text ? NAME_PROPERTIES : [],
    ),
    relationships: relationshipProps(info, ['steps']),
    documents: citedDocumentProps(info, [['steps']]),
  };
}

/** `neighbourhood`: its nodes, its edges' relationships, and what their citations name. */
export function neighbourhoodRead(info: GraphQLResolveInfo): NeighbourhoodRead {
  return {
    nodes: nodeProps(info, [['nodes']]),
    relationships: relationshipProps(info, ['edges']),
    documents: citedDocumentProps(info, [['nodes'], ['edges']]),
    citedByNodes: citesDocuments(info, ['nodes']),
    citedByEdges: citesDocuments(info, ['edges']),
  };
}
