/**
 * Luhn (mod 10) check over a string of digits, as used by payment card numbers (ISO/IEC 7812).
 * Doubling every second digit from the right catches any single-digit error.
 */
export function _luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Payment card brands by issuer prefix and the lengths they issue (ISO/IEC 7812 IIN ranges). */
const BRANDS: ReadonlyArray<readonly [RegExp, readonly number[]]> = [
  [/^4/, [13, 16, 19]], // Visa
  [/^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, [16]], // Mastercard
  [/^3[47]/, [15]], // American Express
  [/^(?:6011|65|64[4-9])/, [16, 17, 18, 19]], // Discover
  [/^35(?:2[89]|[3-8]\d)/, [16, 17, 18, 19]], // JCB
  [/^3(?:0[0-5]|[689])/, [14, 15, 16, 17, 18, 19]], // Diners Club
  [/^62/, [16, 17, 18, 19]], // UnionPay
];

/**
 * True when `digits` is a plausible payment card number: a known brand prefix, a length that
 * brand issues, and a valid Luhn check digit. The prefix test keeps millisecond timestamps
 * (which start with 1) and most ids out.
 */
export function _isCardNumber(digits: string): boolean {
  const brand = BRANDS.find(([prefix]) => prefix.test(digits));
  return brand !== undefined && brand[1].includes(digits.length) && _luhnValid(digits);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/**
 * True when an 18-character Chinese resident identity number has a valid ISO 7064 MOD 11-2
 * check character (GB 11643-1999) and a real calendar date of birth.
 */
export function _isChineseResidentId(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  if (ID_CHECK[sum % 11] !== id.charAt(17).toUpperCase()) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
}
