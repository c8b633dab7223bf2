import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';

@ObjectType({
  implements: Node,
  description: 'A German federal state (Land), e.g. Nordrhein-Westfalen.',
})
export class State extends EntityObject {
  @Field({ description: 'Name of the state.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Two-digit state key (the first two digits of every AGS in it).',
  })
  ags!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Population as the reference data states it (Destatis, 31.12.2018).',
  })
  population!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Area in km² as the reference data states it.',
  })
  areaKm2!: number | null;
}

@ObjectType({
  implements: Node,
  description:
    'A district (Kreis, Landkreis) that groups kreisangehörige municipalities, e.g. Kreis Recklinghausen; in the reference data also a kreisfreie Stadt as the district it forms (its City lies in it).',
})
export class County extends EntityObject {
  @Field({ description: 'Name of the district.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Five-digit district key (Kreisschlüssel).' })
  ags!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Kind in the source\'s words, e.g. "Kreis", "Landkreis" or "Kreisfreie Stadt" (a kreisfreie Stadt is a district of its own).',
  })
  kind!: string | null;
  @Field(() => String, { nullable: true, description: 'NUTS 3 code, e.g. "DEA51" for Bochum.' })
  nuts3!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Population as the reference data states it (Destatis, 31.12.2018).',
  })
  population!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Area in km² as the reference data states it.',
  })
  areaKm2!: number | null;
}

@ObjectType({
  implements: Node,
  description:
    'A municipality (Stadt, Gemeinde), identified by its official key (AGS). "kreisfreie Stadt": a city that is its own district; "kreisangehörige Stadt": a town inside a Kreis.',
})
export class City extends EntityObject {
  @Field({ description: 'Name of the city.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Amtlicher Gemeindeschlüssel: 8 digits (state, region, district, municipality), e.g. "05911000" for Bochum; only where a cited source states it, else null and `agsNote` says why.',
  })
  ags!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the city has no `ags`: no cited source states its key, which is never guessed or derived from a Kreis key. Without a key the reference data cannot place the city in its Kreis and Land either. Null when `ags` is set.',
  })
  agsNote!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Legal kind in German, e.g. "kreisfreie Stadt".',
  })
  kind!: string | null;
  @Field(() => [String], {
    description: 'Other names the sources use (e.g. "Seestadt" for Bremerhaven).',
  })
  altNames: string[] = [];
}

@ObjectType({
  implements: Node,
  description: 'A city district or neighbourhood (Stadtteil, Quartier).',
})
export class District extends EntityObject {
  @Field({ description: 'Name of the district.' }) name!: string;
}

@ObjectType({ implements: Node, description: 'A place where an event is held.' })
export class Venue extends EntityObject {
  @Field({ description: 'Name of the place.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'What the place is.' }) description!:
    string | null;
}
