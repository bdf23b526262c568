import { Cancellation, DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCycleServices } from '../../src/server/services.js';

describe('issue 10 item 2: requests waiting for a document state', () => {
    it('issue 10 item 2: a request waiting for a document hears that it got there even when the build is cancelled at that moment', async () => {
        const { shared } = createCycleServices({ ...EmptyFileSystem });
        const builder = shared.workspace.DocumentBuilder;
        const uri = URI.parse('file:///waiters/a.cycle');
        const document = shared.workspace.LangiumDocumentFactory.fromString('cycle a "A"\n  moment m "M"\n', uri);
        shared.workspace.LangiumDocuments.addDocument(document);

        // A keystroke cancels the build just as the document is indexed: before the request's waiter is told.
        const keystroke = new Cancellation.CancellationTokenSource();
        builder.onDocumentPhase(DocumentState.IndexedContent, () => keystroke.cancel());
        let answered = false;
        const request = builder.waitUntil(DocumentState.IndexedContent, uri).then(() => { answered = true; });

        await builder.build([document], { validation: true }, keystroke.token).catch(() => undefined);
        // The next build finishes the work; the document is long past the state the request waits for.
        await builder.build([document], { validation: true });
        expect(document.state).toBe(DocumentState.Validated);
        await Promise.race([request, new Promise(resolve => setImmediate(resolve))]);
        expect(answered).toBe(true);
    });
});
