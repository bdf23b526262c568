/**
 * One comment per pull request, kept up to date: the comment that carries the marker
 * (a hidden HTML comment at the start of its body) is edited in place on each push;
 * only when there is none is a new one posted. GitHub's REST API, through `fetch`, at
 * `GITHUB_API_URL` (GitHub Enterprise has its own; a test serves a fake on loopback).
 */

export const MARKER = '<!-- service-cycles-review -->';

export interface CommentTarget {
    apiUrl: string;
    /** owner/name */
    repository: string;
    pullRequest: number;
    token: string;
}

export interface PostedComment {
    id: number;
    url: string;
    /** Whether an existing comment was edited (true) or a new one posted (false). */
    updated: boolean;
}

interface IssueComment {
    id: number;
    body?: string;
    html_url?: string;
}

type Fetch = typeof fetch;

function headers(token: string): Record<string, string> {
    return {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'user-agent': 'service-cycles-action',
        'x-github-api-version': '2022-11-28'
    };
}

async function call<T>(doFetch: Fetch, method: string, url: string, token: string, body?: unknown): Promise<T> {
    const response = await doFetch(url, { method, headers: headers(token), body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw new Error(`${method} ${url}: ${response.status} ${response.statusText}${text ? `: ${text.substring(0, 200)}` : ''}`);
    }
    return await response.json() as T;
}

/** The first of the pull request's comments that starts with the marker, reading every page. */
async function findSticky(doFetch: Fetch, target: CommentTarget): Promise<IssueComment | undefined> {
    const perPage = 100;
    for (let page = 1; page <= 50; page++) {
        const url = `${target.apiUrl}/repos/${target.repository}/issues/${target.pullRequest}/comments?per_page=${perPage}&page=${page}`;
        const comments = await call<IssueComment[]>(doFetch, 'GET', url, target.token);
        const found = comments.find(c => (c.body ?? '').trimStart().startsWith(MARKER));
        if (found) return found;
        if (comments.length < perPage) return undefined;
    }
    return undefined;
}

/**
 * Edits the sticky comment, or posts it. A marked comment that cannot be edited (one a
 * person wrote by copying the marker, say) is left alone and a new one posted.
 */
export async function upsertStickyComment(target: CommentTarget, body: string, doFetch: Fetch = fetch): Promise<PostedComment> {
    const text = body.trimStart().startsWith(MARKER) ? body : `${MARKER}\n${body}`;
    const existing = await findSticky(doFetch, target);
    if (existing) {
        try {
            const edited = await call<IssueComment>(doFetch, 'PATCH', `${target.apiUrl}/repos/${target.repository}/issues/comments/${existing.id}`, target.token, { body: text });
            return { id: edited.id, url: edited.html_url ?? '', updated: true };
        } catch (error) {
            if (!/: 40[34] /.test((error as Error).message)) throw error;
        }
    }
    const posted = await call<IssueComment>(doFetch, 'POST', `${target.apiUrl}/repos/${target.repository}/issues/${target.pullRequest}/comments`, target.token, { body: text });
    return { id: posted.id, url: posted.html_url ?? '', updated: false };
}
