import assert from "node:assert/strict";
import { signedIn } from "../../support/admin_client.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle } from "../../support/test_whistle.ts";

Deno.test(`the overview counts today's intake and overdue cases (${BACKEND})`, async () => {
  let now = new Date("2026-11-23T02:00:00Z"); // 10:00 in Beijing
  const w = await startTestWhistle({ clock: () => now });
  try {
    for (const id of ["OV-1", "OV-2"]) {
      const res = await w.call("POST", "/api/v1/cases", {
        source: "hotline-12345",
        external_id: id,
        type: "MT-MZJ-005",
        title: "独居老人无人照看",
        description: "邻居反映",
        location: { area_code: "YG-S01-C01" },
        urgency: "normal",
        channel: "hotline",
        reported_at: now.toISOString(),
      });
      assert.equal(res.status, 201);
    }
    const viewer = await signedIn(w, "zhao", "viewer");
    const today = await (await viewer.get("/admin")).text();
    assert.match(today, /id="received-today">2</);
    assert.match(today, /id="overdue">0</);

    now = new Date(now.getTime() + 3 * 24 * 3_600_000); // past the 2-day limit, another day
    assert.equal((await viewer.get("/admin")).status, 303, "the 12-hour session has expired");
    const again = await signedIn(w, "zhao2", "viewer");
    const later = await (await again.get("/admin")).text();
    assert.match(later, /id="received-today">0</);
    assert.match(later, /id="overdue">2</);
    assert.match(later, /v1/);
  } finally {
    await w.close();
  }
});
