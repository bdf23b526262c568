// pdf-parse ships no types: the part the report tests use. Its lib entry is imported
// directly, since its index runs a self-test when loaded without a parent module.
declare module 'pdf-parse/lib/pdf-parse.js' {
    interface ParsedPdf {
        numpages: number;
        text: string;
    }
    export default function parsePdf(data: Buffer): Promise<ParsedPdf>;
}
