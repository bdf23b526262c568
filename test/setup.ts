import '../src/preludes/node20-polyfill.cjs';
