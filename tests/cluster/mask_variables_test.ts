import { describe, expect, it } from "vitest";
import { maskVariables } from "../../src/cluster/mod.ts";

describe("maskVariables()", () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["plain integers", "retry 3 of 10", "retry <*> of <*>"],
    ["signed and decimal numbers", "delta -42 ratio 0.75", "delta <*> ratio <*>"],
    [
      "numbers with units",
      "took 2000ms, timeout 12.5s, sent 4kB, 99%",
      "took <*>, timeout <*>, sent <*>, <*>",
    ],
    ["UUIDs", "job 550e8400-e29b-41d4-a716-446655440000 done", "job <*> done"],
    ["ISO timestamps", "at 2024-01-31T12:00:00.123Z ok", "at <*> ok"],
    ["ISO timestamps with offsets", "at 2024-01-31 12:00:00+02:00 ok", "at <*> ok"],
    ["syslog dates", "connection at Sun Jul 10 03:55:15 2005 closed", "connection at <*> closed"],
    ["clock times", "started 18:01:47,978", "started <*>"],
    ["hex numbers", "address 0x00004ed8 bad", "address <*> bad"],
    ["long hex ids", "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 pushed", "commit <*> pushed"],
    ["host names", "lookup ns.example.com failed", "lookup <*> failed"],
    ["country-code host names", "from aml-sfh.adsl.wanadoo.nl", "from <*>"],
    ["ids glued with underscores", "Received block blk_3587 of", "Received block blk_<*> of"],
    ["ids glued with dashes", "tenant org-1f2e3d denied", "tenant org-<*> denied"],
    ["ids glued with dots", "generating core.4505", "generating core.<*>"],
    ["Unix paths", "open /etc/httpd/conf/workers2.properties failed", "open <*> failed"],
    ["relative paths", "cannot read ./config/app.json", "cannot read <*>"],
    ["Windows paths", "cannot open C:\\Users\\me\\a.txt", "cannot open <*>"],
    ["IPv4 addresses with ports", "from 10.250.10.6:50010 to 10.0.0.1", "from <*> to <*>"],
    ["IPv6 addresses", "peer fe80::1ff:fe23:4567:890a gone", "peer <*> gone"],
    ["ports after a colon", "listening on localhost:8420", "listening on localhost:<*>"],
    ["URLs", "GET https://api.example.com/v1/x?y=1 failed", "GET <*> failed"],
    ["e-mail addresses", "mail to ops@example.org bounced", "mail to <*> bounced"],
    ["MAC addresses", "nic 00:1a:2b:3c:4d:5e up", "nic <*> up"],
    [
      "values glued to keys",
      "uid=0 euid=0 onExtend:1514038530000",
      "uid=<*> euid=<*> onExtend:<*>",
    ],
    ["empty values", "ruser= rhost=host1 ()", "ruser=<*> rhost=host1 (<*>)"],
  ];
  for (const [kind, line, expected] of cases) {
    it(`masks ${kind}`, () => {
      expect(maskVariables(line)).toBe(expected);
    });
  }

  it("keeps constant words, including words with digits and dotted identifiers", () => {
    const line = "onReceive action: android.intent.action.SCREEN_ON via ssh2 workerEnv.init() ok";
    expect(maskVariables(line)).toBe(line);
  });

  it("masks numbers inside CJK text", () => {
    expect(maskVariables("连接超时，重试3次")).toBe("连接超时，重试<*>次");
  });
});
