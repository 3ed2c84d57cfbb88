import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { tempDir } from '../test-support/temp-core.ts';
import { ZIP_COMMENT_LENGTH } from './archive-digest.ts';
import { ArchiveOutput, fileSink } from './archive-output.ts';
import { dataStart, readZipEntries } from './zip-reader.ts';
import { ZipWriter } from './zip-writer.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

async function zipOf(members: [string, Buffer][], zip64: boolean): Promise<string> {
  const dir = tempDir('dihya-zip-');
  dirs.push(dir);
  const file = join(dir.path, 'test.zip');
  const zip = new yazl.ZipFile();
  for (const [index, [name, bytes]] of members.entries()) {
    const source = join(dir.path, `source-${index}`);
    writeFileSync(source, bytes);
    zip.addFile(source, name, { compress: false, forceZip64Format: zip64 });
  }
  zip.addEmptyDirectory('outputs/empty');
  zip.end({ comment: 'x'.repeat(ZIP_COMMENT_LENGTH), forceZip64Format: zip64 });
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

async function read(file: string) {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const zip = await readZipEntries(handle, size, file);
    const out: Record<string, string> = {};
    for (const entry of zip.entries) {
      if (entry.isDirectory) {
        out[entry.name] = '(folder)';
        continue;
      }
      const start = await dataStart(zip.window, entry, zip.end, file);
      out[entry.name] = (await zip.window.read(start, start + entry.size)).toString('utf8');
    }
    return out;
  } finally {
    await handle.close();
  }
}

describe('the archive zip reader and writer', () => {
  const members: [string, Buffer][] = [
    ['dihya.sqlite', Buffer.from('database bytes')],
    ['outputs/café/index.html', Buffer.from('<h1>Café</h1>')],
    ['outputs/empty.txt', Buffer.alloc(0)],
  ];
  const expected = { 'dihya.sqlite': 'database bytes', 'outputs/café/index.html': '<h1>Café</h1>', 'outputs/empty.txt': '', 'outputs/empty/': '(folder)' };

  it('reads members and folders of a plain zip, UTF-8 names included', async () => {
    expect(await read(await zipOf(members, false))).toEqual(expected);
  });

  it('reads the ZIP64 layout (what archives past 65 535 members or 4 GiB use)', async () => {
    expect(await read(await zipOf(members, true))).toEqual(expected);
  });

  it('reads what our writer writes past 65 535 members (ZIP64 end records), as unzip does', async () => {
    const dir = tempDir('dihya-zip64-');
    dirs.push(dir);
    const file = join(dir.path, 'many.zip');
    const output = new ArchiveOutput(await fileSink(file));
    const zip = new ZipWriter(output);
    const mtime = new Date('2026-03-01T12:00:00Z');
    await zip.addDirectory('outputs/many', mtime);
    for (let i = 0; i < 70_000; i += 1) await zip.addBuffer(`outputs/many/f${i}.txt`, Buffer.from(String(i)), { mode: 0o644, mtime });
    await zip.addStream('dihya.sqlite', (async function* () {
      yield Buffer.from('streamed ');
      yield Buffer.from('database');
    })(), { mode: 0o600, mtime, expectedSize: 17 });
    await zip.finish();
    await output.end();
    const entries = await read(file);
    expect(Object.keys(entries)).toHaveLength(70_002);
    expect(entries['outputs/many/f69999.txt']).toBe('69999');
    expect(entries['dihya.sqlite']).toBe('streamed database');
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('refuses a member name that would escape the folder', async () => {
    const file = await zipOf([['outputs/x', Buffer.from('x')]], false);
    const bytes = await readFile(file);
    // Rewrite the name in the central directory only ("outputs/x" → "../tput/x"), same length.
    const at = bytes.lastIndexOf(Buffer.from('outputs/x'));
    bytes.write('../tput/x', at, 'latin1');
    writeFileSync(file, bytes);
    await expect(read(file)).rejects.toMatchObject({ code: 'BACKUP_CORRUPT', message: expect.stringContaining('unsafe member name') });
  });
});
