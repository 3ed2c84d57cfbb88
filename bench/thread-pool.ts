// Imported first by bench/run.ts: widens libuv's pool before anything uses it, as bin/dihya.js does
// for the CLI and `serve`, so write figures match what those processes do (one fsync per pool thread).
process.env.UV_THREADPOOL_SIZE ??= '16';
