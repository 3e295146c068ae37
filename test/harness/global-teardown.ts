/** Stops what the global setup started, newest first. */
export default async function globalTeardown(): Promise<void> {
  for (const service of (globalThis.pedigreeTestServices ?? []).reverse()) await service.stop();
}
