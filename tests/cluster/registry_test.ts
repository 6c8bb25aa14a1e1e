import { describe, expect, it } from "vitest";
import { ClusterRegistry, ClusterRegistryFile, trendOf } from "../../src/cluster/mod.ts";
import type { ClusterMeta } from "../../src/cluster/mod.ts";

const t = (iso: string) => new Date(iso);
const fresh = () => ClusterRegistry.fromDocument(ClusterRegistryFile.empty());
const seen = (text: string, time = "2026-11-20T10:00:00Z", source = "log:a") => ({
  text,
  time: t(time),
  source,
  signalType: "missing_resource",
});

describe("ClusterRegistry", () => {
  it("groups occurrences of one error and keeps counts, first/last seen and examples", () => {
    const registry = fresh();
    const a = registry.observe(seen("ENOENT: open '/srv/a.yaml'", "2026-11-20T10:00:00Z"));
    const b = registry.observe(seen("ENOENT: open '/srv/b.yaml'", "2026-11-19T10:00:00Z", "log:b"));
    expect(a.isNew).toBe(true);
    expect(b).toMatchObject({ clusterId: a.clusterId, isNew: false });
    const view = registry.get(a.clusterId, t("2026-11-20T12:00:00Z"));
    expect(view).toMatchObject({
      count: 2,
      firstSeen: "2026-11-19T10:00:00.000Z",
      lastSeen: "2026-11-20T10:00:00.000Z",
      representative: "ENOENT: open '/srv/a.yaml'",
      sources: ["log:a", "log:b"],
      signalTypes: { missing_resource: 2 },
      daily: { "2026-11-20": 1, "2026-11-19": 1 },
    });
    expect(view?.examples).toHaveLength(2);
  });

  it("keeps ids and assignments across a save and restore", () => {
    const registry = fresh();
    const first = registry.observe(seen("Connection refused to db-1:5432"));
    const restored = ClusterRegistry.fromDocument(
      JSON.parse(JSON.stringify(registry.toDocument())),
    );
    expect(restored.observe(seen("Connection refused to db-2:5432")).clusterId)
      .toBe(first.clusterId);
    expect(restored.get(first.clusterId, t("2026-11-21T00:00:00Z"))?.count).toBe(2);
  });

  it("merges two clusters, combining what is known, and records why", () => {
    const registry = fresh();
    const a = registry.observe(seen("tool read failed: ENOENT"));
    const b = registry.observe(seen("could not open settings file because it does not exist"));
    const into = registry.merge(
      b.clusterId,
      a.clusterId,
      "same meaning",
      t("2026-11-21T00:00:00Z"),
    );
    expect(into).toBe(a.clusterId);
    expect(registry.size).toBe(1);
    expect(registry.resolve(b.clusterId)).toBe(a.clusterId);
    expect(registry.get(b.clusterId, t("2026-11-21T00:00:00Z"))?.count).toBe(2);
    expect(registry.merges()).toEqual([{
      from: b.clusterId,
      into: a.clusterId,
      at: "2026-11-21T00:00:00.000Z",
      reason: "same meaning",
    }]);
  });

  it("lists the most frequent clusters first", () => {
    const registry = fresh();
    registry.observe(seen("disk full on /dev/sda1"));
    for (let i = 0; i < 3; i++) registry.observe(seen(`timeout after ${i}000ms`));
    expect(registry.list(t("2026-11-21T00:00:00Z")).map((c) => c.count)).toEqual([3, 1]);
  });
});

describe("trendOf()", () => {
  const meta = (
    daily: Record<string, number>,
    firstSeen = "2026-10-01T00:00:00Z",
  ): ClusterMeta => ({
    id: "c",
    representative: "x",
    examples: [],
    count: 1,
    firstSeen,
    lastSeen: firstSeen,
    signalTypes: {},
    sources: [],
    daily,
  });
  const today = t("2026-11-21T12:00:00Z");

  it("says new, quiet, rising, falling or steady", () => {
    expect(trendOf(meta({}, "2026-11-19T00:00:00Z"), today)).toBe("new");
    expect(trendOf(meta({ "2026-11-01": 4 }), today)).toBe("quiet");
    expect(trendOf(meta({ "2026-11-20": 6, "2026-11-12": 2 }), today)).toBe("rising");
    expect(trendOf(meta({ "2026-11-20": 1, "2026-11-12": 4 }), today)).toBe("falling");
    expect(trendOf(meta({ "2026-11-20": 3, "2026-11-12": 3 }), today)).toBe("steady");
  });
});
