import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../lib';
import { readCsv, splitRows, type DatasetSpec } from './dataset';
import { runTarget, textOnly, type RunResult } from './evaluate';

/**
 * `npm run bench:classify` — the text classifier on the real SPb appeals (time split at
 * 2021-03-01, exact duplicate texts removed) for category, reason and executor.
 * `npm run bench:classify -- --file x.csv --text text --label category [--extra district,municipality]
 *   [--date created_at --split 2021-03-01] [--test-share 0.2] [--template district] [--extra-weight 0.5]
 *   [--cross district]` — the same evaluation on any CSV with a text and a label column. Without
 *   --date the test is a share of the texts chosen by a hash of the text. --template names the
 *   extra column whose value appears in label names (recipients «… Невского района»).
 */
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPB = resolve(ROOT, '../shared/data/appeals/spb_our_city_appeals.csv');

/** The outside reference: TF-IDF (word 1–2 + char 2–5) + logistic regression, same split. */
const REFERENCE: Record<string, { accuracy: number; macroF1?: number; top3: number }> = {
  category: { accuracy: 0.916, macroF1: 0.804, top3: 0.992 },
  reason: { accuracy: 0.719, macroF1: 0.543, top3: 0.915 },
  'executor (text only)': { accuracy: 0.268, top3: 0.426 },
};
/** The reference had no address knowledge: its executor figures are from the text alone. */
REFERENCE['executor (text + district, municipality)'] = REFERENCE['executor (text only)'];

/** The recipient: district names inside recipient names become templates (label-templates.ts). */
const EXECUTOR_OPTIONS = { labelTemplateKey: 'district', features: { extraWeight: 0.5 } };

const f3 = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(3));

function print(results: RunResult[], title: string, withReference: boolean): void {
  const head = ['target', 'train/test', 'classes', 'accuracy', 'macro-F1', 'top-3', 'majority acc / F1 / top-3'];
  printTable(title, withReference ? [...head, 'reference acc / F1 / top-3'] : head, results.map((r) => {
    const ref = REFERENCE[r.name];
    const row = [
      r.name, `${r.nTrain}/${r.nTest}`, r.classes, f3(r.scores.accuracy), f3(r.scores.macroF1), f3(r.scores.top3),
      `${f3(r.baseline.accuracy)} / ${f3(r.baseline.macroF1)} / ${f3(r.baseline.top3)}`,
    ];
    if (!withReference) return row;
    return [...row, ref ? `${f3(ref.accuracy)} / ${f3(ref.macroF1)} / ${f3(ref.top3)}${r.name.startsWith('executor') ? ' (text only)' : ''}` : '—'];
  }));
  printTable('Timings (one core, single-threaded; CPU time, wall clock in brackets)', ['target', 'training, s', 'training texts/s', 'prediction texts/s', 'model JSON, MB'], results.map((r) => [
    r.name, `${r.trainCpuSeconds.toFixed(1)} (${r.trainSeconds.toFixed(1)})`, Math.round(r.nTrain / r.trainCpuSeconds), Math.round(r.predictPerSecond), r.modelMB.toFixed(1),
  ]));
}

async function spb(): Promise<void> {
  if (!existsSync(SPB)) {
    process.stdout.write(`bench:classify: no dataset at ${SPB} (../shared/data/appeals/ beside the repository) — skipped.\n`);
    return;
  }
  const rows = await readCsv(SPB, ['created_at', 'text', 'category', 'reason', 'executor', 'district', 'municipality']);
  const spec = (label: string, extras: string[] = []): DatasetSpec => ({ file: SPB, text: 'text', label, extras, date: 'created_at', split: '2021-03-01', testShare: 0 });
  const results: RunResult[] = [];
  const first = splitRows(rows, spec('category'));
  process.stdout.write(`SPb appeals: ${rows.length} rows, ${first.duplicates} exact duplicate texts removed, train < 2021-03-01, test ≥ 2021-03-01\n`);
  results.push(runTarget('category', first));
  results.push(runTarget('reason', splitRows(rows, spec('reason'))));
  const executor = splitRows(rows, spec('executor', ['district', 'municipality']));
  results.push(runTarget('executor (text + district, municipality)', executor, EXECUTOR_OPTIONS));
  results.push(runTarget('executor (text only)', textOnly(executor)));
  print(results, 'Text classifier on «Наш Санкт-Петербург» (time split, duplicates removed)', true);
}

async function generic(file: string): Promise<void> {
  const text = arg('text') ?? 'text';
  const labels = list(arg('label') ?? 'label');
  const extras = list(arg('extra'));
  const date = arg('date');
  const spec = { file, text, extras, date, split: arg('split'), testShare: Number(arg('test-share') ?? '0.2') };
  if (date && !spec.split) throw new Error('--date needs --split YYYY-MM-DD');
  const rows = await readCsv(file, [text, ...labels, ...extras, ...(date ? [date] : [])]);
  const cross = list(arg('cross'));
  const results = labels.map((label) => {
    const split = splitRows(rows, { ...spec, label });
    if (split.train.length === 0 || split.test.length === 0) throw new Error(`${label}: the split leaves no training or no test rows`);
    return runTarget(label, split, { labelTemplateKey: arg('template') ?? '', features: { crossKeys: cross, extraWeight: Number(arg('extra-weight') ?? '1') } });
  });
  const how = date ? `train: ${date} < ${spec.split}` : `test: ${spec.testShare * 100}% of texts by hash`;
  print(results, `Text classifier on ${file} (${how}, duplicates removed${extras.length ? `, extras: ${extras.join(', ')}` : ''})`, false);
}

const file = arg('file');
try {
  await (file ? generic(resolve(process.env.INIT_CWD ?? process.cwd(), file)) : spb());
} catch (e) {
  process.stderr.write(`bench:classify: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
