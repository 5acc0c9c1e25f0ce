import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { importJobs, importMappings } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { recordAudit } from '../../audit/record-audit';
import { analyseFile } from '../table/analyse-file';
import { storeFileParts } from '../table/file-parts';
import { checkMapping, IMPORT_LIMITS, type ImportMapping, type ImportOptions } from '../mapping/fields';
import { applyPreset, KNOWN_HEADERS, matchPreset, unusedHeaders } from '../mapping/presets';
import { jobView, type Suggestion } from './job-view';
import { warmMappingThread } from './mapping-thread';

/**
 * Stores an uploaded spreadsheet as an import job with its preview and a suggested mapping (a
 * saved mapping of the source, or the preset recognised by header names). Nothing is imported
 * yet; a broken, empty or binary file is refused before anything is written.
 */
export async function uploadImport(db: Db, actor: Actor, file: { name: string; data: Buffer; channel?: string | null }) {
  const fileName = file.name.replace(/[\\/\0\r\n]/g, '_').slice(0, 200) || 'файл';
  const a = await analyseFile(file.data, fileName, KNOWN_HEADERS, IMPORT_LIMITS.sampleRows, IMPORT_LIMITS.previewRows);
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const suggestion = await suggest(db, actor.tenantId, a.header.headers, file.channel ?? null, sha256);
  // The import of a large file will want its mapping thread: it starts loading while the user maps columns.
  if (file.data.length >= IMPORT_LIMITS.workerFromBytes) warmMappingThread();
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({
        tenantId: actor.tenantId,
        createdBy: actor.userId,
        fileName,
        format: a.dialect.format,
        size: file.data.length,
        sha256,
        encoding: a.dialect.encoding,
        delimiter: a.dialect.delimiter,
        sheetName: a.sheetName,
        headerRow: a.header.lastRow,
        headers: a.header.headers,
        preview: a.preview,
        suggestion,
        channel: suggestion.channel,
        totalRows: a.totalRows,
      })
      .returning();
    await storeFileParts(tx, job.id, file.data);
    await recordAudit(tx, actor, { action: 'upload', entity: 'import_job', entityId: job.id, after: { fileName, format: job.format, size: job.size, sha256, totalRows: job.totalRows } });
    return jobView(job);
  });
}

async function suggest(db: Db, tenantId: string, headers: string[], channel: string | null, sha256: string): Promise<Suggestion> {
  const [same] = await db.select({ id: importJobs.id }).from(importJobs).where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.sha256, sha256))).orderBy(desc(importJobs.createdAt)).limit(1);
  const preset = matchPreset(headers);
  const saved = await db.select().from(importMappings).where(eq(importMappings.tenantId, tenantId)).orderBy(desc(importMappings.updatedAt));
  const fits = saved.find((m) => (!channel || m.channel === channel) && Object.keys(checkMapping(m.mapping as ImportMapping, headers)).length === 0);
  const mapping = fits ? (fits.mapping as ImportMapping) : applyPreset(preset, headers);
  return {
    mappingId: fits?.id ?? null,
    mappingName: fits?.name ?? null,
    preset: preset.code,
    presetName: preset.name,
    channel: channel ?? fits?.channel ?? preset.channel,
    mapping,
    options: fits ? (fits.options as ImportOptions) : preset.options,
    unusedHeaders: unusedHeaders(mapping, headers),
    problems: checkMapping(mapping, headers),
    sameFileAs: same?.id ?? null,
  };
}
