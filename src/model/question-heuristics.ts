/**
 * Heuristics for survey questions. They read English only: a label in another
 * language is never flagged (an Indonesian "dan" is not an English "and").
 */

const ENGLISH_WORDS = new Set([
    'the', 'you', 'your', 'was', 'were', 'did', 'do', 'does', 'how', 'what', 'when', 'which', 'who', 'why',
    'is', 'are', 'of', 'to', 'with', 'would', 'could', 'should', 'this', 'that', 'have', 'has', 'it', 'our',
    'we', 'any', 'in', 'on', 'at', 'for', 'about', 'be', 'been', 'will', 'can', 'a', 'an', 'and', 'or'
]);

/** True when the text is written in English: Latin letters and English function words. */
export function looksEnglish(text: string): boolean {
    if (/[^\u0000-\u024F\u2018-\u201F\u2026\u2013\u2014]/.test(text)) return false;
    const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
    const english = words.filter(w => ENGLISH_WORDS.has(w)).length;
    return english >= 2 || (words.length <= 3 && english >= 1);
}

/**
 * A question that asks about two things at once: two question marks, or two
 * subjects joined by "and"/"as well as" (not "and" inside a fixed pair such as
 * "terms and conditions", nor the "and" of "between … and …").
 */
export function isDoubleBarreled(question: string): boolean {
    if (!looksEnglish(question)) return false;
    if ((question.match(/\?/g) ?? []).length >= 2) return true;
    // "between ordering and receiving" is one span of time, not two subjects.
    // (Unless a second question follows the "and": "between sizes and how fast …".)
    const text = question.toLowerCase().replace(/\bbetween\b[^?.,;]*?\band\b(?!\s+(how|what|when|where|why|who|which|was|were|did|do|does|is|are|would|will|could|can|should)\b)/g, '').replace(/\b(terms and conditions|pros and cons|black and white|bread and butter|safe and sound|back and forth|up and down|rock and roll|fish and chips|salt and pepper|more and more|again and again)\b/g, '');
    return /\b(and|as well as)\b/.test(text);
}

const LEADING_PATTERNS: readonly RegExp[] = [
    /\b(don'?t|doesn'?t|wouldn'?t|won'?t|isn'?t|aren'?t|wasn'?t|weren'?t|didn'?t|shouldn'?t|can'?t|do not|would not) you (agree|think|feel|believe|find|like|love)\b/i,
    /^\s*(don'?t|doesn'?t|wouldn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|didn'?t)\b/i,
    /\bhow (great|good|wonderful|excellent|amazing|fantastic|awesome|delicious|helpful|friendly|pleasant|nice|easy|quick|fast|enjoyable|impressive|outstanding|superb|brilliant|lovely|perfect|delightful)\b/i,
    /\bhow much did you (enjoy|like|love|appreciate)\b/i,
    /\b(agree|agreed) that\b/i,
    /\b(surely|obviously|of course|clearly|undoubtedly)\b/i,
    /,\s*(isn'?t|wasn'?t|didn'?t|don'?t|aren'?t|weren'?t|won'?t|wouldn'?t|right)\b[^,]*\?\s*$/i
];

/** A question that suggests its answer ("Don't you agree …", "How great was …"). */
export function isLeading(question: string): boolean {
    if (!looksEnglish(question)) return false;
    return LEADING_PATTERNS.some(pattern => pattern.test(question));
}
