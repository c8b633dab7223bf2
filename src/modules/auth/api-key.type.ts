import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import type { Role } from './principal';
import { RoleEnum } from './principal.type';
import type { ApiKeyRecord } from './api-key.repository';

@ObjectType({
  description:
    'An API key, without its secret: the server stores only a hash and shows the secret once, when the key is created. Visible to admins only.',
})
export class ApiKey {
  @Field(() => ID, {
    description:
      'The key id: the 16 hex digits after `kg_` in the key itself. Not secret; used to revoke the key.',
  })
  id!: string;

  @Field({ description: 'Whose key it is, as its creator named it.' })
  name!: string;

  @Field(() => RoleEnum, { description: 'The role the key grants.' })
  role!: Role;

  @Field(() => GraphQLISODateTime, { description: 'When the key was created (UTC).' })
  createdAt!: Date;

  @Field({
    description:
      'Who created it: the id of the admin credential, or `cli` for `npm run keys -- create`.',
  })
  createdBy!: string;

  @Field({ description: 'Whether the key is revoked (refused from then on).' })
  revoked!: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the key was revoked; null while it is valid.',
  })
  revokedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who revoked it (an admin credential id, or `cli`); null while it is valid.',
  })
  revokedBy!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the key was last verified afresh: at most once per cache period (KG_API_KEY_CACHE_SECONDS) per server process, so a key in steady use shows a time within that period. Null if never used.',
  })
  lastUsedAt!: Date | null;
}

export function toApiKey(record: ApiKeyRecord): ApiKey {
  return Object.assign(new ApiKey(), record, { revoked: record.revokedAt !== null });
}

@ObjectType({
  description: 'A key just created, with its secret: the only time the secret is shown.',
})
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key as `apiKeys` lists it.' })
  key!: ApiKey;

  @Field({
    description:
      'The key itself, `kg_<id>_<secret>`, to send as `Authorization: Bearer <key>`. Shown only in this answer: store it now, it cannot be read again.',
  })
  secret!: string;
}
