import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unixfs } from '@helia/unixfs';
import { FsBlockstore } from 'blockstore-fs';
import { CID } from 'multiformats/cid';
import { importOptions } from '../ipfs/import-tree.ts';
import { readBody, sendJson, startStub, type StubServer } from './http-stub.ts';

export type KuboMode = 'ok' | 'error500' | 'hang' | 'lie';

interface Part {
  name: string;
  path: string;
  type: string;
  body: Buffer;
}

/** Splits a multipart/form-data body as kubo-rpc-client sends it (one part per file or folder). */
function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (boundary === null) throw new Error('no multipart boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, from);
    if (next === -1) break;
    const raw = body.subarray(from + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const split = raw.indexOf('\r\n\r\n');
    const headers = raw.subarray(0, split).toString('utf8');
    const disposition = /name="([^"]*)"; filename="([^"]*)"/.exec(headers);
    const type = /content-type: ([^\r\n]+)/i.exec(headers);
    parts.push({ name: disposition?.[1] ?? '', path: decodeURIComponent(disposition?.[2] ?? ''), type: type?.[1] ?? '', body: raw.subarray(split + 4) });
    start = next;
  }
  return parts;
}

/**
 * A Kubo RPC endpoint on 127.0.0.1 speaking the documented shapes: `POST /api/v0/add` (multipart in,
 * NDJSON `{Name, Hash, Size}` out, honouring cid-version / raw-leaves / chunker) and
 * `POST /api/v0/pin/add?arg=CID` (`{Pins: [...]}`); errors as `{Message, Code, Type}`.
 * `mode` makes it fail on purpose: HTTP 500, never answer, or answer a wrong CID.
 */
export async function startKuboStub(initial: KuboMode = 'ok'): Promise<StubServer & { pinned: Set<string>; authorizations: string[]; setMode(mode: KuboMode): void }> {
  // Its own repository, as a separate Kubo would have.
  const repo = mkdtempSync(join(tmpdir(), 'dihya-kubo-stub-'));
  const blockstore = new FsBlockstore(repo);
  await blockstore.open();
  const fs = unixfs({ blockstore });
  const pinned = new Set<string>();
  const authorizations: string[] = [];
  const state = { mode: initial };
  const hang = (request: IncomingMessage) => new Promise<void>((resolve) => request.socket.once('close', () => resolve()));

  const server = await startStub(async (request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    const url = new URL(request.url ?? '/', 'http://stub');
    if (request.method !== 'POST') return sendJson(response, 405, { Message: 'method not allowed', Code: 0, Type: 'error' });
    if (state.mode === 'hang') return hang(request);
    if (state.mode === 'error500') {
      await readBody(request);
      return sendJson(response, 500, { Message: 'failed to add: repo is locked', Code: 0, Type: 'error' });
    }
    if (url.pathname === '/api/v0/add') {
      const cidVersion = Number(url.searchParams.get('cid-version') ?? '0');
      const chunker = url.searchParams.get('chunker') ?? 'size-262144';
      const expected = cidVersion === 0 ? 'size-262144' : 'size-1048576';
      if (chunker !== expected) return sendJson(response, 400, { Message: `stub supports ${expected} for cid-version ${cidVersion}`, Code: 1, Type: 'error' });
      const parts = parseMultipart(await readBody(request), request.headers['content-type'] ?? '');
      const candidates = parts.map((part) => (part.type === 'application/x-directory' ? { path: part.path } : { path: part.path, content: part.body }));
      const lines: string[] = [];
      for await (const entry of fs.addAll(candidates, { ...importOptions(cidVersion === 0 ? 'legacy' : 'modern'), wrapWithDirectory: false })) {
        const hash = state.mode === 'lie' ? CID.parse('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku').toString() : entry.cid.toString();
        lines.push(JSON.stringify({ Name: entry.path ?? '', Hash: hash, Size: String(entry.size) }));
      }
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      return void response.end(`${lines.join('\n')}\n`);
    }
    if (url.pathname === '/api/v0/pin/add') {
      const arg = url.searchParams.get('arg') ?? '';
      const cid = CID.parse(arg);
      if (!(await blockstore.has(cid))) return sendJson(response, 500, { Message: `pin: block ${arg} not found`, Code: 0, Type: 'error' });
      pinned.add(arg);
      return sendJson(response, 200, { Pins: [arg] });
    }
    return sendJson(response, 404, { Message: `unknown command ${url.pathname}`, Code: 0, Type: 'error' });
  });
  return {
    ...server,
    pinned,
    authorizations,
    setMode: (mode: KuboMode) => void (state.mode = mode),
    close: async () => {
      await server.close();
      rmSync(repo, { recursive: true, force: true });
    },
  };
}
