// What a first search query downloads: every file the search script fetches (itself included), each gzipped on
// its own as a web server would send it, and the results it finds.
// Usage: node benches/search-bytes.mjs <built site> <lang> <query> [filter,filter…]
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const [pub, lang, query = '', filters = ''] = process.argv.slice(2);
const gz = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;
const script = fs.readFileSync(path.join(pub, 'search.js'));
const context = {};
vm.runInNewContext(script.toString(), context);
const files = [['/search.js', script.length, gz(script)]];
const index = new context.hubsearch.Index(`/${lang}/search/`, async (url) => {
  const bytes = fs.readFileSync(path.join(pub, url));
  files.push([url, bytes.length, gz(bytes)]);
  return JSON.parse(bytes);
});
const ids = await index.search(query, filters.split(',').filter(Boolean));
const cards = await index.cards(ids.slice(0, 10));
const sum = (i) => files.reduce((n, f) => n + f[i], 0);
console.log(`${lang} ${JSON.stringify(query)}${filters ? ` [${filters}]` : ''}: ${ids.length} results; ` +
  `${files.length} requests, ${sum(1)} bytes, ${sum(2)} bytes gzipped`);
for (const f of files) console.log(`  ${f[0]}  ${f[1]} B, ${f[2]} B gzipped`);
for (const c of cards.slice(0, 3)) console.log(`  → ${c[1]} | ${c[2]} | ${c[3]}`);
