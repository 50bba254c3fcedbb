// The search script against the index of the built example site, in Node's own test runner:
// `node --test tests/js/`. It builds the example site first unless HUBSITE_PUBLIC names a built one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let pub;
let hubsearch;

before(() => {
  pub = process.env.HUBSITE_PUBLIC;
  if (!pub) {
    pub = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubsite-js-')), 'public');
    execFileSync('cargo', ['run', '--release', '--quiet', '--', 'build', '--out', pub, '--today', '2026-11-23'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const context = {};
  vm.runInNewContext(fs.readFileSync(path.join(pub, 'search.js'), 'utf8'), context);
  hubsearch = context.hubsearch;
});

/** An index of one language that reads the built files and notes each one it reads. */
function index(lang) {
  const read = [];
  const ix = new hubsearch.Index(`/${lang}/search/`, async (url) => {
    read.push(url);
    return JSON.parse(fs.readFileSync(path.join(pub, url), 'utf8'));
  });
  return { ix, read };
}

async function search(lang, query, filters = []) {
  const { ix, read } = index(lang);
  // Arrays made inside the script's context are another realm's: copy them for deepEqual.
  const ids = Array.from(await ix.search(query, filters));
  const cards = Array.from(await ix.cards(ids));
  return { cards, hrefs: cards.map((c) => c[0]), read };
}

/** The front matter of every source entry of a kind, as `key = value` pairs (enough for these tests). */
function entries(folder) {
  const dir = path.join(ROOT, 'content', folder);
  const out = {};
  for (const file of fs.readdirSync(dir)) {
    if (!/^[a-z0-9-]+\.md$/.test(file)) continue;
    const front = fs.readFileSync(path.join(dir, file), 'utf8').split('+++')[1];
    const fields = {};
    for (const line of front.split('\n')) {
      const m = line.match(/^([a-z_]+) = (.*)$/);
      if (m) fields[m[1]] = m[2];
    }
    // `when` spans lines: keep all of it.
    fields.when = front.slice(front.indexOf('when')).split(']\n')[0];
    out[file.slice(0, -3)] = fields;
  }
  return out;
}

const slug = (href) => href.split('/').filter(Boolean).pop();

test('the script cuts words as the Rust tokeniser does', () => {
  // The same cases as src/search/tokens.rs's test.
  const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/tokens.json'), 'utf8')).slice(1);
  assert.ok(cases.length > 20);
  for (const [text, expected] of cases) {
    assert.deepEqual(Array.from(hubsearch.tokens(text)), expected, text);
  }
});

test('every word of every title finds its own page, in every language', async () => {
  for (const lang of ['en', 'bn', 'so']) {
    const { ix } = index(lang);
    const meta = JSON.parse(fs.readFileSync(path.join(pub, lang, 'search/meta.json'), 'utf8'));
    const all = await ix.cards([...Array(meta.n).keys()]);
    for (const [d, card] of all.entries()) {
      for (const word of hubsearch.tokens(card[1])) {
        const ids = await ix.search(word, []);
        assert.ok(ids.includes(d), `${lang}: "${word}" does not find ${card[0]}`);
      }
    }
  }
});

test('pages with the words in their title come first, in every language', async () => {
  const play = await search('en', 'stay and play');
  assert.ok(play.cards.slice(0, 3).every((c) => /stay and play/i.test(c[1])), play.cards.map((c) => c[1]).join(' | '));
  // শিশু finds শিশুর and শিশুদের. শিশুর ম্যাসাজ, with শিশুর in its title, comes before the two pages that have
  // only the rare form শিশুরাও ("children too") in their text, though rarity alone would put them first.
  const child = await search('bn', 'শিশু');
  const at = (s) => child.hrefs.indexOf(`/bn/${s}/`);
  assert.ok(at('activities/baby-massage') >= 0);
  assert.ok(at('activities/baby-massage') < at('start-for-life/talking-and-play'), child.hrefs.join(' '));
  assert.ok(at('activities/baby-massage') < at('places/northfield-library'), child.hrefs.join(' '));
  const titled = child.cards.slice(0, 4).filter((c) => c[1].includes('শিশু'));
  assert.ok(titled.length >= 3, child.cards.map((c) => c[1]).join(' | '));
  const carruur = await search('so', 'carruurta');
  assert.ok(carruur.cards[0][1].toLowerCase().includes('carruurta'), carruur.cards[0][1]);
});

test('the best match comes first, and results show the title, the place and the next time', async () => {
  const { cards } = await search('en', 'baby massage');
  assert.equal(cards[0][0], '/en/activities/baby-massage/');
  assert.equal(cards[0][1], 'Baby massage');
  assert.equal(cards[0][2], 'Northfield Family Hub');
  assert.match(cards[0][3], /^Next: Tuesday 24 November 2026, 10:00 to 11:00$/);
  const bn = await search('bn', 'ম্যাসাজ');
  assert.equal(bn.cards[0][0], '/bn/activities/baby-massage/');
  assert.equal(bn.cards[0][1], 'শিশুর ম্যাসাজ');
  assert.match(bn.cards[0][3], /^পরের বার: মঙ্গলবার, ২৪ নভেম্বর, ২০২৬/);
});

test('a Bengali word finds the same word with a suffix, and শশা never finds শিশু', async () => {
  // শিশুর ম্যাসাজ ("baby's massage"): the title has only শিশুর, child with the suffix -র.
  const child = await search('bn', 'শিশু');
  assert.ok(child.hrefs.includes('/bn/activities/baby-massage/'), child.hrefs.join(' '));
  const cucumber = await search('bn', 'শশা');
  assert.deepEqual(cucumber.hrefs, []);
  // A prefix with a different vowel sign is a different word.
  const wrong = await search('bn', 'শশ');
  assert.ok(!wrong.cards.some((c) => c[1].includes('শিশু')), wrong.hrefs.join(' '));
  // Bengali digits find Latin ones: the example site has no Bengali digits in titles, so check a title number.
  assert.deepEqual(hubsearch.tokens('০১২'), hubsearch.tokens('012'));
});

test('a Somali word finds the same word with a suffix', async () => {
  // "carruurta" (the children) is found by "carruur" (children).
  const { hrefs } = await search('so', 'carruur');
  assert.ok(hrefs.includes('/so/activities/special-needs-play/'), hrefs.join(' '));
  const exact = await search('so', 'carruurta');
  assert.ok(exact.hrefs.includes('/so/activities/special-needs-play/'));
});

test('an acronym finds the pages that use the plain words, in every language, though no page shows it', async () => {
  for (const lang of ['en', 'bn', 'so']) {
    const camhs = await search(lang, 'CAMHS');
    assert.deepEqual(camhs.hrefs, [`/${lang}/activities/worries-and-feelings/`]);
    const send = await search(lang, 'send');
    assert.ok(send.hrefs.slice(0, 3).every((h) => h.includes('special-needs')), send.hrefs.join(' '));
    const page = fs.readFileSync(path.join(pub, lang, 'activities/worries-and-feelings/index.html'), 'utf8');
    assert.ok(!/CAMHS/i.test(page));
  }
});

test('a query downloads only what it needs', async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(pub, 'en/search/meta.json'), 'utf8'));
  const { read } = await search('en', 'massage');
  const shards = read.filter((u) => u.includes('/t/'));
  assert.equal(shards.length, 1, read.join(' '));
  assert.ok(meta.k.length > 10);
  // Every result card file it read held one of the results.
  assert.ok(read.filter((u) => u.includes('/d/')).length <= 10);
});

test('filters keep exactly the entries that pass them', async () => {
  const sessions = entries('sessions');
  const hubs = entries('hubs');
  const spokes = entries('spokes');
  const unquote = (s) => (s || '').replace(/"/g, '');
  const area = (s) => {
    const venue = unquote(s.venue);
    const hub = hubs[venue] ? venue : unquote(spokes[venue]?.hub);
    return unquote(hubs[hub]?.locality);
  };
  const activities = (hrefs) => hrefs.filter((h) => h.includes('/activities/')).map(slug).sort();
  const expect = (keep) => Object.keys(sessions).filter((k) => keep(sessions[k])).sort();

  const kind = await search('en', '', ['kind-baby-group']);
  assert.deepEqual(activities(kind.hrefs), expect((s) => unquote(s.category) === 'baby-group'));
  assert.equal(kind.hrefs.length, activities(kind.hrefs).length);

  const free = await search('en', '', ['free', 'day-monday']);
  const expected = expect((s) => s.cost === '"free"' && s.when.includes('"monday"'));
  assert.ok(expected.length > 0);
  assert.deepEqual(activities(free.hrefs), expected);

  // Online sessions are as near to one area as to another.
  const north = await search('bn', '', ['area-northfield']);
  assert.deepEqual(activities(north.hrefs), expect((s) => area(s) === 'northfield' || s.online === 'true'));
  const places = north.hrefs.filter((h) => h.includes('/places/')).map(slug).sort();
  const northPlaces = [
    ...Object.keys(hubs).filter((h) => unquote(hubs[h].locality) === 'northfield'),
    ...Object.keys(spokes).filter((s) => unquote(hubs[unquote(spokes[s].hub)]?.locality) === 'northfield'),
  ].sort();
  assert.deepEqual(places, northPlaces);

  // Start for Life services are free, and for every area.
  const offers = fs.readdirSync(path.join(ROOT, 'content/offers')).filter((f) => /^[a-z0-9-]+\.md$/.test(f)).length;
  const freeHelp = await search('en', '', ['free', 'start-for-life', 'area-parkview']);
  assert.equal(freeHelp.hrefs.filter((h) => h.startsWith('/en/start-for-life/')).length, offers);

  const sfl = await search('so', '', ['start-for-life']);
  for (const h of sfl.hrefs) {
    assert.ok(h.includes('/start-for-life/') || sessions[slug(h)].offer, h);
  }
  assert.deepEqual(activities(sfl.hrefs), expect((s) => Boolean(s.offer)));

  // Words and filters together: only Northfield's baby groups.
  const both = await search('en', 'baby', ['area-northfield', 'kind-baby-group']);
  assert.ok(both.hrefs.length > 0);
  for (const h of both.hrefs) {
    assert.equal(area(sessions[slug(h)]), 'northfield', h);
    assert.equal(unquote(sessions[slug(h)].category), 'baby-group', h);
  }
});

test("a child's age keeps the sessions whose age range includes it", async () => {
  const months = (a) => {
    a = unquote(a);
    if (a === 'pregnancy') return -1;
    if (a === 'birth') return 0;
    const [n, unit] = a.split(' ');
    return unit.startsWith('year') ? Number(n) * 12 : Number(n);
  };
  function unquote(s) {
    return (s || '').replace(/"/g, '');
  }
  const sessions = entries('sessions');
  const { hrefs } = await search('en', '', ['age-3']);
  const found = hrefs.filter((h) => h.includes('/activities/')).map(slug).sort();
  const expected = Object.keys(sessions)
    .filter((k) => {
      const ages = sessions[k].ages;
      if (!ages) return true;
      const get = (key) => (ages.match(new RegExp(`${key} = ("[^"]+")`)) || [])[1];
      const from = months(get('from'));
      const to = get('send_to') || get('to');
      return from <= 47 && (to === undefined || months(to) >= 36);
    })
    .sort();
  assert.deepEqual(found, expected);
  const baby = await search('en', 'massage', ['age-3']);
  assert.deepEqual(baby.hrefs, []);
  // Baby massage is for babies from birth to 6 months: in "under 1", not in "1 year old".
  assert.ok((await search('en', 'massage', ['age-0'])).hrefs.includes('/en/activities/baby-massage/'));
  assert.ok(!(await search('en', 'massage', ['age-1'])).hrefs.includes('/en/activities/baby-massage/'));
  assert.ok((await search('en', 'birth', ['age-pregnancy'])).hrefs.includes('/en/activities/antenatal-classes/'));
});

test('with filters and no words, what is on soonest comes first', async () => {
  const { cards } = await search('en', '', ['free']);
  const when = cards
    .filter((c) => c[3])
    .map((c) => {
      const m = c[3].match(/(\d+ \w+ \d{4}), (\d\d:\d\d)/);
      return Date.parse(`${m[1]} ${m[2]}`);
    });
  assert.ok(when.length > 5);
  assert.deepEqual(when, [...when].sort((a, b) => a - b));
});

test('a filter no entry passes finds nothing, and nothing at all asks for nothing', async () => {
  assert.deepEqual((await search('en', '', ['day-someday'])).hrefs, []);
  assert.deepEqual((await search('en', 'baby', ['kind-none'])).hrefs, []);
  assert.deepEqual((await search('en', '  ', [])).hrefs, []);
});

test('an entry not yet translated shows its English title, marked as English', async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(pub, 'so/search/meta.json'), 'utf8'));
  const { ix } = index('so');
  const all = await ix.cards([...Array(meta.n).keys()]);
  const english = all.filter((c) => c[4] === 'en');
  assert.ok(english.length > 0);
  for (const c of english) {
    const page = fs.readFileSync(path.join(pub, c[0], 'index.html'), 'utf8');
    assert.ok(page.includes(`lang="en"`), c[0]);
  }
});

test('the script stays small and asks nothing of any other website', () => {
  const js = fs.readFileSync(path.join(pub, 'search.js'));
  const gz = zlibSize(js);
  assert.ok(gz <= 5 * 1024, `search.js is ${gz} bytes gzipped`);
  assert.ok(!/https?:\/\//.test(js.toString()), 'search.js names another website');
});

function zlibSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}
