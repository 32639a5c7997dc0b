// Benchmark peer: a receiver on @octokit/webhooks, as its README sets one up. The middleware verifies
// X-Hub-Signature-256 and answers; the handler stores nothing.
import { Webhooks, createNodeMiddleware } from "@octokit/webhooks";
import { createServer } from "node:http";

const webhooks = new Webhooks({ secret: process.env.BENCH_SECRET ?? "bench-secret" });
let received = 0;
webhooks.onAny(() => {
  received++;
});

const port = Number(process.env.PORT ?? 8082);
createServer(createNodeMiddleware(webhooks, { path: "/webhook" })).listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
