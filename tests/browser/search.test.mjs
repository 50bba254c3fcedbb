// The search page in Chromium at a phone's size, used as a family would: type words, press Enter, read what was
// found, narrow it with a choice, open a result; in English, Bengali and Somali.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { browser, cleanUp, exampleSite, problems, visit } from "./harness.mjs";

let site, phone;

before(async () => {
  site = await exampleSite();
  phone = await browser();
});
after(cleanUp);

/// Types the words into the search box, presses Enter, and waits for the count of what was found.
async function ask(page, words) {
  await page.getByRole("searchbox").fill(words);
  await page.getByRole("searchbox").press("Enter");
  const status = page.locator("#search-status");
  // The count replaces the word that says it is still looking, and the first results show under it.
  await page.waitForFunction(() => {
    const said = document.getElementById("search-status").textContent;
    const form = document.getElementById("search").dataset;
    return said === form.none || (said !== form.wait && document.querySelector("#results li"));
  });
  return status.innerText();
}

/// The results as shown: each one's link, its title, and the lines under it.
async function results(page) {
  return page.$$eval("#results li", (items) =>
    items.map((li) => ({ href: li.querySelector("a").getAttribute("href"), text: li.innerText })),
  );
}

const QUERIES = [
  // [language, what a parent types, the page it must find first, words the result shows]
  ["en", "baby massage", "/en/activities/baby-massage/", /Baby massage\nNorthfield Family Hub\nNext: Tuesday 24 November 2026, 10:00 to 11:00/],
  ["bn", "ম্যাসাজ", "/bn/activities/baby-massage/", /শিশুর ম্যাসাজ\n.*\nপরের বার: মঙ্গলবার, ২৪ নভেম্বর, ২০২৬/],
  ["so", "masaajka", "/so/activities/baby-massage/", /Masaajka ilmaha yar/],
];

for (const [lang, words, first, shows] of QUERIES) {
  test(`searching in ${lang} for ${words} finds ${first} first, and it opens`, async () => {
    const opened = await visit(phone, `${site.origin}/${lang}/search/`);
    const { page } = opened;
    await ask(page, words);
    const found = await results(page);
    assert.ok(found.length > 0);
    assert.equal(found[0].href, first);
    assert.match(found[0].text, shows);
    // The search is in the address, so it can be shared, and opening that address searches again.
    assert.equal(new URL(page.url()).searchParams.get("q"), words);
    // The page with results showing is as accessible as the empty one.
    assert.deepEqual(await problems(opened), []);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#results li").length > 0);
    assert.equal(await page.getByRole("searchbox").inputValue(), words);
    assert.deepEqual(await results(page), found);
    await page.locator("#results li a").first().click();
    await page.waitForURL(site.origin + first);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    await page.close();
  });
}

test("a choice of area narrows what a search found, in every language", async () => {
  for (const [lang, words] of [["en", "baby"], ["bn", "শিশু"], ["so", "ilmaha"]]) {
    const { page } = await visit(phone, `${site.origin}/${lang}/search/`);
    await ask(page, words);
    // Every result, not only the first ten shown.
    const all = async () => {
      while (await page.locator("#results + button:not([hidden])").count()) {
        const before = await page.locator("#results li").count();
        await page.locator("#results + button").click();
        await page.waitForFunction((n) => document.querySelectorAll("#results li").length > n, before);
      }
      return results(page);
    };
    const everywhere = await all();
    await page.locator("#area").selectOption("northfield");
    await ask(page, words);
    const northfield = await all();
    assert.ok(northfield.length > 0, `${lang}: something in Northfield`);
    assert.ok(northfield.length < everywhere.length, `${lang}: ${northfield.length} of ${everywhere.length}`);
    const hrefs = new Set(everywhere.map((r) => r.href));
    assert.ok(northfield.every((r) => hrefs.has(r.href)), `${lang}: the narrower results were all found before`);
    assert.equal(new URL(page.url()).searchParams.get("area"), "northfield");
    await page.close();
  }
});

test("without JavaScript the search page offers its lists instead", async () => {
  const noScript = await browser({ javaScript: false });
  const { page, trouble } = await visit(noScript, `${site.origin}/en/search/`);
  assert.deepEqual(trouble, []);
  assert.equal(await page.getByRole("searchbox").isVisible(), false, "a form that cannot work is not shown");
  await page.getByRole("link", { name: "Northfield" }).click();
  await page.waitForURL(`${site.origin}/en/timetable/area/northfield/`);
  assert.match(await page.locator("main h1").innerText(), /Northfield/);
});
