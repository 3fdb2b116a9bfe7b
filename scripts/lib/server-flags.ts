/**
 * V8 flags the server runs with (`npm start`, the Docker image) and the benches that stand for it.
 * Ingest allocates about 13 MB per 1,000-event request (8 MB with costing left out), nearly all of
 * it garbage by the answer: with V8's default young generation (16 MB semi-spaces) that is a
 * scavenge every request, each one a pause of the request thread. 32 MB halves the pauses (1.2 ms
 * a request instead of 2.8 with costing, 0.6 instead of 1.2 without) for at most 48 MB more memory.
 * package.json, the Dockerfile and tests/bench repeat them; tests/unit/server-flags.test.ts checks.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'] as const;
