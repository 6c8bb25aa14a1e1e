/**
 * A light English stemmer (private to the embedder): folds plurals, -ing, -ed, -ly, a final -e
 * and about a hundred irregular forms, so "painted", "painting" and "paints" share one feature.
 * Lighter than Porter on purpose: it only needs to be consistent, and character prefixes catch
 * what it misses. Words that are not plain a–z are returned unchanged.
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    "went:go gone:go goes:go did:do done:do does:do made:make got:get gotten:get took:take " +
    "taken:take saw:see seen:see came:come gave:give given:give found:find bought:buy " +
    "thought:think told:tell said:say says:say felt:feel left:leave kept:keep met:meet ran:run " +
    "won:win wrote:write written:write began:begin begun:begin brought:bring taught:teach " +
    "caught:catch sold:sell built:build sent:send spent:spend lost:lose held:hold stood:stand " +
    "understood:understand knew:know known:know grew:grow grown:grow drew:draw drawn:draw " +
    "flew:fly flown:fly drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall " +
    "chose:choose chosen:choose spoke:speak spoken:speak broke:break broken:break forgot:forget " +
    "forgotten:forget heard:hear paid:pay led:lead sat:sit slept:sleep swam:swim sang:sing " +
    "sung:sing rode:ride ridden:ride wore:wear worn:wear threw:throw thrown:throw hid:hide " +
    "hidden:hide fed:feed fought:fight shot:shoot struck:strike rose:rise risen:rise " +
    "shook:shake shaken:shake froze:freeze frozen:freeze stole:steal stolen:steal woke:wake " +
    "woken:wake dealt:deal meant:mean lent:lend bent:bend dug:dig hung:hang lit:light " +
    "children:child men:man women:woman feet:foot teeth:tooth mice:mouse geese:goose"
  ).split(" ").map((pair) => pair.split(":") as [string, string]),
);

// Character tests by code unit: this runs once per word, on the embedder's hot path.
const A = 97, Z = 122;

function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < A || c > Z) return false;
  }
  return word.length > 0;
}

function isVowel(code: number): boolean {
  // a e i o u y
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 ||
    code === 121;
}

/** Whether word[0, end) has a vowel: "sing" minus "ing" leaves "s", which is no stem. */
function hasVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(word.charCodeAt(i))) return true;
  return false;
}

/** Drops one of a doubled final consonant ("runn" → "run"), but keeps -ll, -ss, -zz. */
function undouble(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (n > 1 && last === word.charCodeAt(n - 2) && !isVowel(last) && !"lsz".includes(word[n - 1]!)) {
    return word.slice(0, -1);
  }
  return word;
}

function stripPlural(word: string): string {
  if (word.length <= 3 || !word.endsWith("s")) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
    return word.slice(0, -2);
  }
  if (word.endsWith("zes")) return word.slice(0, -2);
  return word.slice(0, -1);
}

function stripSuffix(word: string): string {
  const n = word.length;
  if (n > 5 && word.endsWith("ing") && hasVowel(word, n - 3)) {
    return undouble(word.slice(0, -3));
  }
  if (n > 4 && word.endsWith("ied")) return word.slice(0, -3) + "y";
  if (n > 4 && word.endsWith("ed") && hasVowel(word, n - 2)) return undouble(word.slice(0, -2));
  if (n > 6 && word.endsWith("ly")) return word.slice(0, -2);
  return word;
}

/**
 * Stem of a lowercase English word: irregular form → base, then plural, then -ing/-ed/-ly,
 * then a final "e" (so "make" and "making" both become "mak").
 */
export function stemEnglish(word: string): string {
  if (!isPlainWord(word)) return word;
  const base = IRREGULAR.get(word) ?? word;
  let stem = stripSuffix(stripPlural(base));
  if (stem.length > 3 && stem.endsWith("e")) stem = stem.slice(0, -1);
  return stem;
}
