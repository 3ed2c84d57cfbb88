import type { ProjectModelInput } from '../../api/project-model.ts';
import { projectModel, type ProjectModel } from '../../api/project-model.ts';

/** Small models for tests and the benchmark: the gym of the shared corpus, and synthetic ones. */
export const gymModel: ProjectModelInput = {
  name: 'Iron Temple Gym',
  domain: 'fitness',
  languages: ['en', 'fr', 'ar'],
  roles: ['admin', 'coach', 'member'],
  features: ['auth', 'booking', 'gdpr'],
  stacks: ['web'],
  entities: [
    {
      name: 'Member',
      fields: [
        { name: 'firstName', type: 'string', required: true, personalData: 'personal' },
        { name: 'email', type: 'email', required: true, unique: true, personalData: 'personal' },
        { name: 'birthDate', type: 'date', personalData: 'personal' },
      ],
    },
    { name: 'Coach', fields: [{ name: 'name', type: 'string', required: true }, { name: 'speciality', type: 'enum', values: ['yoga', 'boxing'] }] },
    {
      name: 'FitnessClass',
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'startsAt', type: 'datetime', required: true },
        { name: 'capacity', type: 'integer', min: 1, max: 40 },
      ],
      relations: [{ kind: 'belongsTo', target: 'Coach', required: true }],
    },
    { name: 'Booking', fields: [{ name: 'status', type: 'enum', values: ['booked', 'cancelled'] }], relations: [{ kind: 'belongsTo', target: 'Member', required: true }, { kind: 'belongsTo', target: 'FitnessClass' }] },
  ],
};

const FIELD_TYPES = ['string', 'email', 'integer', 'money', 'boolean', 'date', 'datetime', 'enum', 'text', 'url'] as const;

/** `count` entities, each with six fields of varied types and a link to the previous one. */
export function syntheticModel(count: number): ProjectModel {
  return projectModel.parse({
    name: `Synthetic ${count}`,
    domain: 'generic',
    languages: ['en', 'fr'],
    roles: ['admin', 'staff'],
    entities: Array.from({ length: count }, (_, i) => ({
      name: `Thing${i}`,
      fields: Array.from({ length: 6 }, (_, j) => {
        const type = FIELD_TYPES[(i + j) % FIELD_TYPES.length] as (typeof FIELD_TYPES)[number];
        return { name: `field${j}`, type, required: j === 0, ...(type === 'enum' ? { values: ['a', 'b', 'c'] } : {}) };
      }),
      relations: i > 0 ? [{ kind: 'belongsTo', target: `Thing${i - 1}`, required: i % 2 === 0 }] : [],
    })),
  });
}
