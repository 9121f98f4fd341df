// The build's stand-in for the parse worker's entry (scripts/code-cache.mjs): the worker's code through the code cache,
// recording what it compiles, and a port of its own on which the build asks for that code's cache to be written
// (a worker that is terminated has no last word of its own).
const { workerData } = require('node:worker_threads');

const cache = require(workerData.loader);
cache.requireCached(workerData.code, workerData.dist, true);
workerData.port.on('message', () => workerData.port.postMessage(cache.writeCodeCaches((file) => file === workerData.code)));
