// Prometheus metrics (prom-client): one Registry per server, since tests open several servers in
// one process; the process's own metrics (CPU, memory, event loop, GC) once per process, as they
// describe the process, not a server. Labels are routes, methods, statuses and outcomes only:
// never a story, a person, a token or a path with an id in it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a millisecond to a few seconds (a store waiting for a database that is back). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** What the gauges read when scraped (nothing is counted on the hot path for them). */
export interface GaugeSources {
  websockets(): number;
  liveConnections(): number;
  sseStreams(): number;
  liveDocuments(): number;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;
  private sources: GaugeSources | null = null;

  readonly httpRequests = new Counter({ name: 'copydesk_http_requests_total', help: 'HTTP requests answered, by method, route and status.', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({ name: 'copydesk_http_request_duration_seconds', help: 'Time to answer an HTTP request (a live channel stream: how long it stayed open), by route.', labelNames: ['route'] as const, buckets: BUCKETS, registers: [this.registry] });
  readonly dbQuery = new Histogram({ name: 'copydesk_db_query_seconds', help: 'Database latency: one statement (query), or a whole transaction.', labelNames: ['op'] as const, buckets: BUCKETS, registers: [this.registry] });
  readonly liveAck = new Histogram({
    name: 'copydesk_live_update_ack_seconds',
    help: "Propagation to the store: from receiving a client's live update to its being committed to the database (when its acknowledgement may go), by outcome.",
    labelNames: ['outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({ name: 'copydesk_errors_total', help: 'Problems the server logged as errors (an internal error answering a request, a live update not stored, a lost database connection…).', registers: [this.registry] });

  /** Bound once: the hot paths observe without hashing labels. */
  readonly query = this.dbQuery.labels('query');
  readonly transaction = this.dbQuery.labels('transaction');
  readonly stored = this.liveAck.labels('stored');
  readonly notStored = this.liveAck.labels('failed');

  constructor() {
    const current = () => this.sources;
    const gauge = (name: string, help: string, read: (s: GaugeSources) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        // Read when scraped (collect's `this` is the gauge).
        collect() {
          const sources = current();
          this.set(sources ? read(sources) : 0);
        },
      });
    gauge('copydesk_websocket_connections', 'Open WebSocket connections (live stories).', (s) => s.websockets());
    gauge('copydesk_live_connections', 'Live story connections (one WebSocket may carry several stories).', (s) => s.liveConnections());
    gauge('copydesk_sse_streams', 'Open live channel streams (server-sent events, /api/events).', (s) => s.sseStreams());
    gauge('copydesk_live_documents', 'Live stories loaded in memory.', (s) => s.liveDocuments());
  }

  watch(sources: GaugeSources): void {
    this.sources = sources;
  }

  /** The text format: this server's metrics, then the process's. */
  async text(): Promise<string> {
    return (await this.registry.metrics()) + (await processMetrics().metrics());
  }
}
