import { ArgsType, Field, ID } from 'type-graphql';
import type { Role } from './principal';
import { RoleEnum } from './principal.type';

@ArgsType()
export class CreateApiKeyArgs {
  @Field({
    description:
      'Whose key it is ("Dashboard Bochum", "Anna Schmidt"): 1 to 200 characters, no control characters; stored as given.',
  })
  name!: string;

  @Field(() => RoleEnum, { description: 'The role the key grants.' })
  role!: Role;
}

@ArgsType()
export class RevokeApiKeyArgs {
  @Field(() => ID, { description: 'The key id (as `apiKeys` lists it).' })
  id!: string;
}

@ArgsType()
export class ApiKeysArgs {
  @Field({
    defaultValue: true,
    description: 'Whether revoked keys are listed too (default: yes).',
  })
  includeRevoked!: boolean;
}
