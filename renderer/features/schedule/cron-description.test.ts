import { describe, expect, it } from 'vitest';
import { describeCron } from './cron-description.ts';

describe('describeCron', () => {
  it('words a schedule in the interface language', () => {
    expect(describeCron('0 3 * * *', 'en')).toBe('At 03:00');
    expect(describeCron('0 3 * * *', 'fr')).toMatch(/03:00/);
    expect(describeCron('0 3 * * *', 'fr')).not.toBe(describeCron('0 3 * * *', 'en'));
    expect(describeCron('*/5 * * * *', 'ar')).not.toBe(describeCron('*/5 * * * *', 'en'));
  });

  it('falls back to the core’s reading, then to the expression, when it cannot read it', () => {
    expect(describeCron('not a cron', 'en', 'Invalid')).toBe('Invalid');
    expect(describeCron('not a cron', 'en')).toBe('not a cron');
  });
});
