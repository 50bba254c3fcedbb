// hubsite search: finds pages in this language's index, downloading only the parts a query needs. A phone pays
// for every byte, so it is small, asks nothing of any other website, and the page works without it.
// The index is written by src/search; the tests are in tests/js.
(function (root) {
  'use strict';
  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var VALUE = {};
  for (var i = 0; i < 64; i++) VALUE[DIGITS[i]] = i;
  var PAGE = 10;
  // Cut as src/search/tokens.rs cuts (both are tested on tests/fixtures/tokens.json): runs of letters, marks
  // (Bengali vowel signs, virama), digits, ZWNJ and ZWJ; an apostrophe only between letters, as in Unicode's word
  // boundaries (ba'an, children's; but 5's is 5 and s).
  var SPLIT = /[^\p{L}\p{M}\p{N}'\u200c\u200d]+/u, MARKED = /[\p{L}\p{M}]/u, LETTER = /\p{L}/u;

  function tokens(text) {
    var out = [];
    function push(w) {
      if (w) out.push(w.toLowerCase().replace(/[\u09e6-\u09ef]/g, function (d) { return d.charCodeAt(0) - 0x9e6; }));
    }
    text.normalize('NFC').replace(/\u2019/g, "'").split(SPLIT).forEach(function (run) {
      var chars = Array.from(run), word = '';
      chars.forEach(function (c, i) {
        if (c !== "'" || (MARKED.test(chars[i - 1] || '') && LETTER.test(chars[i + 1] || ''))) return void (word += c);
        push(word);
        word = '';
      });
      push(word);
    });
    return out;
  }

  // Postings: per page, the gap from the one before (less one) in base 32, where a digit over 31 means more
  // digits follow; then one digit for how often the word is there (BM25's term frequency part), in steps of `step`.
  function decode(s, step, weight, best) {
    var doc = -1, n = 0;
    for (var i = 0; i < s.length; i++) {
      var v = VALUE[s[i]];
      if (v >= 32) { n = n * 32 + v - 32; continue; }
      doc += n * 32 + v + 1;
      n = 0;
      var score = VALUE[s[++i]] * step * weight;
      if (!(best.get(doc) >= score)) best.set(doc, score);
    }
  }

  // A filter: which pages pass it, six to a character, the first page in the lowest bit.
  function bits(s, n) {
    var out = new Uint8Array(n);
    for (var i = 0; i < n; i++) out[i] = (VALUE[s[(i / 6) | 0]] >> (i % 6)) & 1;
    return out;
  }

  // `get(url)` gives a promise of the parsed JSON file at `base + url`.
  function Index(base, get) {
    this.base = base;
    this.get = get;
    this.files = {};
  }

  // Each file once; one that failed (a dropped connection) is asked for again next time.
  Index.prototype.load = function (path) {
    var files = this.files;
    return files[path] || (files[path] = this.get(this.base + path).catch(function (e) {
      delete files[path];
      throw e;
    }));
  };

  // The pages that match `query` and pass every filter, best first: those with all the words, or else those with
  // the most of them. With filters and no words, every page that passes, soonest first.
  Index.prototype.search = function (query, filters) {
    var self = this;
    return this.load('meta.json').then(function (meta) {
      var words = tokens(query).filter(function (w, i, all) { return all.indexOf(w) === i; }).slice(0, 8);
      // A single letter matches only itself: as a prefix it would fetch a large part of the index.
      var long = words.some(function (w) { return w.length > 1; });
      if (long) words = words.filter(function (w) { return w.length > 1; });
      var shards = [];
      words.forEach(function (w) {
        meta.k.forEach(function (k, i) {
          if ((w.indexOf(k) === 0 || (long && k.indexOf(w) === 0)) && shards.indexOf(i) < 0) shards.push(i);
        });
      });
      if (filters.some(function (f) { return meta.f.indexOf(f) < 0; })) return [];
      return Promise.all([
        Promise.all(shards.map(function (i) { return self.load(meta.v + '/t/' + i + '.json'); })),
        Promise.all(filters.map(function (f) { return self.load(meta.v + '/f/' + f + '.json'); })),
      ]).then(function (loaded) {
        var pass = loaded[1].map(function (s) { return bits(s, meta.n); });
        var ok = function (d) { return pass.every(function (p) { return p[d]; }); };
        if (!words.length) {
          var all = [];
          for (var d = 0; d < meta.n; d++) if (filters.length && ok(d)) all.push(d);
          return all;
        }
        var found = new Map();
        words.forEach(function (w) {
          var best = new Map();
          loaded[0].forEach(function (shard) {
            for (var t in shard) {
              // A longer word (a suffix added) counts for less the more it adds.
              if (t === w || (long && t.indexOf(w) === 0)) decode(shard[t], meta.s, 0.5 + 0.5 * w.length / t.length, best);
            }
          });
          // How rare the word is: over every page with a word that starts with it, filtered or not.
          var idf = Math.log(1 + (meta.n - best.size + 0.5) / (best.size + 0.5));
          best.forEach(function (score, d) {
            if (!ok(d)) return;
            var f = found.get(d) || [0, 0];
            f[0]++;
            f[1] += score * idf;
            found.set(d, f);
          });
        });
        var ids = Array.from(found.keys()).sort(function (a, b) {
          var x = found.get(a), y = found.get(b);
          return y[0] - x[0] || y[1] - x[1] || a - b;
        });
        var most = ids.length ? found.get(ids[0])[0] : 0;
        return ids.filter(function (d) { return found.get(d)[0] === most; });
      });
    });
  };

  // Result cards: [address, title, place, next time, the title's language and the place's, if not the page's].
  Index.prototype.cards = function (ids) {
    var self = this;
    return this.load('meta.json').then(function (meta) {
      return Promise.all(ids.map(function (d) {
        return self.load(meta.v + '/d/' + Math.floor(d / meta.c) + '.json').then(function (file) {
          return file[d % meta.c];
        });
      }));
    });
  };

  function page(doc) {
    var form = doc.getElementById('search');
    if (!form || !root.fetch || !root.URLSearchParams) return;
    var status = doc.getElementById('search-status');
    var list = doc.getElementById('results');
    var say = form.dataset;
    var digits = Array.from(say.digits || '0123456789');
    var plural = root.Intl && Intl.PluralRules ? new Intl.PluralRules(doc.documentElement.lang) : null;
    var index = new Index(form.getAttribute('action'), function (url) {
      // meta.json names today's folder of the index, so it is checked with the server each time; the rest never
      // changes under its name.
      return fetch(url, /meta\.json$/.test(url) ? { cache: 'no-cache' } : {}).then(function (r) {
        if (!r.ok) throw new Error(url);
        return r.json();
      });
    });
    var more = doc.createElement('button');
    more.type = 'button';
    more.textContent = say.more;
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var found = [], shown = 0, asked = 0;

    function count(n) {
      if (n === 0) return say.none;
      if (plural ? plural.select(n) === 'one' && n === 1 : n === 1) return say.one;
      return say.many.replace('{n}', String(n).replace(/\d/g, function (x) { return digits[x]; }));
    }

    function show() {
      var next = found.slice(shown, shown + PAGE);
      var ask = asked;
      return index.cards(next).then(function (cards) {
        if (ask !== asked) return;
        var first;
        cards.forEach(function (c) {
          var li = doc.createElement('li'), a = doc.createElement('a');
          a.href = c[0];
          a.textContent = c[1];
          if (c[4]) a.lang = c[4];
          li.appendChild(a);
          [[c[2], c[5]], [c[3]]].forEach(function (t) {
            if (!t[0]) return;
            var span = doc.createElement('span');
            span.textContent = t[0];
            if (t[1]) span.lang = t[1];
            li.appendChild(doc.createElement('br'));
            li.appendChild(span);
          });
          list.appendChild(li);
          first = first || a;
        });
        shown += next.length;
        more.hidden = shown >= found.length;
        return first;
      });
    }

    function failed() {
      status.textContent = say.failed;
    }

    function run(params) {
      var filters = [];
      ['kind', 'age', 'day', 'area'].forEach(function (n) {
        if (params.get(n)) filters.push(n + '-' + params.get(n));
      });
      if (params.get('free')) filters.push('free');
      if (params.get('sfl')) filters.push('start-for-life');
      var q = params.get('q') || '', ask = ++asked;
      list.textContent = '';
      more.hidden = true;
      found = [];
      shown = 0;
      if (!q.trim() && !filters.length) return void (status.textContent = '');
      status.textContent = say.wait;
      index.search(q, filters).then(function (ids) {
        if (ask !== asked) return;
        found = ids;
        status.textContent = count(ids.length);
        return show();
      }).catch(function () {
        if (ask === asked) failed();
      });
    }

    function submit() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (v) params.set(k, v); });
      history.replaceState(null, '', params.toString() ? '?' + params : location.pathname);
      run(params);
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit();
    });
    // One tap at a time: a second tap while cards load would show the same ones twice.
    more.addEventListener('click', function () {
      if (more.disabled) return;
      more.disabled = true;
      show().then(function (first) {
        if (first) first.focus();
      }, failed).then(function () {
        more.disabled = false;
      });
    });
    // A search in the address (shared, bookmarked or reloaded) fills the form and runs again.
    var start = new URLSearchParams(location.search);
    start.forEach(function (v, k) {
      var field = form.elements[k];
      if (field && field.type === 'checkbox') field.checked = Boolean(v);
      else if (field) field.value = v;
    });
    form.hidden = false;
    run(start);
  }

  root.hubsearch = { tokens: tokens, Index: Index };
  if (root.document) page(root.document);
})(this);
