export { ingestEvents, ingestAll, type IngestEventsOptions, type IngestResult } from './ingest.ts';
