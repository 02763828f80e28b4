// Node-only: the one Node http ↔ Web Request/Response conversion, shared by the Express and
// Next.js Pages Router adapters. Not part of the edge-safe main entry.

export { sendWebResponse } from './send-web-response.js'
export { type NodeRequest, type ToWebRequestOptions, toWebRequest } from './to-web-request.js'
