import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { caseFiles } from '../../../db/schema';
import { CASE_LIMITS } from '../../../../domain/cases/schemas';
import { AppError } from '../../../errors';
import { sniffFile } from '../../../lib/sniff-file';
import { safeFileName } from '../../../lib/safe-file-name';
import { recordAudit } from '../../audit/record-audit';
import { lockCase } from '../case-row';

/** Adds a photo or document to a case (or to an answer): type by content, size and count limits. */
export async function attachFile(tx: Tx, actor: Actor, caseId: string, file: { name: string; data: Buffer }, answerId: string | null = null) {
  if (!actor.permissions.has('cases.register') && !actor.permissions.has('cases.work') && !actor.permissions.has('cases.review')) {
    throw new AppError('forbidden', 'Недостаточно прав для добавления файлов');
  }
  await lockCase(tx, actor.tenantId, caseId);
  if (file.data.length === 0) throw new AppError('validation', 'Файл пуст', { file: 'Файл пуст' });
  if (file.data.length > CASE_LIMITS.fileBytes) throw new AppError('too_large', `Файл больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`);
  const mimeType = sniffFile(file.data);
  if (!mimeType) throw new AppError('validation', 'Тип файла не поддерживается: можно фото (JPEG, PNG, WebP, GIF), PDF, Word, Excel или текст', { file: 'Неподдерживаемый тип' });
  const [{ n }] = await tx.select({ n: count() }).from(caseFiles).where(eq(caseFiles.caseId, caseId));
  if (n >= CASE_LIMITS.filesPerCase) throw new AppError('validation', `К обращению можно приложить не более ${CASE_LIMITS.filesPerCase} файлов`, { file: 'Слишком много файлов' });
  const fileName = safeFileName(file.name);
  const [row] = await tx
    .insert(caseFiles)
    .values({ tenantId: actor.tenantId, caseId, answerId, fileName, mimeType, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), content: file.data, uploadedBy: actor.userId })
    .returning({ id: caseFiles.id, fileName: caseFiles.fileName, mimeType: caseFiles.mimeType, size: caseFiles.size });
  await recordAudit(tx, actor, { action: 'attach', entity: 'case', entityId: caseId, after: { file: fileName, mimeType, size: file.data.length } });
  return row;
}
