/**
 * The longest common subsequence of two sequences of distinct ids: the elements that
 * kept their relative order. O(n log n) through the longest increasing subsequence
 * of positions, since ids appear once in each sequence.
 */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): string[] {
    const positionInA = new Map(a.map((id, i) => [id, i]));
    const sequence = b.filter(id => positionInA.has(id));
    const positions = sequence.map(id => positionInA.get(id)!);
    // Patience sorting: tails[k] is the index (in `positions`) ending the best run of length k+1.
    const tails: number[] = [];
    const previous = new Array<number>(positions.length).fill(-1);
    for (let i = 0; i < positions.length; i++) {
        let low = 0;
        let high = tails.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (positions[tails[middle]] < positions[i]) low = middle + 1;
            else high = middle;
        }
        if (low > 0) previous[i] = tails[low - 1];
        tails[low] = i;
    }
    const result: string[] = [];
    for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.push(sequence[i]);
    return result.reverse();
}
