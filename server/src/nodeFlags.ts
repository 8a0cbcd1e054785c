/**
 * The V8 flags `npm start` runs the compiled server with (package.json's start script says them
 * too; tests/server/build.test.ts checks both agree). A young generation of 2 x 4 MB instead of
 * 2 x 16 MB, and an old generation that grows by half its live size rather than up to four
 * times: measured with 1,000 clients and 50 typists (scripts/measure-connect.ts), peak RSS
 * 122 MB instead of 158 MB for the same server CPU. Programs that start dist/server/index.js
 * themselves (the benchmarks) pass the same flags.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50']
