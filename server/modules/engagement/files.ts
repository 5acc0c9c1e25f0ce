import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { engagementFiles } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import { sniffFile } from '../../lib/sniff-file';
import { safeFileName } from '../../lib/safe-file-name';
import { ENGAGEMENT_LIMITS } from '../../../domain/engagement/schemas';

export type FileOwner = 'report' | 'recommendation';
export interface UploadedFile {
  name: string;
  data: Buffer;
}

/** Stores a file of a report or a recommendation; the type comes from the content, never the name. */
export async function storeFile(tx: Tx, actor: Actor, tenantId: string, owner: { kind: FileOwner; id: string }, file: UploadedFile) {
  if (file.data.length === 0) throw new AppError('validation', `Файл «${file.name}» пуст`, { file: 'Файл пуст' });
  if (file.data.length > ENGAGEMENT_LIMITS.fileBytes) throw new AppError('too_large', `Файл «${file.name}» больше ${ENGAGEMENT_LIMITS.fileBytes / 1024 / 1024} МБ`);
  const mimeType = sniffFile(file.data);
  if (!mimeType) throw new AppError('validation', `Файл «${file.name}»: такой тип файлов не принимается (PDF, DOCX, XLSX, изображения, текст)`, { file: 'Тип файла не принимается' });
  const [row] = await tx
    .insert(engagementFiles)
    .values({
      tenantId,
      ownerKind: owner.kind,
      ownerId: owner.id,
      fileName: safeFileName(file.name),
      mimeType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      content: file.data,
      uploadedBy: actor.userId,
    })
    .returning({ id: engagementFiles.id, fileName: engagementFiles.fileName, size: engagementFiles.size, mimeType: engagementFiles.mimeType });
  return row;
}

export async function filesOf(db: Db | Tx, kind: FileOwner, ownerIds: string[]) {
  if (!ownerIds.length) return [];
  return db
    .select({ id: engagementFiles.id, ownerId: engagementFiles.ownerId, fileName: engagementFiles.fileName, size: engagementFiles.size, mimeType: engagementFiles.mimeType, createdAt: engagementFiles.createdAt })
    .from(engagementFiles)
    .where(and(eq(engagementFiles.ownerKind, kind), inArray(engagementFiles.ownerId, ownerIds)));
}

export async function loadFile(db: Db, id: string) {
  const [f] = await db.select().from(engagementFiles).where(eq(engagementFiles.id, id));
  if (!f) throw new AppError('not_found', 'Файл не найден');
  return f;
}
