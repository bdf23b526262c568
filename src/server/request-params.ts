import { isOperationCancelled, URI } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/*
 * The custom requests (`cycle/getPreviewModel`, `cycle/compare`) check what they are
 * sent: anything malformed gets an InvalidParams error saying what was expected,
 * never an exception from deep inside, and never no answer.
 */

/** The InvalidParams error for `method`, which expects `expected`. */
export function invalidParams(method: string, expected: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${method} expects ${expected}.`);
}

/** The params as an object, or undefined for anything else (null, a number, an array…). */
export function paramsObject(params: unknown): Record<string, unknown> | undefined {
    return typeof params === 'object' && params !== null && !Array.isArray(params) ? params as Record<string, unknown> : undefined;
}

/** A non-empty string that parses as a URI (`a:////b` does not), else undefined. */
export function parseUri(value: unknown): URI | undefined {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    try {
        return URI.parse(value);
    } catch {
        return undefined;
    }
}

/** The document a request is about: its `uri`. */
export function documentUri(params: Record<string, unknown> | undefined): URI | undefined {
    return parseUri(params?.uri);
}

/** A wait cut short by the editor (or by the document being closed) is answered as cancelled. */
export function cancelledAsError(error: unknown): never {
    if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    throw error;
}
