// Every page of the built example site through the Nu HTML Checker: no errors at all.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { cleanUp, exampleSite, validate } from "./harness.mjs";

after(cleanUp);

test("every built page is valid HTML", async () => {
  const { pub } = await exampleSite();
  const pages = readdirSync(pub, { recursive: true }).filter((f) => f.endsWith(".html"));
  assert.ok(pages.length > 600, `the whole site was built: ${pages.length} pages`);
  assert.deepEqual(validate(pub), []);
});
