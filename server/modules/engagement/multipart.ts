import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { ENGAGEMENT_LIMITS } from '../../../domain/engagement/schemas';
import type { UploadedFile } from './files';

const MB = ENGAGEMENT_LIMITS.fileBytes / 1024 / 1024;

/** Text fields and files of a multipart form (up to 10 files of ≤ 10 МБ); a JSON body is read as fields. */
export async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) return { fields: (req.body ?? {}) as Record<string, string>, files: [] };
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const tooLarge = (name: string) => new AppError('too_large', `Файл «${name}» больше ${MB} МБ`, { file: `Файл больше ${MB} МБ` });
  for await (const part of req.parts({ limits: { fileSize: ENGAGEMENT_LIMITS.fileBytes + 1, files: 10, fields: 20 } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(part.filename);
        throw e;
      });
      if (part.file.truncated) throw tooLarge(part.filename);
      if (data.length || part.filename) files.push({ name: part.filename, data });
    } else fields[part.fieldname] = String(part.value);
  }
  return { fields, files };
}
