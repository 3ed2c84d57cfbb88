import type { Handlers } from '../host/handler-types.ts';
import { parseSpec, validateSpec } from './parse-spec.ts';

type SpecHandlers = Pick<Handlers, 'spec.parse' | 'spec.validate'>;

/** Read-only commands: no store access, no audit entry, no events. */
export const specHandlers: SpecHandlers = {
  'spec.parse': async (input) => parseSpec(input),
  'spec.validate': async (input) => validateSpec(input),
};
