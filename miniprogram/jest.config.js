// Page and unit tests run in jsdom (miniprogram-simulate renders WXML into a DOM);
// tests/api/* switch to the node environment in their docblock (they use Node's fetch).
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.js'],
  resetMocks: true,
  // verbose, so a skipped real-API suite says why it was skipped
  verbose: true,
}
