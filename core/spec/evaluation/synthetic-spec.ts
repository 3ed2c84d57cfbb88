/**
 * Generated structured specs of any size, for the benchmark (`npm run bench`: parse time of a
 * 200-entity spec) and for tests that check time stays bounded. Every entity links to the
 * previous one, so validation follows relations too.
 */
export function syntheticStructuredSpec(entityCount: number): string {
  const lines = ['name: Synthetic spec', 'domain: ecommerce', 'languages: [en, fr]', 'roles: [admin, user]', 'features: [auth, search]', 'stacks: [web, api]', 'entities:'];
  for (let i = 0; i < entityCount; i += 1) {
    lines.push(`  - name: Entity${i}`, '    fields:');
    lines.push('      - { name: title, type: string, required: true }', '      - { name: price, type: money, min: 0 }', '      - { name: status, type: enum, values: [draft, active, archived] }');
    lines.push('      - { name: email, type: email, unique: true, personalData: personal }', '      - { name: createdOn, type: date }');
    if (i > 0) lines.push('    relations:', `      - { kind: belongsTo, target: Entity${i - 1} }`);
  }
  return `${lines.join('\n')}\n`;
}
