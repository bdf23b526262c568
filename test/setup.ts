import '../src/node20-polyfill.cjs';
