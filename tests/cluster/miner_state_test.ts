import { describe, expect, it } from "vitest";
import { MINER_STATE_VERSION, TemplateMiner } from "../../src/cluster/mod.ts";

/** A small synthetic log: a few events with variables, interleaved deterministically. */
function syntheticLog(count: number): string[] {
  const users = ["admin", "oracle", "test", "guest", "root", "ubuntu", "pi"];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = users[(i * 7) % users.length] as string;
    const ip = `10.${i % 200}.${(i * 13) % 250}.${(i * 31) % 250}`;
    switch (i % 5) {
      case 0:
        lines.push(`Invalid user ${user} from ${ip}`);
        break;
      case 1:
        lines.push(`Failed password for ${user} from ${ip} port ${1024 + i} ssh2`);
        break;
      case 2:
        lines.push(`Received block blk_${i * 7919} of size ${i * 512} from /${ip}`);
        break;
      case 3:
        lines.push(`request to https://api.example.com/v${i % 3}/items took ${i * 3}ms`);
        break;
      default:
        lines.push(`worker ${user} ${i % 2 === 0 ? "started" : "stopped"} after ${i}s`);
    }
  }
  return lines;
}

function roundTrip(miner: TemplateMiner): TemplateMiner {
  return TemplateMiner.fromJSON(JSON.parse(JSON.stringify(miner)));
}

describe("TemplateMiner state", () => {
  it("is a plain JSON object with a version field", () => {
    const miner = new TemplateMiner();
    miner.add("Invalid user admin from 10.0.0.1");
    const state = miner.toJSON();
    expect(state.version).toBe(MINER_STATE_VERSION);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.clusters).toEqual([
      { id: expect.any(String), template: ["Invalid", "user", "admin", "from", "<*>"], size: 1 },
    ]);
  });

  it("gives the same id to the same line after a save and restore", () => {
    const miner = new TemplateMiner();
    const ids = syntheticLog(50).map((line) => miner.add(line).clusterId);
    const restored = roundTrip(miner);
    syntheticLog(50).forEach((line, i) => {
      expect(restored.match(line)?.clusterId).toBe(ids[i]);
    });
  });

  it("continues after a restore exactly as an uninterrupted miner would", () => {
    const lines = syntheticLog(400);
    const straight = new TemplateMiner();
    const expected = lines.map((line) => straight.add(line));
    let interrupted = new TemplateMiner();
    const actual = lines.map((line, i) => {
      if (i % 97 === 0) interrupted = roundTrip(interrupted);
      return interrupted.add(line);
    });
    expect(actual).toEqual(expected);
    expect(interrupted.toJSON()).toEqual(straight.toJSON());
  });

  it("keeps recorded merges across a restore", () => {
    const miner = new TemplateMiner();
    const a = miner.add("connect ECONNREFUSED 127.0.0.1:8080").clusterId;
    const b = miner.add("connection refused by peer 127.0.0.1").clusterId;
    miner.merge(b, a);
    const restored = roundTrip(miner);
    expect(restored.resolve(b)).toBe(a);
    expect(restored.add("connection refused by peer 10.1.1.1").clusterId).toBe(a);
  });

  it("keeps its options", () => {
    const miner = new TemplateMiner({ maxMismatchRatio: 0.4, routeDepth: 1 });
    expect(roundTrip(miner).options).toEqual({ maxMismatchRatio: 0.4, routeDepth: 1 });
  });

  it("rejects another version with a RangeError", () => {
    const state = { ...new TemplateMiner().toJSON(), version: 99 };
    expect(() => TemplateMiner.fromJSON(state)).toThrow(RangeError);
  });

  it("rejects malformed or inconsistent state with a SyntaxError", () => {
    const good = new TemplateMiner().toJSON();
    expect(() => TemplateMiner.fromJSON(null)).toThrow(SyntaxError);
    expect(() => TemplateMiner.fromJSON({ ...good, clusters: [{ id: "x" }] })).toThrow(SyntaxError);
    const twice = { id: "c1", template: ["a"], size: 1 };
    expect(() => TemplateMiner.fromJSON({ ...good, clusters: [twice, twice] })).toThrow(
      SyntaxError,
    );
    expect(() => TemplateMiner.fromJSON({ ...good, merges: { c1: "c2" } })).toThrow(SyntaxError);
  });

  it("rejects out-of-range options with a RangeError", () => {
    expect(() => new TemplateMiner({ maxMismatchRatio: 2 })).toThrow(RangeError);
  });
});
