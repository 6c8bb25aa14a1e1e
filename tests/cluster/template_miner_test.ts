import { describe, expect, it } from "vitest";
import { TemplateMiner } from "../../src/cluster/mod.ts";

describe("TemplateMiner.add()", () => {
  it("gives lines of the same template the same id", () => {
    const miner = new TemplateMiner();
    const first = miner.add("Received block blk_3587 of size 67108864 from /10.250.10.6");
    const second = miner.add("Received block blk_-1608 of size 91178 from /10.250.19.102");
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    expect(second.clusterId).toBe(first.clusterId);
    expect(second.template).toBe("Received block blk_<*> of size <*> from <*>");
  });

  it("keeps the id when the template generalises a word into <*>", () => {
    const miner = new TemplateMiner();
    const first = miner.add("Invalid user admin from 10.0.0.1");
    const second = miner.add("Invalid user oracle from 10.0.0.2");
    expect(first.template).toBe("Invalid user admin from <*>");
    expect(second.generalised).toBe(true);
    expect(second.clusterId).toBe(first.clusterId);
    expect(second.template).toBe("Invalid user <*> from <*>");
    expect(miner.add("Invalid user bob from 10.0.0.3")).toMatchObject({
      clusterId: first.clusterId,
      generalised: false,
    });
  });

  it("keeps different events apart", () => {
    const miner = new TemplateMiner();
    const lines = [
      "Failed password for root from 10.0.0.1 port 22 ssh2",
      "Accepted password for root from 10.0.0.1 port 22 ssh2",
      "Received disconnect from 10.0.0.1: 11: Bye Bye [preauth]",
      "Received disconnect from 10.0.0.1: 11: disconnected by user",
      "session opened for user root by (uid=0)",
      "session opened for user root by LOGIN(uid=0)",
      "cupsd startup succeeded",
      "cupsd shutdown succeeded",
    ];
    const ids = lines.map((line) => miner.add(line).clusterId);
    expect(new Set(ids).size).toBe(lines.length);
  });

  it("groups numbers with units, timestamps and paths as variables", () => {
    const miner = new TemplateMiner();
    const a = miner.add("request GET /api/users took 2000ms at 2024-01-31T12:00:00Z");
    const b = miner.add("request GET /api/orders/7 took 12.5s at 2024-02-01T08:30:00.5+01:00");
    expect(b.clusterId).toBe(a.clusterId);
    expect(b.template).toBe("request GET <*> took <*> at <*>");
  });

  it("treats an empty value like any other value", () => {
    const miner = new TemplateMiner();
    const a = miner.add("connection from 10.0.0.1 (host.example.com) at Sun Jul 10 03:55:15 2005");
    const b = miner.add("connection from 10.0.0.2 () at Mon Jul 11 01:02:03 2005");
    expect(b.clusterId).toBe(a.clusterId);
  });

  it("does not crash on CJK text and clusters it by its characters", () => {
    const miner = new TemplateMiner();
    const a = miner.add("用户张三登录失败：密码错误");
    const b = miner.add("用户李四登录失败：密码错误");
    const c = miner.add("无法连接到数据库，重试3次");
    const d = miner.add("无法连接到数据库，重试5次");
    const e = miner.add("ファイルが見つかりません: /tmp/a.txt");
    expect(b.clusterId).toBe(a.clusterId);
    expect(b.template).toBe("用户<*> <*>登录失败：密码错误");
    expect(d.clusterId).toBe(c.clusterId);
    expect(new Set([a.clusterId, c.clusterId, e.clusterId]).size).toBe(3);
  });

  it("keeps the punctuation two values share when it generalises", () => {
    const miner = new TemplateMiner();
    miner.add("TypeError: Cannot read properties of undefined (reading 'foo')");
    const { template } = miner.add(
      "TypeError: Cannot read properties of undefined (reading 'bar')",
    );
    expect(template).toBe("TypeError: Cannot read properties of undefined (reading '<*>')");
    expect(miner.add("TypeError: Cannot read properties of undefined (reading 'x')")).toMatchObject(
      { generalised: false, template },
    );
  });

  it("does not let a value swallow extra punctuation", () => {
    const miner = new TemplateMiner();
    const illegal = miner.add("program interrupt: illegal instruction......0").clusterId;
    miner.add("program interrupt: illegal instruction......1");
    const trap = miner.add("program interrupt: trap instruction.........0").clusterId;
    expect(trap).not.toBe(illegal);
  });

  it("accepts empty and whitespace-only lines", () => {
    const miner = new TemplateMiner();
    expect(miner.add("").clusterId).toBe(miner.add("   ").clusterId);
  });
});

describe("TemplateMiner.match()", () => {
  it("finds the cluster without learning from the line", () => {
    const miner = new TemplateMiner();
    const { clusterId } = miner.add("Invalid user admin from 10.0.0.1");
    expect(miner.match("Invalid user admin from 10.9.9.9")).toEqual({
      clusterId,
      template: "Invalid user admin from <*>",
    });
    expect(miner.match("Invalid user oracle from 10.9.9.9")?.clusterId).toBe(clusterId);
    expect(miner.clusters()[0]?.template).toBe("Invalid user admin from <*>");
    expect(miner.match("something else entirely")).toBeUndefined();
    expect(miner.clusterCount).toBe(1);
  });
});

describe("TemplateMiner ids", () => {
  it("do not depend on the arrival order of unrelated clusters", () => {
    const one = new TemplateMiner();
    const two = new TemplateMiner();
    const other = ["disk full on /dev/sda1", "cupsd startup succeeded", "link down eth0"];
    for (const line of other) one.add(line);
    const line = "Invalid user admin from 10.0.0.1";
    const late = one.add(line).clusterId;
    const early = two.add(line).clusterId;
    for (const line of [...other].reverse()) two.add(line);
    expect(late).toBe(early);
    expect(one.add("disk full on /dev/sdb2").clusterId).toBe(
      two.add("disk full on /dev/sdb2").clusterId,
    );
  });

  it("follow explicit merges and keep matching both templates", () => {
    const miner = new TemplateMiner();
    const refused = miner.add("connect ECONNREFUSED 127.0.0.1:8080").clusterId;
    const closed = miner.add("connection refused by peer 127.0.0.1").clusterId;
    expect(miner.merge(closed, refused)).toBe(refused);
    expect(miner.resolve(closed)).toBe(refused);
    expect(miner.add("connection refused by peer 10.0.0.1").clusterId).toBe(refused);
    expect(miner.clusters()).toEqual([
      expect.objectContaining({ id: refused, size: 3 }),
    ]);
    expect(() => miner.merge("c-nope", refused)).toThrow(RangeError);
  });

  it("resolve merge chains to the last target", () => {
    const miner = new TemplateMiner();
    const a = miner.add("disk full on /dev/sda1").clusterId;
    const b = miner.add("no space left on device /dev/sda1").clusterId;
    const c = miner.add("write failed: ENOSPC").clusterId;
    miner.merge(a, b);
    miner.merge(b, c);
    expect([a, b, c].map((id) => miner.resolve(id))).toEqual([c, c, c]);
    expect(miner.toJSON().merges).toEqual({ [a]: c, [b]: c });
    expect(miner.add("disk full on /dev/sdb9").clusterId).toBe(c);
    expect(miner.resolve("c-unknown")).toBeUndefined();
  });
});
