import assert from "node:assert/strict";
import { child, parseXml, textOf } from "../../support/parse_xml.ts";
import { ATTRIBUTES, get, open311Test, WITH_ATTRIBUTES } from "./open311_fixture.ts";

open311Test("discovery names the GeoReport v2 endpoint in JSON and XML", async (w) => {
  const json = await get(w, "discovery.json");
  assert.equal(json.status, 200);
  const doc = await json.json();
  assert.equal(doc.endpoints[0].specification, "http://wiki.open311.org/GeoReport_v2");
  assert.equal(doc.endpoints[0].url, "http://localhost/open311/v2");
  assert.deepEqual(doc.endpoints[0].formats, ["text/xml", "application/json"]);
  assert.match(doc.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

  const xml = await get(w, "discovery.xml");
  assert.equal(xml.status, 200);
  assert.match(xml.headers.get("content-type") ?? "", /^text\/xml/);
  const root = parseXml(await xml.text());
  assert.equal(root.name, "discovery");
  const endpoint = child(child(root, "endpoints"), "endpoint");
  assert.equal(textOf(endpoint, "type"), "production");
  assert.deepEqual(child(endpoint, "formats").children.map((f) => f.text), [
    "text/xml",
    "application/json",
  ]);
});

open311Test("services lists every matter type, in Chinese by default, in XML too", async (w) => {
  const matterTypes = w.ruleset.current.document.matter_types;
  const res = await get(w, "services.json");
  assert.equal(res.status, 200);
  const services = await res.json();
  assert.equal(services.length, matterTypes.length);
  const care = services.find((s: { service_code: string }) => s.service_code === WITH_ATTRIBUTES);
  assert.deepEqual(Object.keys(care), [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
  ]);
  assert.equal(care.service_name, "独居老人关爱探视");
  assert.equal(care.metadata, true);
  assert.equal(care.type, "realtime");
  assert.equal(care.group, "公共服务");
  assert.match(care.description, /云冈区民政局/);
  const other = services.find((s: { service_code: string }) => s.service_code !== WITH_ATTRIBUTES);
  assert.equal(other.metadata, false);

  const xml = parseXml(await (await get(w, "services.xml")).text());
  assert.equal(xml.name, "services");
  assert.equal(xml.children.length, matterTypes.length);
  assert.ok(xml.children.every((s) => s.name === "service"));
  const xmlCare = xml.children.find((s) => textOf(s, "service_code") === WITH_ATTRIBUTES)!;
  for (const key of Object.keys(care)) assert.equal(textOf(xmlCare, key), String(care[key]));
});

open311Test("services speak English when asked by locale or Accept-Language", async (w) => {
  const byParam = await (await get(w, "services.json?locale=en_US")).json();
  const byHeader = await (await get(w, "services.json", { "accept-language": "en-GB,zh;q=0.5" }))
    .json();
  for (const services of [byParam, byHeader]) {
    const care = services.find((s: { service_code: string }) => s.service_code === WITH_ATTRIBUTES);
    assert.equal(care.service_name, "Care visits to elderly people living alone");
    assert.equal(care.group, "Public services");
  }
  const zh = await (await get(w, "services.json?locale=zh-CN", { "accept-language": "en" })).json();
  assert.equal(zh[0].service_name, w.ruleset.current.document.matter_types[0].name_zh);
});

open311Test("services/{code} is the definition with its attributes, sorted by order", async (w) => {
  const res = await get(w, `services/${WITH_ATTRIBUTES}.json?jurisdiction_id=yg`);
  assert.equal(res.status, 200);
  const definition = await res.json();
  assert.equal(definition.service_code, WITH_ATTRIBUTES);
  assert.deepEqual(definition.attributes.map((a: { code: string }) => a.code), [
    "living",
    "age",
    "needs",
    "last_seen",
    "privacy",
  ]);
  const needs = definition.attributes[2];
  assert.deepEqual(needs, { ...ATTRIBUTES[1], values: ATTRIBUTES[1].values });

  const xml = parseXml(await (await get(w, `services/${WITH_ATTRIBUTES}.xml`)).text());
  assert.equal(xml.name, "service_definition");
  assert.equal(textOf(xml, "service_code"), WITH_ATTRIBUTES);
  const attributes = child(xml, "attributes").children;
  assert.equal(attributes.length, 5);
  assert.ok(attributes.every((a) => a.name === "attribute"));
  const xmlNeeds = attributes[2];
  assert.equal(textOf(xmlNeeds, "variable"), "true");
  assert.equal(textOf(xmlNeeds, "datatype"), "multivaluelist");
  assert.equal(textOf(xmlNeeds, "required"), "false");
  assert.equal(textOf(xmlNeeds, "order"), "3");
  const values = child(xmlNeeds, "values").children;
  assert.deepEqual(
    values.map((v) => [v.name, textOf(v, "key"), textOf(v, "name")]),
    [["value", "meal", "送餐"], ["value", "medical", "就医"], ["value", "visit", "探访 & <陪伴>"]],
  );

  const plain = await (await get(w, "services/MT-ZFW-001.json")).json();
  assert.deepEqual(plain, { service_code: "MT-ZFW-001", attributes: [] });
});

open311Test("an unknown service_code, method or format is a 404 error list", async (w) => {
  const json = await get(w, "services/MT-NOPE-1.json");
  assert.equal(json.status, 404);
  const errors = await json.json();
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 404);
  assert.match(errors[0].description, /service_code MT-NOPE-1 was not found/);

  const xml = await get(w, "services/MT-NOPE-1.xml");
  assert.equal(xml.status, 404);
  const root = parseXml(await xml.text());
  assert.equal(root.name, "errors");
  const error = child(root, "error");
  assert.equal(textOf(error, "code"), "404");
  assert.match(textOf(error, "description"), /MT-NOPE-1/);

  for (const path of ["services.html", "nothing.json", "requests/abc"]) {
    const res = await get(w, path);
    assert.equal(res.status, 404, path);
    assert.equal((await res.json())[0].code, 404);
  }
  const del = await w.app.request("/open311/v2/requests.xml", { method: "DELETE" });
  assert.equal(del.status, 404);
  assert.equal(parseXml(await del.text()).name, "errors");
});
