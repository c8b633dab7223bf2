import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import { EdtfDate } from '../node/edtf-date.type';

@ObjectType({
  implements: Node,
  description:
    "A document the graph cites: a press release, news article, web page, or the project's source catalogue.",
})
export class SourceDocument extends EntityObject {
  @Field({ description: 'Title of the document.' }) title!: string;
  @Field({ description: 'PRESS_RELEASE, NEWS_ARTICLE, CITIZEN_JOURNALISM, WEB_PAGE or CATALOGUE.' })
  kind!: string;
  @Field(() => String, { nullable: true, description: 'Who published it.' }) publisher!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Author, where the document names one.' })
  author!: string | null;
  @Field(() => EdtfDate, {
    nullable: true,
    description: 'Publication date; a range where only bounds are known.',
  })
  published!: EdtfDate | null;
  @Field(() => String, {
    nullable: true,
    description: 'What is known of the date when it is not exact.',
  })
  publishedNote!: string | null;
  @Field(() => String, { nullable: true, description: 'Where it was published, where known.' })
  url!: string | null;
  @Field({ description: 'Language (ISO 639-1).' }) language!: string;

  static readonly DATE_FIELDS = ['published'];
}
