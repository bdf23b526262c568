/**
 * Heuristics for survey questions. They read English only: a label in another
 * language is never flagged (an Indonesian "dan" is not an English "and").
 *
 * Each heuristic is a short list of what survey methodology names, not a guess:
 * - double-barreled: two subjects joined by "and", except fixed pairs (binomials
 *   such as "friends and family", "dignity and respect") that name one thing;
 * - leading: a question that presumes its answer, through a negative question
 *   ("Wasn't the staff friendly?"), a loaded adjective on what is being rated
 *   ("our excellent staff"), a tag question, or words such as "surely".
 */

/** Common English function words: two of them (or one in a very short text) make a label English. */
const ENGLISH_WORDS = new Set([
    'the', 'you', 'your', 'was', 'were', 'did', 'do', 'does', 'how', 'what', 'when', 'which', 'who', 'why',
    'is', 'are', 'of', 'to', 'with', 'would', 'could', 'should', 'this', 'that', 'have', 'has', 'it', 'our',
    'we', 'any', 'in', 'on', 'at', 'for', 'about', 'be', 'been', 'will', 'can', 'a', 'an', 'and', 'or',
    'not', 'us', 'my', 'they', 'their', 'there', 'very', 'please', 'had',
    // Negative auxiliaries, with or without the apostrophe: "Wasn't the staff friendly?"
    // has only one other function word.
    ...['is', 'are', 'was', 'were', 'do', 'does', 'did', 'have', 'has', 'had', 'wo', 'would', 'ca', 'could', 'should']
        .flatMap(verb => [`${verb}n't`, `${verb}nt`])
]);

/** Curly apostrophes and quotes read as straight ones, so "Wasn’t" is "Wasn't". */
function straighten(text: string): string {
    return text.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F]/g, '"');
}

/** True when the text is written in English: Latin letters and English function words. */
export function looksEnglish(text: string): boolean {
    if (/[^\u0000-\u024F\u2018-\u201F\u2026\u2013\u2014]/.test(text)) return false;
    const words = straighten(text).toLowerCase().match(/[a-z']+/g) ?? [];
    const english = words.filter(w => ENGLISH_WORDS.has(w)).length;
    return english >= 2 || (words.length <= 3 && english >= 1);
}

/**
 * Pairs joined by "and" that name one thing (binomials), in either order where
 * people write both: asking about them asks one question.
 */
const FIXED_PAIRS: readonly string[] = [
    'terms and conditions', 'pros and cons', 'black and white', 'bread and butter', 'safe and sound',
    'back and forth', 'up and down', 'rock and roll', 'fish and chips', 'salt and pepper', 'more and more',
    'again and again', 'friends and family', 'family and friends', 'dignity and respect', 'respect and dignity',
    'health and safety', 'peace and quiet', 'rules and regulations', 'wear and tear', 'law and order',
    'trial and error', 'odds and ends', 'bits and pieces', 'ins and outs', 'nuts and bolts', 'give and take',
    'by and large', 'first and foremost', 'each and every', 'above and beyond', 'over and above', 'now and then',
    'time and again', 'loud and clear', 'ladies and gentlemen', 'bed and breakfast', 'and a half'
];
const FIXED_PAIR = new RegExp(`\\b(${FIXED_PAIRS.join('|')})\\b`, 'g');

/** Words that start a question; after "between … and" one means a second question follows. */
const QUESTION_WORDS = 'how|what|when|where|why|who|which|was|were|did|do|does|is|are|would|will|could|can|should';

/**
 * A question that asks about two things at once: two question marks, or two
 * subjects joined by "and"/"as well as" (not "and" inside a fixed pair such as
 * "friends and family", nor the "and" of "between … and …").
 */
export function isDoubleBarreled(question: string): boolean {
    if (!looksEnglish(question)) return false;
    if ((question.match(/\?/g) ?? []).length >= 2) return true;
    // "between ordering and receiving" is one span of time, not two subjects.
    // (Unless a second question follows the "and": "between sizes and how fast …".)
    const between = new RegExp(`\\bbetween\\b[^?.,;]*?\\band\\b(?!\\s+(${QUESTION_WORDS})\\b)`, 'g');
    const text = straighten(question).toLowerCase().replace(between, '').replace(FIXED_PAIR, '');
    return /\b(and|as well as)\b/.test(text);
}

/**
 * Adjectives that praise what the question asks the customer to judge. Put before
 * the subject ("our excellent staff"), they state the answer; asked about ("Was
 * the staff excellent?"), they do not.
 */
const LOADED_ADJECTIVES: readonly string[] = [
    'excellent', 'wonderful', 'amazing', 'fantastic', 'great', 'outstanding', 'superb', 'exceptional',
    'brilliant', 'delicious', 'lovely', 'delightful', 'perfect', 'awesome', 'impressive', 'friendly', 'helpful',
    'caring', 'dedicated', 'knowledgeable', 'beautiful', 'famous', 'renowned', 'world-class', 'award-winning',
    'first-class', 'top-quality', 'high-quality', 'state-of-the-art', 'unbeatable', 'generous', 'attentive'
];
const NEGATIVE_AUXILIARIES = "(isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|won'?t|wouldn'?t|can'?t|couldn'?t|shouldn'?t)";

const LEADING_PATTERNS: readonly RegExp[] = [
    // "Don't you agree …", "Wouldn't you say …"
    /\b(don'?t|doesn'?t|wouldn'?t|won'?t|isn'?t|aren'?t|wasn'?t|weren'?t|didn'?t|shouldn'?t|can'?t|do not|would not) you (agree|think|feel|believe|find|like|love|say)\b/i,
    // A negative question: "Wasn't the staff friendly?", "Didn't the food arrive hot?"
    new RegExp(`^\\s*${NEGATIVE_AUXILIARIES}\\s`, 'i'),
    // Its formal form: "Was the staff not friendly?", "Did you not find …" (not "Is there anything you did not like?").
    /^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should) (it|you|they|he|she|we|(the|your|our) [a-z-]+) not\b/i,
    // A loaded adjective on what is rated: "our excellent staff", "the delicious food".
    new RegExp(`\\b(our|the|your|this|these|its|their) (${LOADED_ADJECTIVES.join('|')}) [a-z]`, 'i'),
    /\bhow (great|good|wonderful|excellent|amazing|fantastic|awesome|delicious|helpful|friendly|pleasant|nice|easy|quick|fast|enjoyable|impressive|outstanding|superb|brilliant|lovely|perfect|delightful)\b/i,
    /\bhow much did you (enjoy|like|love|appreciate)\b/i,
    /\b(agree|agreed) that\b/i,
    /\b(surely|obviously|of course|clearly|undoubtedly)\b/i,
    // A tag question: "…, wasn't it?"
    /,\s*(isn'?t|wasn'?t|didn'?t|don'?t|aren'?t|weren'?t|won'?t|wouldn'?t|right)\b[^,]*\?\s*$/i
];

/** A question that suggests its answer ("Don't you agree …", "How great was …", "our excellent staff"). */
export function isLeading(question: string): boolean {
    if (!looksEnglish(question)) return false;
    const text = straighten(question);
    return LEADING_PATTERNS.some(pattern => pattern.test(text));
}
