import { writeFileSync } from 'node:fs'
import http from 'node:http'
import { performance } from 'node:perf_hooks'

/**
 * Preloaded into the sandbox process (`node --import`) by budgetArrivalBench.ts: records when each
 * request reached a tenant's server (its headers parsed), on the clock both processes share
 * (performance.timeOrigin + performance.now(), sub-millisecond), and writes them to
 * LANYARD_ARRIVAL_LOG as JSON lines when the process exits. A tenant counts a request a moment
 * later (after its body), so this is what the target's limiter sees, give or take that moment.
 */
const file = process.env.LANYARD_ARRIVAL_LOG
if (file) {
  const arrivals = []
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (event, request, ...rest) {
    if (event === 'request') {
      arrivals.push({ at: performance.timeOrigin + performance.now(), port: this.address()?.port, method: request.method, path: request.url, operation: request.headers['x-amz-target'] ?? null })
    }
    return emit.call(this, event, request, ...rest)
  }
  process.on('exit', () => writeFileSync(file, arrivals.map((arrival) => JSON.stringify(arrival)).join('\n')))
}
