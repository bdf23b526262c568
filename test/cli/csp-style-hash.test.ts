import { describe, expect, it } from 'vitest';
import { cspStyleHash } from '../../src/cli/csp-style-hash.js';

/* The hashes below were worked out outside the code, with OpenSSL, not with Node's crypto. */

describe('cspStyleHash', () => {
    it('is the sha256- source of the stylesheet: base64 SHA-256 of its text', () => {
        // printf '%s' 'body{}' | openssl dgst -sha256 -binary | base64
        expect(cspStyleHash('body{}')).toBe('sha256-fJgEClQWV1hGkK4qHMO0KotTsVnMYMXTq7/suurGyUo=');
    });

    it('hashes the text as UTF-8, as a browser does (a non-ASCII character in the CSS)', () => {
        // printf '%s' 'p{content:"é"}' | openssl dgst -sha256 -binary | base64   (é as the UTF-8 bytes c3 a9)
        expect(cspStyleHash('p{content:"é"}')).toBe('sha256-suAgieEJfNQCUNromru6q3gPiWyFOZtHZ/mH+R0pAeQ=');
    });

    it('differs when the stylesheet changes by one character (a stale hash would block the styles)', () => {
        expect(cspStyleHash('body{} ')).not.toBe(cspStyleHash('body{}'));
    });
});
