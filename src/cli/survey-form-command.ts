import { extname } from 'node:path';
import { jsonText } from '../domain/neutralise/json.js';
import { terminalText as safe } from '../domain/neutralise/terminal.js';
import type { LanguageCode } from '../domain/words/index.js';
import { FORM_CSS, formCsvTemplate, formDefinition, formHtml } from '../export/survey-form.js';
import type { CommandIo } from './check-command.js';
import { chooseSurvey } from './choose-survey.js';
import { cspStyleHash } from './csp-style-hash.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { loadOneFile } from './load-one-file.js';
import { outputTarget } from './output-target.js';
import { writeFileAtomically } from './write-output.js';

export type FormFormat = 'html' | 'json' | 'csv';

export interface SurveyFormOptions {
    output?: string;
    format?: FormFormat;
    cycle?: string;
    survey?: string;
    lang?: LanguageCode;
}

const USAGE = 'cycle survey form makes the form of one survey of one .cycle file (cycle survey form FILE -o form.html|form.json|template.csv).';
const EXTENSIONS: Record<string, FormFormat> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.csv': 'csv' };
const WHAT: Record<FormFormat, string> = { html: 'the printable form', json: 'the form definition', csv: 'the empty results file' };

/** `--format`, else the output's extension; the two must agree when both are given. */
function formatOf(output: string | undefined, format: FormFormat | undefined, toFile: boolean): FormFormat {
    const byName = toFile && output ? EXTENSIONS[extname(output).toLowerCase()] : undefined;
    if (format && byName && format !== byName) throw new CliError(`${safe(output ?? '')} names a .${byName} file but --format says ${format}: make them agree.`, EXIT_USAGE);
    const chosen = format ?? byName;
    if (!chosen) {
        throw new CliError(toFile
            ? `cannot tell the format of ${safe(output ?? '')}: name it .html, .json or .csv, or say --format html|json|csv.`
            : 'where to? cycle survey form FILE -o form.html|form.json|template.csv (or --format html|json|csv to print it).', EXIT_USAGE);
    }
    return chosen;
}

/** `cycle survey form FILE [--cycle ID] [--survey ID] [-o form.html|form.json|template.csv]`. */
export async function runSurveyForm(file: string, options: SurveyFormOptions, io: CommandIo): Promise<number> {
    const target = outputTarget(options.output, [file]);
    const format = formatOf(options.output, options.format, target.kind === 'file');
    const { displayPath, model } = await loadOneFile(file, USAGE, 'make a form from', { output: target.kind === 'file' ? target.path : undefined });
    const { cycle, survey } = chooseSurvey(model, displayPath, options.cycle, options.survey);
    const definition = formDefinition(cycle, survey, options.lang);
    const text = format === 'html' ? formHtml(definition, cycle.label, cspStyleHash(FORM_CSS))
        : format === 'json' ? jsonText(definition) + '\n'
            : formCsvTemplate(definition);
    if (target.kind === 'stdout') {
        io.out(text);
        return EXIT_OK;
    }
    writeFileAtomically(target.path, text);
    const count = definition.questions.length;
    io.err(`cycle: wrote ${safe(target.path)} (${WHAT[format]} of survey ${safe(survey.id)} of ${safe(cycle.id)}, ${count} ${count === 1 ? 'question' : 'questions'}).\n`);
    return EXIT_OK;
}
