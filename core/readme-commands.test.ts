import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from './api/commands.ts';

// The README's list of contract commands is what people read before calling the API: it must
// name every command the contract has, and no command it lacks.
describe('README command list', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const families = new Set(Object.keys(commands).map((name) => name.split('.')[0]));
  const commandLike = [...readme.matchAll(/`([a-z]+(?:\.[a-zA-Z]+)+)`/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => families.has(name.split('.')[0]) && !/\.(ts|js|json|md|ya?ml|db|zip)$/.test(name));

  it('names every contract command', () => {
    expect(Object.keys(commands).filter((name) => !commandLike.includes(name))).toEqual([]);
  });

  it('names no command the contract lacks', () => {
    expect(commandLike.filter((name) => !(name in commands))).toEqual([]);
  });
});
