/**
 * Every entity and relationship has a version (issue 13): 1 as imported or created, one more with
 * each applied change. A relationship is named by its own id.
 */
export const RELATION_ID_DESCRIPTION =
  'The relationship\'s own id (e.g. "janina-kandt~HOLDS_POST~bochum-stabsstelle-leben-im-alter"): what `history`, `update<Type>` and `retireRelation` take.';
export const RELATION_VERSION_DESCRIPTION =
  'Its version: 1 as imported or created, one more with each applied change. A write names the version it was made on.';

/** An element's version: stored once curation has changed it, else 1. */
export function versionOf(props: Record<string, unknown>): number {
  return typeof props.version === 'number' ? props.version : 1;
}

/** The id and version of a relationship, for the edge objects that stand for one. */
export function relationIdentity(rel: Record<string, unknown>): {
  relationId: string;
  version: number;
} {
  return { relationId: String(rel.id), version: versionOf(rel) };
}
