import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { CLASS_TEXT, type PdClass } from '../../../domain/retention/rules';

export interface ActContent {
  number: string;
  operator: string;
  operatorAddress: string;
  system: string;
  subjects: string[];
  categories: string[];
  counts: Record<PdClass, number>;
  total: number;
  method: string;
  reasons: string[];
  destroyedAt: string;
  responsible: string;
}

/** One destroyed record in the log export: never the data itself, only what identifies the subject indirectly. */
export interface LogEntry {
  pdClass: PdClass;
  subject: string;
  record: string;
  since: Date;
}

export const CLASS_LABEL: Record<PdClass, string> = {
  applicant: 'Данные заявителя закрытого обращения',
  materials: 'Материалы закрытого обращения',
  quarantine: 'Строка карантина импорта',
  import_files: 'Исходный файл завершённого импорта',
  access_log: 'Запись журнала доступа к ПД',
};

const ruDate = (iso: string) => new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });

/** The act's fields in the order of п. 3 приказа Роскомнадзора от 28.10.2022 № 179. */
export function actFields(c: ActContent): [string, string][] {
  return [
    ['Оператор (наименование, адрес)', [c.operator, c.operatorAddress].filter(Boolean).join(', ')],
    ['Лицо, обрабатывающее ПД по поручению оператора', 'нет'],
    ['Субъекты персональных данных', `${c.subjects.join('; ')} — сведения о каждом в выгрузке из журнала (номер обращения вместо ФИО)`],
    ['Лица, уничтожившие персональные данные (ФИО, должность)', c.responsible],
    ['Перечень категорий уничтоженных персональных данных', c.categories.join('; ')],
    ['Информационная система персональных данных', c.system],
    ['Количество уничтоженных записей', `${c.total} (заявители: ${c.counts.applicant}, материалы обращений: ${c.counts.materials}, строки карантина: ${c.counts.quarantine}, файлы импорта: ${c.counts.import_files ?? 0}, журнал доступа: ${c.counts.access_log})`],
    ['Способ уничтожения', c.method],
    ['Причина уничтожения', c.reasons.join('; ')],
    ['Дата уничтожения', ruDate(c.destroyedAt)],
  ];
}

export async function actDocx(c: ActContent): Promise<Buffer> {
  const font = 'Times New Roman';
  const p = (text: string, opts: { bold?: boolean; center?: boolean } = {}) =>
    new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold, font, size: 26 })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: actFields(c).map(([k, v]) => new TableRow({ children: [new TableCell({ width: { size: 35, type: WidthType.PERCENTAGE }, children: [p(k)] }), new TableCell({ children: [p(v)] })] })),
  });
  const doc = new Document({
    sections: [{
      children: [
        p(`АКТ № ${c.number}`, { bold: true, center: true }),
        p('об уничтожении персональных данных', { bold: true, center: true }),
        p(''),
        table,
        p(''),
        p('Приложение: выгрузка из журнала регистрации событий в информационной системе персональных данных (файл XLSX).'),
        p(''),
        p('Подписи лиц, уничтоживших персональные данные: ______________________'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

export async function logXlsx(c: ActContent, entries: LogEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Журнал уничтожения');
  ws.columns = [
    { header: 'Субъект (иная информация, относящаяся к лицу)', key: 'subject', width: 44 },
    { header: 'Категория записи', key: 'cls', width: 36 },
    { header: 'Идентификатор записи', key: 'record', width: 40 },
    { header: 'Дата, с которой исчислялся срок', key: 'since', width: 22 },
    { header: 'Перечень категорий уничтоженных ПД', key: 'categories', width: 50 },
    { header: 'Информационная система', key: 'system', width: 40 },
    { header: 'Причина уничтожения', key: 'reason', width: 50 },
    { header: 'Дата уничтожения', key: 'at', width: 22 },
    { header: 'Акт', key: 'act', width: 12 },
  ];
  for (const e of entries) {
    ws.addRow({ subject: e.subject, cls: CLASS_LABEL[e.pdClass], record: e.record, since: ruDate(e.since.toISOString()), categories: CLASS_TEXT[e.pdClass].categories.join('; '), system: c.system, reason: CLASS_TEXT[e.pdClass].reason, at: ruDate(c.destroyedAt), act: c.number });
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
