import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { NoteBlock, NoteDocument } from './note-blocks';
import { CHART_SIZE } from './note-charts';

/** Millimetres to twips, rounded (docx's own helper truncates: 20 mm would become 19.99). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const FONT = 'Times New Roman';
const BODY = 28; // half-points: 14 pt (ГОСТ Р 7.0.97-2016 п. 5.1)
const TABLE = 24; // 12 pt in tables
const INDENT = convertMillimetersToTwip(12.5); // абзацный отступ 1,25 см
const TEXT_WIDTH = convertMillimetersToTwip(170); // 210 − 30 − 10 mm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const run = (text: string, o: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold });

/** Lines of a multi-line text as runs with breaks. */
function lines(text: string, o: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((l, i) => new TextRun({ text: l, font: FONT, size: o.size ?? BODY, bold: o.bold, break: i ? 1 : undefined }));
}

const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { after: 60 }, children: [run(text)] });

function table(b: Extract<NoteBlock, { kind: 'table' }>): Table {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const widths = b.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      children: [new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, alignment: head ? AlignmentType.CENTER : b.align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { size: TABLE, bold: head })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function blockToDocx(b: NoteBlock, charts: { trend: Buffer; heatmap: Buffer | null }): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(b.text, { bold: true })] })];
    case 'paragraph':
      return [body(b.text)];
    case 'list':
      return b.items.map((x) => body(`– ${x}`));
    case 'freeText': {
      const paras = b.text.split(/\n+/).map((x) => x.trim()).filter(Boolean);
      return paras.length ? paras.map(body) : [body('—')];
    }
    case 'table':
      return [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'image': {
      const png = b.chart === 'trend' ? charts.trend : charts.heatmap;
      if (!png) return [];
      const size = CHART_SIZE[b.chart];
      const width = 620;
      return [
        // An explicit single «auto» line: LibreOffice otherwise clips an inline picture to one text line.
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 }, children: [new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((size.height / size.width) * width) } })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(b.caption, { size: TABLE })] }),
      ];
    }
  }
}

/** Two borderless columns side by side (the header block, the signature). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const l = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [new TableCell({ width: { size: l, type: WidthType.DXA }, borders: NO_BORDERS, children: left }), new TableCell({ width: { size: TEXT_WIDTH - l, type: WidthType.DXA }, borders: NO_BORDERS, children: right })] })],
  });
}

/**
 * The note as a DOCX per ГОСТ Р 7.0.97-2016: Times New Roman 14, margins 20/10/20/30 mm, the
 * author and the addressee at the top, the title, page numbers centred at the top from page 2,
 * the signature at the end.
 */
export async function renderNoteDocx(doc: NoteDocument, charts: { trend: Buffer; heatmap: Buffer | null }, meta: { version: number | null }): Promise<Buffer> {
  const header = twoColumns(
    [new Paragraph({ children: lines(doc.fromWhom, { bold: true }) }), new Paragraph({ spacing: { before: 120 }, children: [run(doc.date)] })],
    [new Paragraph({ children: lines(doc.addressee) })],
    0.5,
  );
  const title = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(doc.title, { bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(doc.subject, { bold: true })] }),
  ];
  const signature = twoColumns([new Paragraph({ children: lines(doc.signature.position) })], [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.signature.name)] })], 0.6);
  const document = new Document({
    creator: 'МЦУ',
    title: `${doc.title} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: BODY }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(10), header: convertMillimetersToTwip(10) } },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: TABLE })] })] }),
          first: new Header({ children: [] }),
        },
        footers: { first: new Footer({ children: [] }) },
        children: [
          header,
          ...title,
          ...doc.blocks.flatMap((b) => blockToDocx(b, charts)),
          new Paragraph({ spacing: { before: 480 }, children: [] }),
          signature,
          ...(meta.version ? [new Paragraph({ spacing: { before: 480 }, children: [run(`Версия ${meta.version}`, { size: 20 })] })] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
