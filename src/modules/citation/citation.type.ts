import { Field, ObjectType } from 'type-graphql';
import {
  Basis,
  BASIS_DESCRIPTION,
  BASIS_PROPERTIES,
  basisOf,
  REASONING_DESCRIPTION,
} from '../basis/basis';
import type { EntityRecord } from '../entity/entity.record';

@ObjectType({
  description:
    'Where a fact comes from: a source document and a verbatim quote from it (one sentence or less), and on what basis the fact rests on the quote. Cite both.',
})
export class Citation {
  @Field({ description: 'Verbatim text of the document that states the fact.' })
  quote!: string;

  @Field(() => Basis, {
    description: `The basis of the fact this citation backs (the same for all its citations). ${BASIS_DESCRIPTION}`,
  })
  basis!: Basis;

  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;

  /** Key of the source document; resolved to `document` by a loader unless already read. */
  documentKey!: string;

  /**
   * The document as the statement that read this citation also read it for this selection (the
   * planner's, `paths`', `compareCities`'), if it did.
   */
  planned?: EntityRecord;
}

/** The stored properties citationsOf reads. */
export const CITATION_PROPERTIES = ['sourceIds', 'quotes', ...BASIS_PROPERTIES] as const;

/**
 * The parallel `sourceIds`/`quotes` lists every node and relationship carries, each with the
 * holder's `basis` (missing: STATED) and `reasoning`, and the documents the planner read for them.
 */
export function citationsOf(
  props: Record<string, unknown>,
  documents?: ReadonlyMap<string, EntityRecord>,
): Citation[] {
  const sources = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  const { basis, reasoning } = basisOf(props);
  return sources.map((documentKey, i) =>
    Object.assign(new Citation(), {
      documentKey,
      quote: quotes[i] ?? '',
      basis,
      reasoning,
      planned: documents?.get(documentKey),
    }),
  );
}
