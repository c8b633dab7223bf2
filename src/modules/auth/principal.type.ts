import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Principal, type Role } from './principal';
import { ROLE_PERMISSIONS } from './roles';

/** The roles as an enum object for the schema (`Role`). */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as {
  [R in Role]: R;
};

registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'What a credential may do. Reads need none; each role may do everything the roles before it may (CONTRIBUTOR < EDITOR < ADMIN).',
  valuesConfig: Object.fromEntries(
    ROLES.map((role) => [role, { description: `May ${ROLE_PERMISSIONS[role]}.` }]),
  ),
});

export enum CredentialKind {
  API_KEY = 'API_KEY',
  JWT = 'JWT',
}

registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  description: 'How a request proved who sent it.',
  valuesConfig: {
    API_KEY: { description: 'An API key of this server (`Authorization: Bearer kg_…`).' },
    JWT: { description: "A JWT signed by the configured identity provider's key." },
  },
});

@ObjectType('Principal', {
  description:
    'Who sent the request, as its credential says: what the API records as the author of a change.',
})
export class PrincipalObject {
  @Field(() => ID, { description: "The API key's id, or the JWT's subject (`sub`)." })
  id!: string;

  @Field({ description: "The key's name, or the JWT's `name` (else its subject)." })
  name!: string;

  @Field(() => RoleEnum, { description: 'The role the credential grants.' })
  role!: Role;

  @Field(() => CredentialKind, { description: 'The kind of credential.' })
  via!: CredentialKind;
}

export function toPrincipalObject(principal: Principal): PrincipalObject {
  return Object.assign(new PrincipalObject(), {
    ...principal,
    via: principal.via === 'JWT' ? CredentialKind.JWT : CredentialKind.API_KEY,
  });
}
