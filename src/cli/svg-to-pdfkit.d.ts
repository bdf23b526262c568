// svg-to-pdfkit ships no types: the part of its API the report uses.
declare module 'svg-to-pdfkit' {
    interface SvgToPdfOptions {
        width?: number;
        height?: number;
        preserveAspectRatio?: string;
        /** Sizes without a unit are read as points rather than pixels. */
        assumePt?: boolean;
        /** The name of a registered pdfkit font for a text's family, weight and style. */
        fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    }
    export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
