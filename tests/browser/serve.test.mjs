// `hubsite serve` in Chromium: an open tab shows a saved change by itself (the new page swapped in, or a page with
// a script of its own reloaded), shows the problems over the page when a change has a mistake, and shows the page
// again when it is fixed.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browser, cleanUp, copySite, repo, visit } from "./harness.mjs";

const children = [];
after(async () => {
  for (const child of children) child.kill();
  await cleanUp();
});

/// Starts the preview on a free port; resolves to its origin once it says where it is.
function serve(site) {
  const child = spawn(
    "cargo",
    ["run", "--release", "--quiet", "--", "serve", "--port", "0", "--today", "2026-11-23", "--site", site],
    { cwd: repo, stdio: ["ignore", "pipe", "ignore"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const found = out.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (found) resolve(`http://${found[1]}`);
    });
    child.on("exit", (code) => reject(new Error(`hubsite serve stopped with ${code}: ${out}`)));
  });
}

test("an open tab follows each saved change, and shows a mistake over the page until it is fixed", async (t) => {
  const site = copySite();
  const origin = await serve(site);
  const { page, trouble } = await visit(await browser(), `${origin}/bn/activities/baby-massage/`);
  const title = page.locator("main h1");
  assert.equal(await title.innerText(), "শিশুর ম্যাসাজ");
  const file = join(site, "content/sessions/baby-massage.bn.md");
  const source = readFileSync(file, "utf8");
  const save = (text) => writeFileSync(file, text);

  // A change: the tab shows it by itself, swapped in where the page was, not reloaded: what the page held is
  // still there, the reader is where they were, and the title in the page's head is the new page's.
  await page.evaluate(() => {
    window.hubsiteTest = "the same page";
    scrollTo(0, 200);
  });
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 0, "the page is long enough to scroll");
  let saved = performance.now();
  save(source.replace('title = "শিশুর ম্যাসাজ"', 'title = "শিশুর ম্যাসাজ ও ছড়া"'));
  await page.waitForFunction(() => document.querySelector("main h1").textContent === "শিশুর ম্যাসাজ ও ছড়া");
  t.diagnostic(`saved to shown in the tab: ${Math.round(performance.now() - saved)} ms`);
  assert.equal(await page.evaluate(() => window.hubsiteTest), "the same page", "swapped, not reloaded");
  assert.equal(await page.evaluate(() => scrollY), scrolled);
  assert.match(await page.title(), /শিশুর ম্যাসাজ ও ছড়া/);
  assert.equal(await page.locator("script#hubsite-reload").count(), 0, "the new page's copy of the script never runs");

  // A mistake: the problems show over the last good page, with the file, line and column.
  save(source.replace('title = "শিশুর ম্যাসাজ"', "title = 5"));
  const box = page.getByRole("alert");
  await box.waitFor();
  assert.match(await box.innerText(), /content\/sessions\/baby-massage\.bn\.md:3:9: error\[wrong-type\]/);
  assert.equal(await title.innerText(), "শিশুর ম্যাসাজ ও ছড়া");

  // The fix: the box goes and the page shows the fixed text, swapped in again.
  saved = performance.now();
  save(source);
  await page.waitForFunction(() => document.querySelector("main h1").textContent === "শিশুর ম্যাসাজ");
  t.diagnostic(`fixed to shown in the tab: ${Math.round(performance.now() - saved)} ms`);
  assert.equal(await box.count(), 0);
  assert.equal(await page.evaluate(() => window.hubsiteTest), "the same page");
  // Each reload ends the old page's event stream, which the browser counts as an aborted request.
  assert.deepEqual(trouble.filter((t) => !/\/__hubsite\/events \(net::ERR_ABORTED\)$/.test(t)), []);
});

test("the search page runs a script of its own, so it is reloaded for a change, and still finds the change", async () => {
  const site = copySite();
  const origin = await serve(site);
  const { page, trouble } = await visit(await browser(), `${origin}/en/search/`);
  await page.evaluate(() => {
    window.hubsiteTest = "the same page";
  });
  const file = join(site, "content/sessions/baby-massage.md");
  const source = readFileSync(file, "utf8");
  const reloaded = page.waitForEvent("load");
  writeFileSync(file, source.replace('title = "Baby massage"', 'title = "Baby massage and songs"'));
  await reloaded;
  assert.equal(await page.evaluate(() => window.hubsiteTest), undefined, "reloaded, not swapped");
  await page.getByRole("searchbox").fill("songs");
  await page.getByRole("searchbox").press("Enter");
  await page.locator("#results li a", { hasText: "Baby massage and songs" }).waitFor();
  assert.deepEqual(trouble.filter((t) => !/\/__hubsite\/events \(net::ERR_ABORTED\)$/.test(t)), []);
});
