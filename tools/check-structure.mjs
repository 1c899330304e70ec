#!/usr/bin/env node
// The code's shape, checked in `make lint` (issue #13): no module of src/, domain/src or
// demo-api/src imports one that imports it back (directly or round a loop), and no page module
// imports another page (what two pages share lives in src/components/). Reads `crate::x`
// paths outside `#[cfg(test)] mod tests` at top-level-module granularity.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];

function rustFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? rustFiles(p) : e.name.endsWith('.rs') ? [p] : [];
  });
}

const code = (file) => fs.readFileSync(file, 'utf8').replace(/#\[cfg\(test\)\]\s*mod tests \{[\s\S]*/, '');

function graph(srcDir) {
  const g = new Map();
  for (const file of rustFiles(srcDir)) {
    const rel = path.relative(srcDir, file).replace(/\.rs$/, '').split(path.sep);
    const top = ['lib', 'main'].includes(rel[0]) && rel.length === 1 ? 'crate' : rel[0];
    const deps = g.get(top) ?? new Set();
    for (const [, m] of code(file).matchAll(/crate::([a-z_][a-z0-9_]*)/g)) if (m !== top) deps.add(m);
    g.set(top, deps);
  }
  return g;
}

function reaches(g, from, to, seen = new Set()) {
  if (from === to) return true;
  seen.add(from);
  return [...(g.get(from) ?? [])].some((n) => !seen.has(n) && reaches(g, n, to, seen));
}

for (const dir of ['src', 'domain/src', 'demo-api/src']) {
  const g = graph(path.join(root, dir));
  const mods = [...g.keys()];
  for (const [i, a] of mods.entries()) {
    for (const b of mods.slice(i + 1)) {
      if (reaches(g, a, b) && reaches(g, b, a)) problems.push(`${dir}: ${a} and ${b} import each other`);
    }
  }
}

// Pages: every file under src/pages except the page map (mod.rs files) and manage's helper.
const pagesDir = path.join(root, 'src/pages');
const pageNames = rustFiles(pagesDir)
  .filter((f) => path.basename(f) !== 'mod.rs')
  .map((f) => path.basename(f, '.rs'));
for (const file of rustFiles(pagesDir).filter((f) => path.basename(f) !== 'mod.rs')) {
  const text = code(file);
  for (const name of pageNames) {
    const own = path.basename(file, '.rs') === name;
    if (!own && new RegExp(`(super|crate::pages(::manage)?)::${name}\\b`).test(text)) {
      problems.push(`${path.relative(root, file)} imports the page ${name}`);
    }
  }
}

// Right-to-left readiness (issue #17): the stylesheets use logical properties only, so a
// right-to-left language needs nothing but its catalogue.
const physical = /(^|[\s;{])((margin|padding|border)-(left|right)|left|right|float|clear)\s*:|text-align\s*:\s*(left|right)/;
for (const file of fs.readdirSync(path.join(root, 'style'), { recursive: true }).filter((f) => f.endsWith('.css'))) {
  const lines = fs.readFileSync(path.join(root, 'style', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).split('\n');
  lines.forEach((line, i) => {
    const four = line.match(/^\s*(padding|margin)\s*:\s*(\S+)\s+(\S+)\s+(\S+)\s+([^;\s]+)/);
    if (four && four[3] !== four[5]) problems.push(`style/${file}:${i + 1}: different left and right in a shorthand (use padding-inline-start …): ${line.trim()}`);
    if (physical.test(line)) problems.push(`style/${file}:${i + 1}: a physical left/right property (use margin-inline-start, inset-inline-end, text-align: start …): ${line.trim()}`);
  });
}

if (problems.length) {
  console.error(`check-structure:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-structure: no import cycles, no page imports another, only logical CSS properties');
