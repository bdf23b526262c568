import { describe, expect, it } from 'vitest';
import { PreviewFeed } from '../../src/extension/preview/preview-feed.js';
import type { PreviewModel } from '../../src/protocol.js';

const model = (uri: string, version: number | null): PreviewModel => ({ uri, version, syntaxErrors: 0, cycles: [] });
const settle = () => new Promise(resolve => setTimeout(resolve, 0));

/** A feed whose server answers with `current` and that records what reached the page. */
function feedWith(current: (uri: string) => PreviewModel | null) {
    const posted: PreviewModel[] = [];
    const fetched: string[] = [];
    const feed = new PreviewFeed(m => posted.push(m), async uri => {
        fetched.push(uri);
        return current(uri);
    });
    return { feed, posted, fetched };
}

describe('the models a preview page receives', () => {
    it('opening a preview delivers the model once, after the page is ready (issue 11: no double delivery)', async () => {
        const { feed, posted, fetched } = feedWith(uri => model(uri, 3));
        feed.pageLoading();
        feed.follow('file:///bank.cycle');
        await settle();
        expect(posted).toEqual([]);
        feed.pageReady();
        await settle();
        expect(posted).toEqual([model('file:///bank.cycle', 3)]);
        expect(fetched).toEqual(['file:///bank.cycle']);
    });

    it('a file shown before shows at once from what is known, and the same version is not sent again', async () => {
        const { feed, posted } = feedWith(uri => model(uri, 3));
        feed.received(model('file:///bank.cycle', 3));
        feed.pageLoading();
        feed.follow('file:///bank.cycle');
        feed.pageReady();
        await settle();
        expect(posted).toEqual([model('file:///bank.cycle', 3)]);
    });

    it('a newer version from the server follows the known one', async () => {
        const { feed, posted } = feedWith(uri => model(uri, 5));
        feed.received(model('file:///bank.cycle', 3));
        feed.pageLoading();
        feed.pageReady();
        feed.follow('file:///bank.cycle');
        await settle();
        expect(posted.map(m => m.version)).toEqual([3, 5]);
    });

    it('pushes reach the page only for the file it shows, and only while it is open', async () => {
        const { feed, posted } = feedWith(() => null);
        feed.pageLoading();
        feed.pageReady();
        feed.follow('file:///a.cycle');
        await settle();
        feed.received(model('file:///b.cycle', 1));
        feed.received(model('file:///a.cycle', 2));
        feed.pageClosed();
        feed.received(model('file:///a.cycle', 3));
        expect(posted).toEqual([model('file:///a.cycle', 2)]);
        expect(feed.latest('file:///a.cycle')?.version).toBe(3);
    });
});
