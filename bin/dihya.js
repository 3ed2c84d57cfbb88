#!/usr/bin/env node
// Entry of the `dihya` command. Plain JavaScript so it can refuse an old Node with a clear message
// before loading the TypeScript core (run by Node's built-in type stripping, Node >= 22.18).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`dihya needs Node.js 22.18 or newer (this is ${process.version}). See README.md, "Set up".\n`);
  process.exit(2);
}
const { runCli } = await import('../core/cli/run-cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
