#!/usr/bin/env node
// Writes X.br (brotli q11) and X.gz (gzip -9) beside every compressible file of dist/, which
// the demo API (and most static hosts) serve when the browser accepts them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
let n = 0;
for (const name of fs.readdirSync(dist)) {
  if (!/\.(wasm|js|mjs|css|html|svg|json|txt)$/.test(name)) continue;
  const file = path.join(dist, name);
  const buf = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
  const gz = zlib.gzipSync(buf, { level: 9 });
  // Only when it helps (tiny files can grow).
  if (br.length < buf.length) fs.writeFileSync(file + '.br', br);
  if (gz.length < buf.length) fs.writeFileSync(file + '.gz', gz);
  n++;
}
console.log(`compress: wrote .br and .gz for ${n} files in ${path.relative(process.cwd(), dist) || dist}`);
