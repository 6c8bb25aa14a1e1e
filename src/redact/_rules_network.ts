import type { _Rule } from "./_engine.ts";

/**
 * Addresses that identify no one and that error text needs to stay readable: loopback
 * (127.0.0.0/8, ::1), "any" (0.0.0.0, ::) and the limited broadcast address. Everything else
 * is redacted, private ranges included: a 10.x or 192.168.x address still maps a user's network,
 * and the clusterer masks IPs anyway, so nothing is lost for grouping.
 */
function _keepIPv4(octets: readonly number[]): boolean {
  const [a, b, c, d] = octets;
  return a === 127 || (a === 0 && b === 0 && c === 0 && d === 0) ||
    (a === 255 && b === 255 && c === 255 && d === 255);
}

/** IPv4 dotted quads (each octet 0-255); a following `:port` is kept. */
const IPV4_RULE: _Rule = {
  name: "ipv4",
  applies: (probe) => probe.text.includes("."),
  // A reverse-DNS name that embeds an address ("5.36.59.76.dynamic-dsl.example.net") is
  // redacted whole: it names the user as much as the address does, and one placeholder for the
  // whole name keeps such lines clustering like those with a bare address.
  pattern:
    /\b(?<!\.)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:\.[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*)*(?![\w]|\.\w)/g,
  redact: (m, text, ctx) => {
    const octets = m[0].split(".").slice(0, 4).map(Number);
    if (octets.some((o) => o > 255) || _keepIPv4(octets)) return undefined;
    // "version 1.2.3.4", "15.0.245.2-rusty": four-part versions look like addresses.
    if (/^-[A-Za-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) {
      return undefined;
    }
    if (
      /(?:version|ver\.?|release)[ \t:=]*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))
    ) {
      return undefined;
    }
    return ctx.mark("IP");
  },
};

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** True for a syntactically valid IPv6 address (without zone), one `::` at most. */
function _isIPv6(address: string): boolean {
  const gap = address.indexOf("::");
  if (gap !== address.lastIndexOf("::")) return false;
  if (gap < 0) {
    const groups = address.split(":");
    return groups.length === 8 && groups.every((g) => HEX_GROUP.test(g));
  }
  const head = address.slice(0, gap);
  const tail = address.slice(gap + 2);
  const groups = [...(head === "" ? [] : head.split(":")), ...(tail === "" ? [] : tail.split(":"))];
  return groups.length <= 7 && groups.every((g) => HEX_GROUP.test(g));
}

/**
 * IPv6 addresses, full or `::`-compressed, with an optional `%zone`. Candidates need a digit
 * (so `dead::beef`-like words and Rust/C++ `a::b` paths stay) and a valid group structure (so
 * clock times `12:30:45` and MAC addresses are not addresses). `::1` and `::` are kept.
 * Each repetition starts with `:`, which no group contains, so the scan is linear.
 */
const IPV6_RULE: _Rule = {
  name: "ipv6",
  applies: (probe) => probe.text.includes(":"),
  // Starts at the first ":" (the group before it is read by a look-behind): colons are rarer
  // than hex digits, and each repetition starts with ":", which no group contains.
  // The look-ahead after the first ":" wants a "::" or seven colons in the run, which turns
  // away clock times (12:30:45) without a call per candidate.
  pattern:
    /(?<=(?<![\w:.])([0-9A-Fa-f]{0,4})):(?=:|[0-9A-Fa-f:]*::|(?:[0-9A-Fa-f]{0,4}:){6})[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){1,6}(?:%[\w.-]+)?(?![\w:])/g,
  redact: (m, _text, ctx) => {
    const lead = m[1] ?? "";
    const address = (lead + m[0]).replace(/%.*$/, "");
    if (!/\d/.test(address) || address === "::1" || !_isIPv6(address)) return undefined;
    return { start: m.index - lead.length, text: ctx.mark("IP") };
  },
};

/** MAC addresses: six hex pairs joined by one separator style, or Cisco `0011.2233.4455`. */
const MAC_RULE: _Rule = {
  name: "mac",
  applies: (probe) => /[:.-]/.test(probe.text),
  // One alternative per separator rather than a back-reference, and a leading \b before the
  // look-behind: both keep V8 on its fast path (a back-reference made this rule 30x slower).
  pattern:
    /\b(?<![:.-])[0-9A-Fa-f]{2}(?:(?::[0-9A-Fa-f]{2}){5}|(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g,
  redact: (m, _text, ctx) => /\d/.test(m[0]) || !m[0].includes(".") ? ctx.mark("MAC") : undefined,
};

/** Network identifiers: MAC, IPv4 and IPv6 addresses. */
export const _NETWORK_RULES: readonly _Rule[] = [MAC_RULE, IPV4_RULE, IPV6_RULE];
