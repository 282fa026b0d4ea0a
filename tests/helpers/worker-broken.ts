/** A worker entry that fails as it loads (tests/integration/start-worker.test.ts). */
throw new Error("this worker fails as it loads");
