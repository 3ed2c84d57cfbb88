#!/usr/bin/env node
// Entry of the `dihya` command. Plain JavaScript so it can refuse an old Node with a clear message
// before loading the TypeScript core (run by Node's built-in type stripping, Node >= 22.18).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`dihya needs Node.js 22.18 or newer (this is ${process.version}). See README.md, "Set up".\n`);
  process.exit(2);
}
// libuv's pool (4 threads by default) runs every fsync; generation fsyncs each file it writes, and
// more in flight let the file system commit them together (bench/generation.bench.ts). It must be
// set before the pool's first use, which is why it is here and not in the core.
process.env.UV_THREADPOOL_SIZE ??= '16';
if (!process.argv.slice(2).includes('serve')) {
  // A one-shot command allocates mostly while loading the core. V8 doubles its young generation as
  // that goes on (to 2 × 16 MiB), which was a fifth of `dihya generate`'s peak memory; kept at its
  // first size it peaks at 133 MiB instead of 171 MiB, for the same CPU time (bench/generation.bench.ts).
  // Only this flag is changed after start-up: V8 reads it each time it would grow that space.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
}
const { runCli } = await import('../core/cli/run-cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
