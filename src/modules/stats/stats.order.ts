import { registerEnumType } from 'type-graphql';

export enum StatsBucketOrder {
  KEY = 'KEY',
  COUNT = 'COUNT',
}

registerEnumType(StatsBucketOrder, {
  name: 'StatsBucketOrder',
  description: 'How buckets are ordered.',
  valuesConfig: {
    KEY: {
      description:
        'By their keys, first dimension first (years in calendar order); the null ("none stated") bucket last.',
    },
    COUNT: { description: 'Largest count first; equal counts in KEY order.' },
  },
});
