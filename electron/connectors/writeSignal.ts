import type { HttpRequest, HttpResponse } from '../http/types'

interface SendsRequests {
  request(request: HttpRequest): Promise<HttpResponse>
}

/**
 * The client as one write uses it: every request that brings no signal of its own carries the
 * write's (a bulk job pausing), so an adapter's write functions need not pass it to each request.
 */
export function sendingUnder<Client extends SendsRequests>(client: Client, signal: AbortSignal | undefined): Client {
  if (!signal) return client
  return { ...client, request: (request: HttpRequest) => client.request(request.signal ? request : { ...request, signal }) }
}
