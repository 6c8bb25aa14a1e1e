/**
 * Function words that carry no topic (private to the embedder), per language. They get no
 * feature of their own unless a text has nothing else, so "What did you do?" still embeds.
 *
 * English is NLTK's list (BSD licence) plus the apostrophe-free contractions our tokenizer
 * produces ("i'm" → "im") and chat fillers. Chinese (both scripts) and Japanese lists hold
 * single characters: particles, pronouns, copulas and aspect markers.
 */

const ENGLISH =
  "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself " +
  "she her hers herself it its itself they them their theirs themselves what which who whom " +
  "whose this that these those am is are was were be been being have has had having do does " +
  "did doing a an the and but if or because as until while of at by for with about against " +
  "between into through during before after above below to from up down in out on off over " +
  "under again further then once here there when where why how all any both each few more most " +
  "other some such no nor not only own same so than too very s t can will just don should now " +
  "d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan " +
  "shouldn wasn weren won wouldn would could might must shall may also " +
  // Contractions once the apostrophe is gone ("i'll" → "ill" loses the illness sense; rare).
  "im ive ill id youre youve youll youd hes shes theyre theyve theyll theyd weve well wed " +
  "dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt hadnt couldnt wouldnt " +
  "shouldnt thats whats theres lets yall " +
  // Chat fillers.
  "oh ah hey hi hello wow ok okay yeah yes yep um uh hmm lol haha";

/** Lowercase English stopwords, compared after apostrophes are removed. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(ENGLISH.split(" "));

/**
 * Han characters that are function words in Simplified or Traditional Chinese (and Japanese
 * kanji used the same way): they get no unigram and weigh less inside bigrams.
 */
export const HAN_STOP_CHARACTERS: ReadonlySet<string> = new Set(
  "的了是在和与與及或而也都就还還又很把被让讓给給对對从從向于於以之其这這那个個么麼吗嗎呢吧啊" +
    "呀我你他她它们們您着著过過得地有没沒不为為所等此",
);
