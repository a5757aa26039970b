// Local stand-ins for the providers' HTTP APIs (node:http on 127.0.0.1): they record every
// request, check what they receive, and replay scripted answers. And a harness that builds a
// client whose sleeps are recorded, never waited.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { RetryPolicy, VideoClient, type VideoClientOptions } from "sora-migrate-video-shim";

/** A request the stand-in received. */
export interface Recorded {
  readonly method: string;
  /** Path and query, e.g. `/v1/tasks/t?x=1`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A scripted answer: `respond(...)`, a function of the request, `HANG`, or JSON for a 200. */
export type Answer = Respond | ((request: Recorded) => Answer) | typeof HANG | unknown;

export class Respond {
  readonly status: number;
  readonly body: string | Uint8Array;
  readonly headers: Record<string, string>;

  constructor(status: number, body: string | Uint8Array, headers: Record<string, string>) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** An answer with this status, a JSON or raw body, and headers. */
export function respond(status: number, body?: unknown, headers: Record<string, string> = {}): Respond {
  if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
    return new Respond(status, body ?? "", headers);
  }
  return new Respond(status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

/** Never answer (the client's timeout must fire). */
export const HANG = Symbol("hang");

export class StandIn {
  readonly requests: Recorded[] = [];
  readonly failures: string[] = [];
  check: (request: Recorded) => void = () => undefined;
  private readonly routes = new Map<string, Answer[]>();
  private readonly server: Server;
  url = "";

  private constructor() {
    this.server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const request: Recorded = {
          method: incoming.method ?? "GET",
          path: incoming.url ?? "/",
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(request);
        let answer = this.answer(request);
        while (typeof answer === "function") {
          answer = (answer as (request: Recorded) => Answer)(request);
        }
        if (answer === HANG) {
          return;
        }
        const reply = answer instanceof Respond ? answer : respond(200, answer);
        outgoing.writeHead(reply.status, reply.headers);
        outgoing.end(reply.body);
      });
    });
  }

  /** A stand-in listening on 127.0.0.1 (a free port). */
  static async start(): Promise<StandIn> {
    const standin = new StandIn();
    await new Promise<void>((resolve) => standin.server.listen(0, "127.0.0.1", resolve));
    standin.url = `http://127.0.0.1:${(standin.server.address() as AddressInfo).port}`;
    return standin;
  }

  /** Answer `method path` with `answers` in turn (the last one repeats). */
  on(method: string, path: string, ...answers: Answer[]): this {
    this.routes.set(`${method} ${path}`, answers);
    return this;
  }

  /** The JSON body of the `index`-th request (negative counts from the end). */
  body(index: number): unknown {
    const request = this.requests.at(index);
    if (request === undefined) {
      throw new Error(`no request ${index}`);
    }
    return JSON.parse(request.body);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: Recorded): Answer {
    const queue = this.routes.get(`${request.method} ${request.path}`);
    if (queue === undefined) {
      return respond(404, { error: `no route for ${request.method} ${request.path}` });
    }
    try {
      this.check(request);
    } catch (error) {
      this.failures.push(String(error));
      return respond(418, { error: `stand-in check failed: ${String(error)}` });
    }
    return queue.length > 1 ? queue.shift() : queue[0];
  }
}

/** A client against stand-ins, whose sleeps, warnings and log lines are recorded. */
export class Harness {
  readonly sleeps: number[] = [];
  readonly warnings: string[] = [];
  readonly logs: string[] = [];
  readonly client: VideoClient;
  now = 0;

  constructor(options: VideoClientOptions = {}) {
    this.client = new VideoClient({
      env: {},
      retry: new RetryPolicy({ random: () => 0 }),
      sleep: async (ms) => {
        this.sleeps.push(ms);
        this.now += ms;
      },
      now: () => this.now,
      onWarning: (warning) => this.warnings.push(warning.message),
      logger: {
        warn: (message) => this.logs.push(`WARNING ${message}`),
        info: (message) => this.logs.push(`INFO ${message}`),
      },
      ...options,
    });
  }
}

/** Run `body` with fresh stand-ins, closing them afterwards. */
export async function withStandIns<T>(count: number, body: (...standins: StandIn[]) => Promise<T>): Promise<T> {
  const standins = await Promise.all(Array.from({ length: count }, () => StandIn.start()));
  try {
    const result = await body(...standins);
    for (const standin of standins) {
      if (standin.failures.length > 0) {
        throw new Error(`stand-in checks failed: ${standin.failures.join("; ")}`);
      }
    }
    return result;
  } finally {
    await Promise.all(standins.map((standin) => standin.close()));
  }
}
