import { defineConfig } from 'vitest/config';

/** Real clients: Neovim here, VS Code (code-server) in its own harness. */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.test.ts'],
        setupFiles: ['./test/setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        pool: 'forks',
        fileParallelism: false
    }
});
