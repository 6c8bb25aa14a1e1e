import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendEvent,
  AuditIntegrityError,
  builtinGenes,
  gepPaths,
  lastEventAssetId,
  loadGenes,
  makeCapsule,
  makeEvent,
  makeGene,
  readCapsules,
  readEvents,
  saveCapsule,
} from "../../src/gep/mod.ts";
import { StoreCorruptError } from "../../src/store/mod.ts";
import {
  capsuleFields,
  eventFields,
  geneFields,
  tempHome,
  writeChain,
  writeGepJson,
} from "./_fixtures.ts";

describe("loadGenes()", () => {
  it("returns the built-in library when the home has no genes.json", async () => {
    const genes = await loadGenes(tempHome());
    expect(genes.map((g) => g.id)).toEqual(builtinGenes().map((g) => g.id));
  });

  it("lets a home gene override the built-in one with the same id, in place", async () => {
    const home = tempHome();
    const builtin = builtinGenes();
    const target = builtin[3];
    if (!target) throw new Error("library too small");
    const { type: _t, schema_version: _s, asset_id: _a, ...fields } = target;
    const override = makeGene({ ...fields, title: "Our team's way", strategy: ["Ask Kim first."] });
    const extra = makeGene(geneFields({ id: "gene_home_only" }));
    writeGepJson(home, "genes.json", { version: 1, genes: [extra, override] });

    const genes = await loadGenes(home);
    expect(genes).toHaveLength(builtin.length + 1);
    expect(genes[3]).toEqual(override);
    expect(genes.at(-1)).toEqual(extra);
  });

  it("refuses a home gene whose content no longer matches its asset_id", async () => {
    const home = tempHome();
    const gene = makeGene(geneFields());
    writeGepJson(home, "genes.json", { version: 1, genes: [{ ...gene, title: "edited" }] });
    const error = await loadGenes(home).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditIntegrityError);
    expect((error as AuditIntegrityError).code).toBe("AUDIT_INTEGRITY");
    expect((error as Error).message).toMatch(/genes\[0\] \(gene_test_verify_path\): asset_id/);
  });

  it("refuses the same id twice in the home file", async () => {
    const home = tempHome();
    const gene = makeGene(geneFields());
    writeGepJson(home, "genes.json", { version: 1, genes: [gene, gene] });
    await expect(loadGenes(home)).rejects.toThrow(/duplicate id gene_test_verify_path/);
  });

  it("quarantines a home genes.json that is not a gene library, as the store does", async () => {
    const home = tempHome();
    writeGepJson(home, "genes.json", { version: 1, genes: [{ id: "half a gene" }] });
    await expect(loadGenes(home)).rejects.toBeInstanceOf(StoreCorruptError);
    const names = readdirSync(join(home, "assets/gep"));
    expect(names.some((n) => n.startsWith("genes.json.corrupt-"))).toBe(true);
  });
});

describe("capsules", () => {
  it("reads none from a fresh home, then what was saved, replacing by id", async () => {
    const home = tempHome();
    expect(await readCapsules(home)).toEqual([]);
    const first = makeCapsule(capsuleFields());
    await saveCapsule(home, first);
    const grown = makeCapsule(capsuleFields({ success_streak: 4 }));
    await saveCapsule(home, grown);
    await saveCapsule(home, makeCapsule(capsuleFields({ id: "cap_000002" })));
    const capsules = await readCapsules(home);
    expect(capsules.map((c) => [c.id, c.success_streak])).toEqual([
      ["cap_000001", 4],
      ["cap_000002", 3],
    ]);
  });

  it("refuses to save a capsule whose id does not verify", async () => {
    const capsule = { ...makeCapsule(capsuleFields()), summary: "changed" };
    await expect(saveCapsule(tempHome(), capsule)).rejects.toThrow(TypeError);
  });
});

describe("events", () => {
  it("appends a chain and reads it back with line numbers", async () => {
    const home = tempHome();
    expect(await lastEventAssetId(home)).toBeNull();
    const events = await writeChain(home, 3);
    const read = await readEvents(home);
    expect(read.events.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(read.events.map((e) => e.event)).toEqual(events);
    expect(read.problems).toEqual([]);
    expect(await lastEventAssetId(home)).toBe(events[2]?.asset_id);
  });

  it("refuses an event whose parent is not the last event", async () => {
    const home = tempHome();
    await writeChain(home, 2);
    const orphan = makeEvent(eventFields(3, null));
    await expect(appendEvent(home, orphan)).rejects.toBeInstanceOf(AuditIntegrityError);
  });

  it("refuses an event whose asset_id does not verify", async () => {
    const event = { ...makeEvent(eventFields(1, null)), cycle: 99 };
    await expect(appendEvent(tempHome(), event)).rejects.toThrow(TypeError);
    expect(existsSync(gepPaths(tempHome()).events)).toBe(false);
  });

  it("reports bad lines and a torn tail instead of failing", async () => {
    const home = tempHome();
    await writeChain(home, 2);
    const path = gepPaths(home).events;
    writeFileSync(path, `${Deno.readTextFileSync(path)}not json\n{"type":"Evo`);
    const read = await readEvents(home);
    expect(read.events).toHaveLength(2);
    expect(read.problems.map((p) => p.line)).toEqual([3]);
    expect(read.tornTail?.line).toBe(4);
  });
});
