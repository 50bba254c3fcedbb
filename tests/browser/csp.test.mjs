// The Content-Security-Policy in `_headers`, applied by the test server as a host applies it: every kind of page
// in every language is served with it and works under it with nothing blocked, search runs and finds results, the
// copy for partners fits its frame on another origin; and a script written into a built page does not run and is
// reported.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { KINDS, LANGS, SHARED, browser, buildSite, cleanUp, scratch, serve, visit } from "./harness.mjs";

let site, partner, phone;
/// Every `securitypolicyviolation` event in any page or frame: where, which directive, what was blocked.
const violations = [];

before(async () => {
  const work = scratch("csp");
  const pub = join(work, "public");
  const partnerDir = join(work, "partner");
  site = await serve(pub);
  partner = await serve(partnerDir);
  buildSite(pub, site, [partner]);
  // A partner's page on another origin, with the code to copy for an activity's copy.
  const snippet = JSON.parse(readFileSync(join(pub, "embed/so/activities/bengali-rhymes/oembed.json"), "utf8")).html;
  mkdirSync(partnerDir, { recursive: true });
  writeFileSync(
    join(partnerDir, "index.html"),
    `<!doctype html><html lang="en"><head><title>A partner</title></head><body><h1>A partner</h1>${snippet}</body></html>`,
  );
  // A built page with a script written into it, as someone who could change a file on the host might.
  const page = readFileSync(join(pub, "en/about/index.html"), "utf8");
  mkdirSync(join(pub, "en/injected"));
  writeFileSync(
    join(pub, "en/injected/index.html"),
    page.replace("</body>", "<script>window.injected = true; document.title = 'ran';</script>\n</body>"),
  );
  phone = await browser();
  // The browser's own report of anything the policy blocked, from every frame. Playwright's scripts and bindings
  // reach the page past the policy, as an extension's would.
  await phone.exposeBinding("reportViolation", ({ frame }, v) => violations.push({ at: frame.url(), ...v }));
  await phone.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    ),
  );
});
after(cleanUp);

/// Violation events are sent a moment after what caused them: the ones at `url` once the page has settled.
async function blocked(page, url) {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  return violations.filter((v) => v.at.startsWith(url));
}

/// Opens a page and checks it was served with the policy and that nothing on it was blocked.
async function underPolicy(url, { status = 200 } = {}) {
  const opened = await visit(phone, url);
  const { page, response } = opened;
  assert.equal(response.status(), status, url);
  const policy = response.headers()["content-security-policy"] || "";
  for (const rule of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
    assert.ok(policy.includes(rule), `${url} is served without ${rule}: ${policy}`);
  }
  assert.deepEqual(await blocked(page, url), [], url);
  // A missing page is answered with the not-found page and status 404, which is what it should say.
  const trouble = opened.trouble.filter((t) => status !== 404 || !/404/.test(t));
  assert.deepEqual(trouble, [], url);
  return page;
}

for (const [kind, path] of KINDS) {
  for (const lang of LANGS) {
    test(`${kind} in ${lang} is served with the policy and nothing on it is blocked`, async () => {
      const page = await underPolicy(site + path(lang));
      // The stylesheet inlined in the page is allowed, so the page is drawn as designed, not as bare HTML.
      assert.equal(await page.evaluate(() => document.styleSheets[0].cssRules.length > 0), true);
      await page.close();
    });
  }
}

for (const [kind, path] of [...SHARED, ["not-found-in-a-language", "/bn/no-such-page/"]]) {
  test(`${kind} is served with the policy and nothing on it is blocked`, async () => {
    const page = await underPolicy(site + path, { status: kind.startsWith("not-found") ? 404 : 200 });
    await page.close();
  });
}

test("search runs under the policy and finds results", async () => {
  const url = `${site}/en/search/?q=baby+massage`;
  const page = await underPolicy(url);
  await page.waitForFunction(() => document.querySelectorAll("#results li").length > 0);
  assert.equal(await page.locator("#results li a").first().getAttribute("href"), "/en/activities/baby-massage/");
  assert.deepEqual(await blocked(page, url), []);
  await page.close();
});

test("the copy for partners fits its frame on another origin under the policy", async () => {
  const copy = `${site}/embed/so/activities/bengali-rhymes/`;
  const served = phone.waitForEvent("response", (r) => r.url() === copy);
  // The partner's page is theirs, with no policy of ours; what happens in the frame is checked.
  const { page, trouble } = await visit(phone, `${partner}/`);
  const policy = (await served).headers()["content-security-policy"] || "";
  assert.match(policy, /script-src 'self'.*frame-ancestors http:\/\/127\.0\.0\.1:\d+$/);
  // embed-height.js in the copy ran and told the partner's page how tall the copy is.
  await page.locator("[data-hubsite-embed][data-hubsite-height]").waitFor();
  assert.ok(Number(await page.getAttribute("[data-hubsite-embed]", "data-hubsite-height")) > 300);
  assert.deepEqual(await blocked(page, site), []);
  assert.deepEqual(trouble, []);
  await page.close();
});

test("a script written into a built page does not run, and the browser reports it", async () => {
  const url = `${site}/en/injected/`;
  const { page, trouble } = await visit(phone, url);
  assert.equal(await page.evaluate(() => window.injected), undefined, "the written-in script ran");
  assert.notEqual(await page.title(), "ran");
  const found = await blocked(page, url);
  // Each policy the page is served with reports it: the one for every path and the one for /en/, as a host that
  // joins the rules sends both.
  assert.ok(found.length >= 1, "nothing was reported");
  for (const v of found) assert.deepEqual([v.directive, v.blocked], ["script-src-elem", "inline"], JSON.stringify(v));
  assert.ok(trouble.some((t) => t.includes("Content Security Policy")), trouble.join("\n"));
  await page.close();
});
