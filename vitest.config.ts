import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        // Every room's tests (test/<room>/…) and the fuzzing harness; the real editors run apart (npm run test:e2e).
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        setupFiles: ['./test/setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks'
    }
});
