#!/usr/bin/env node
// The size ratchet: fails when a first-load asset of dist/, the first load in all, the chunks
// together or all the wasm together is bigger than bench/budget.json.
//   node bench/size-check.mjs            check dist/ against the budget
//   node bench/size-check.mjs --write    write the budget from dist/ (current sizes + 5 %)
// Lower the budget whenever sizes drop (--write after the smaller build). Raising it needs a
// line in the commit message saying what the bytes bought (see BENCHMARKS.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, kb, KINDS } from './sizes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.resolve(root, process.env.DIST || 'dist');
const budgetFile = path.join(here, 'budget.json');
const HEADROOM = 1.05;
const ENC = ['raw', 'gzip', 'brotli'];

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`size-check: ${dist}/index.html is missing — run \`make build\` first.`);
  process.exit(2);
}
const now = measure(dist);
const rows = { ...now.kinds, total: now.total, chunks: now.chunks, 'all wasm': now.allWasm };
for (const k of KINDS) if (!rows[k]) {
  console.error(`size-check: no ${k} among the first-load files of ${dist} (${now.files.map((f) => f.name).join(', ')})`);
  process.exit(2);
}

if (process.argv.includes('--write')) {
  const budget = {
    _comment: 'Most bytes each first-load asset of dist/ may have (measured + 5 %). gzip level 9 and brotli quality 11 by node zlib. Lower it when sizes drop (node bench/size-check.mjs --write); raising it needs a line in the commit message saying what the bytes bought.',
    measured: new Date().toISOString().slice(0, 10),
  };
  for (const [k, v] of Object.entries(rows)) {
    budget[k] = Object.fromEntries(ENC.map((e) => [e, Math.ceil(v[e] * HEADROOM)]));
    if (k === 'chunks') budget[k].count = v.count;
  }
  fs.writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log(`size-check: wrote ${path.relative(root, budgetFile)} (current sizes + 5 %)`);
  process.exit(0);
}

const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const over = [];
const lines = [];
for (const k of [...KINDS, 'total', 'chunks', 'all wasm']) {
  const cells = ENC.map((e) => {
    const have = rows[k][e];
    const may = budget[k]?.[e];
    if (may === undefined) return `${e} ${have} (no budget)`;
    if (have > may) over.push(`${k} ${e}: ${have} B > budget ${may} B (+${have - may} B, ${((100 * have) / may - 100).toFixed(1)} % over)`);
    return `${e} ${kb(have)}/${kb(may)} KB`;
  });
  lines.push(`  ${k.padEnd(10)} ${cells.join('   ')}`);
}
if (over.length) {
  console.error('size-check: FAILED — the first load grew past bench/budget.json:');
  for (const o of over) console.error('  ' + o);
  console.error(lines.join('\n'));
  console.error('Make it smaller, or (if the bytes are worth it) raise bench/budget.json with a line in the');
  console.error('commit message saying what the bytes bought. See BENCHMARKS.md, "The size gate".');
  process.exit(1);
}
// Sizes well under budget: remind to ratchet down.
const slack = ENC.some((e) => rows.total[e] * HEADROOM * 1.05 < budget.total[e]);
console.log(`size-check: ok (used/budget)\n${lines.join('\n')}`);
if (slack) console.log('size-check: sizes are >5 % under budget — lower it: node bench/size-check.mjs --write');
