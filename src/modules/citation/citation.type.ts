import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Where a fact comes from: a source document and a verbatim quote from it (one sentence or less). Cite both.',
})
export class Citation {
  @Field({ description: 'Verbatim text of the document that states the fact.' })
  quote!: string;

  /** Key of the source document; resolved to `document` by a loader. */
  documentKey!: string;
}

/** The parallel `sourceIds`/`quotes` lists every node and relationship carries. */
export function citationsOf(props: Record<string, unknown>): Citation[] {
  const sources = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  return sources.map((documentKey, i) =>
    Object.assign(new Citation(), { documentKey, quote: quotes[i] ?? '' }),
  );
}
