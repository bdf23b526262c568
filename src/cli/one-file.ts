import { CliError, EXIT_USAGE } from './cli-error.js';
import { isFolder } from './read-sources.js';

/**
 * For commands that take one file (render, export, diff): an empty path or a folder
 * is bad usage, said with the command's own usage line, never "the first file found"
 * or the current folder. Everything else (missing, a loop, a FIFO…) is left to
 * reading the file, which names it.
 */
export function requireOneFile(given: string, usage: string): void {
    if (given === '') throw new CliError(`an empty path was given: ${usage}`, EXIT_USAGE);
    if (isFolder(given)) throw new CliError(`${given} is a folder, not a file: ${usage}`, EXIT_USAGE);
}
