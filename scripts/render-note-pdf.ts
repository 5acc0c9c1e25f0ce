// `npm run note:pdf`: builds the weekly note on demo data, converts it to PDF with LibreOffice and
// to PNG pages with pdftoppm, for a visual check of the document (tmp/note-pdf/).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase } from '../server/test/databases';
import { systemActor } from '../server/http/actor';
import { generateDemoCases } from '../server/seed/demo-cases/generate-demo-cases';
import { createNote, noteDocx, updateNoteTexts } from '../server/modules/reports/notes';
import { lastCompleteWeek } from '../domain/analytics/period';
import { localDate } from '../domain/deadlines';

const out = join(process.cwd(), 'tmp', 'note-pdf');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const now = new Date(process.env.NOTE_NOW ?? '2026-11-23T06:00:00Z');
const { database, dispose, ids } = await freshDatabase('pglite', { demo: true });
try {
  await generateDemoCases(database, { tenantId: ids.municipalityId, count: Number(process.env.NOTE_CASES ?? 20000), now });
  const actor = systemActor(ids.municipalityId);
  const week = lastCompleteWeek(localDate(now, 'Europe/Saratov'));
  const note = await createNote(database.db, actor, week, now, true);
  const edited = await database.db.transaction((tx) =>
    updateNoteTexts(tx, actor, note.id, {
      addressee: 'Главе Красноармейского\nмуниципального района\nСаратовской области',
      signer: 'Руководитель МЦУ\tИ. И. Иванов',
      conclusions: 'Поступление обращений за неделю осталось на уровне предыдущей недели. Основная нагрузка — жилищно-коммунальное хозяйство и дороги.',
      recommendations: 'Усилить контроль сроков ответов по блоку ЖКХ.\nПроверить причины роста обращений в поселениях с сигналами роста.',
    }, now),
  );
  const docx = await noteDocx(edited, localDate(now, 'Europe/Saratov'), 1);
  const file = join(out, 'note.docx');
  writeFileSync(file, docx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'inherit', timeout: 180_000 });
  execFileSync('pdftoppm', ['-png', '-r', process.env.NOTE_DPI ?? '70', join(out, 'note.pdf'), join(out, 'page')], { stdio: 'inherit' });
  process.stdout.write(`Записка: ${file}\nСтраницы: ${readdirSync(out).filter((f) => f.endsWith('.png')).map((f) => join(out, f)).join(', ')}\n`);
} finally {
  await dispose();
}
