import assert from "node:assert/strict";
import { toXml } from "../../src/open311/to_xml.ts";
import { parsePrometheus, sampleValue } from "./parse_prometheus.ts";
import { parseXml, textOf } from "./parse_xml.ts";

Deno.test("parseXml() reads what toXml() writes, escapes and all", () => {
  const nasty = `a < b && c > "d" 'e' \u0001 ]]> 𠀋`;
  const root = parseXml(
    toXml("errors", [{ code: 400, description: nasty }, { code: 1, description: null }]),
  );
  assert.equal(root.name, "errors");
  assert.equal(root.children.length, 2);
  assert.equal(textOf(root.children[0], "description"), nasty.replace("\u0001", "\uFFFD"));
  assert.equal(textOf(root.children[1], "description"), "");
});

Deno.test("parseXml() refuses malformed XML", () => {
  for (
    const bad of [
      "<a/>",
      '<?xml version="1.0"?><a><b></a></b>',
      '<?xml version="1.0"?><a>x & y</a>',
      '<?xml version="1.0"?><a>x &nbsp; y</a>',
      '<?xml version="1.0"?><a>1 < 2</a>',
      '<?xml version="1.0"?><a></a><b/>',
      '<?xml version="1.0"?><a>',
      '<?xml version="1.0"?><a>\u0001</a>',
    ]
  ) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
});

Deno.test("parsePrometheus() reads families and refuses malformed exposition", () => {
  const good = [
    "# HELP x_total Things",
    "# TYPE x_total counter",
    'x_total{a="q\\"uote",b="new\\nline"} 3',
    "# TYPE h histogram",
    'h_bucket{le="1"} 1',
    'h_bucket{le="+Inf"} 2',
    "h_sum 3.5",
    "h_count 2",
    "",
  ].join("\n");
  const families = parsePrometheus(good);
  assert.equal(sampleValue(families, "x_total", { a: 'q"uote', b: "new\nline" }), 3);
  assert.equal(sampleValue(families, "h_count"), 2);
  for (
    const bad of [
      "x 1\n",
      "# TYPE x counter\nx{a=1} 1\n",
      "# TYPE x counter\nx one\n",
      "# TYPE x counter\nx 1\nx 2\n",
      "# TYPE x counter\n# TYPE x gauge\n",
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n',
      '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 3\n',
      "# TYPE x counter\nx 1",
    ]
  ) {
    assert.throws(() => parsePrometheus(bad), Error, JSON.stringify(bad));
  }
});
