// The checks can fail: a page broken on purpose (no language, a picture without words, words too faint to read)
// goes through the same checks as every built page, and each fault is found.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { browser, cleanUp, problems, repo, serve, validate, visit } from "./harness.mjs";

const FIXTURE = join(repo, "tests/browser/fixtures/broken");

after(cleanUp);

test("the accessibility check finds each fault in a broken page", async () => {
  const origin = await serve(FIXTURE);
  const found = await problems(await visit(await browser(), `${origin}/`));
  // The same assertion every built page must pass fails here.
  assert.throws(() => assert.deepEqual(found, []));
  const rules = found.map((p) => p.split(":")[0]).sort();
  assert.deepEqual(rules, ["color-contrast", "html-has-lang", "image-alt"], found.join("\n"));
  assert.match(found.find((p) => p.startsWith("color-contrast")), /\.faint/);
});

test("the HTML check finds the picture without words", () => {
  const found = validate(FIXTURE);
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /^index\.html:14:1: An “img” element must have an “alt” attribute/);
});
