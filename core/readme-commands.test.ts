import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from './api/commands.ts';

// The README's list of contract commands is what people read before calling the API: it must
// name every command the contract has, and no command it lacks. (Elsewhere the README also names
// audit actions such as `generation.failed`, which look alike: only the list itself is read.)
describe('README command list', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('The commands (');
  const section = start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start));
  const listed = [...section.matchAll(/^- [a-z]+: (.+)$/gm)].flatMap((line) => [...(line[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));

  it('has the list', () => {
    expect(listed.length).toBeGreaterThan(0);
  });

  it('names every contract command', () => {
    expect(Object.keys(commands).filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('names no command the contract lacks', () => {
    expect(listed.filter((name) => !(name in commands))).toEqual([]);
  });
});
