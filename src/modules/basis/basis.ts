import { registerEnumType } from 'type-graphql';

/**
 * The basis of a statement (issue 11): every node and relationship carries a property `basis`
 * (STATED, INFERRED or EDITORIAL) and, when INFERRED, a one-line `reasoning`. A missing `basis`
 * reads as STATED (facts imported before the property existed).
 */
export enum Basis {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
  EDITORIAL = 'EDITORIAL',
}

export const BASIS_DESCRIPTION =
  "What a fact rests on. STATED: the cited quote says it. INFERRED: a reading the cited quote supports but does not state; `reasoning` says why. EDITORIAL: the project's own structure (the theme taxonomy: themes and their BROADER links), cited to the project's vocabulary document.";

registerEnumType(Basis, {
  name: 'Basis',
  description: BASIS_DESCRIPTION,
  valuesConfig: {
    STATED: { description: 'The cited quote says it.' },
    INFERRED: {
      description:
        'A reading the cited quote supports but does not state; `reasoning` gives the one line of reasoning, written by the project.',
    },
    EDITORIAL: {
      description:
        "The project's own structure (the theme taxonomy: Theme nodes and BROADER links), cited to the project's vocabulary document.",
    },
  },
});

/** Which facts a request counts, by their basis. */
export enum BasisFilter {
  ALL = 'ALL',
  STATED = 'STATED',
}

export const BASIS_FILTER_DESCRIPTION =
  "Which facts count, by their basis. ALL (default): every fact. STATED leaves out facts the sources only imply (INFERRED); the project's editorial vocabulary (theme taxonomy) always stays — switch its roll-up with `within`/exact theme keys.";

registerEnumType(BasisFilter, {
  name: 'BasisFilter',
  description: BASIS_FILTER_DESCRIPTION,
  valuesConfig: {
    ALL: { description: 'Every fact, stated, inferred or editorial.' },
    STATED: {
      description:
        'Leave out facts the sources only imply (INFERRED): nodes, relationships, and the walks through them. EDITORIAL facts (the theme taxonomy) stay.',
    },
  },
});

export const REASONING_DESCRIPTION =
  'For an INFERRED fact: the one line of reasoning, written by the project, that reads it from the quote; null otherwise.';

/** The argument description on root lists and aggregates. */
export const BASIS_ARG_DESCRIPTION = `${BASIS_FILTER_DESCRIPTION} Relation fields below inherit it unless they set their own.`;
/** The argument description on relation fields (no default: they inherit). */
export const RELATION_BASIS_ARG_DESCRIPTION =
  'Which facts count, by their basis: STATED leaves out facts the sources only imply (INFERRED); the theme taxonomy (EDITORIAL) always stays. Inherited from the field above when not given; ALL there by default.';

/** A fact's basis and reasoning as stored: `basis` (missing: STATED) and `reasoning`. */
export function basisOf(props: Record<string, unknown>): {
  basis: Basis;
  reasoning: string | null;
} {
  const stored = props.basis;
  const basis = stored === Basis.INFERRED || stored === Basis.EDITORIAL ? stored : Basis.STATED;
  const reasoning = typeof props.reasoning === 'string' ? props.reasoning : null;
  return { basis, reasoning: basis === Basis.INFERRED ? reasoning : null };
}

/** The stored property names read for the basis (the planner reads only what is selected). */
export const BASIS_PROPERTIES = ['basis', 'reasoning'] as const;

const NAME = /^[a-z][A-Za-z0-9]*$/;

/**
 * The Cypher test that `variable` (a node or relationship) is not an INFERRED fact: a missing
 * basis counts as STATED, EDITORIAL passes. Contains no input, only a fixed string.
 */
export function statedPredicate(variable: string): string {
  if (!NAME.test(variable)) throw new Error(`bad Cypher name ${variable}`);
  return `coalesce(${variable}.basis, 'STATED') <> 'INFERRED'`;
}
