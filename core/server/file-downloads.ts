import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../common/index.ts';

/** Folders of the data directory whose files a serve-mode user may take away (see DownloadableFile). */
const AREAS: Readonly<Record<string, { dir: string; pattern: RegExp; type: string }>> = {
  // Names as gdpr.export makes them; the pattern also shuts out `..`, separators and hidden files.
  exports: { dir: 'exports', pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip$/, type: 'application/zip' },
};

/**
 * `GET /api/files/<area>/<name>`: a file the core wrote for the user (a GDPR export), for browsers
 * that may run on another machine than the node. Behind the same token as every /api route.
 */
export function registerFileDownloads(app: FastifyInstance, dataDir: string): void {
  app.get<{ Params: { area: string; name: string } }>('/api/files/:area/:name', async (request, reply) => {
    const { area: areaName, name } = request.params;
    const area = Object.hasOwn(AREAS, areaName) ? AREAS[areaName] : undefined;
    if (area === undefined) throw new AppError('NOT_FOUND', `There are no downloadable files under “${areaName}”; today only exports can be downloaded.`, { area: areaName });
    if (!area.pattern.test(name) || name.includes('..')) {
      throw new AppError('VALIDATION_FAILED', `“${name}” is not the name of a file Dihya made in ${areaName}.`, { area: areaName, name });
    }
    const path = join(dataDir, area.dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new AppError('NOT_FOUND', `No file named “${name}” in ${areaName}: it may have been erased. Make a new one.`, { area: areaName, name });
    return reply
      .type(area.type)
      .header('Content-Length', String(info.size))
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('Cache-Control', 'no-store')
      .send(createReadStream(path));
  });
}
