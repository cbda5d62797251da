// Drives the gateway with the original project's TypeScript SDK (headroom-ai), unchanged.
// Usage: node sdk-compat.mjs <baseUrl> <compress-request.json>
// Prints one line "SDK-COMPAT-RESULT <json>" with what each SDK call returned (or threw).
import { readFileSync } from 'node:fs';
import {
  HeadroomClient, compress, HeadroomError, HeadroomConnectionError, HeadroomCompressError, ValidationError,
} from 'headroom-ai';

const [baseUrl, requestFile] = process.argv.slice(2);
if (!baseUrl || !requestFile) {
  console.error('usage: node sdk-compat.mjs <baseUrl> <compress-request.json>');
  process.exit(2);
}
const NEEDLE = 'PaymentGatewayTimeout';
const request = JSON.parse(readFileSync(requestFile, 'utf8'));
const original = request.messages.find((m) => m.role === 'tool').content;
// no retries, no fallback: a failing call must surface, not turn into an uncompressed result
const client = new HeadroomClient({ baseUrl, retries: 0, fallback: false, timeout: 30_000 });
const out = { errors: {} };

function describe(e) {
  return {
    name: e?.constructor?.name,
    isHeadroomError: e instanceof HeadroomError,
    isValidationError: e instanceof ValidationError,
    isCompressError: e instanceof HeadroomCompressError,
    isConnectionError: e instanceof HeadroomConnectionError,
    statusCode: e?.statusCode ?? e?.details?.statusCode ?? null,
    errorType: e?.errorType ?? e?.details?.errorType ?? null,
    message: String(e?.message ?? e),
  };
}

async function attempt(key, fn) {
  try {
    out[key] = await fn();
  } catch (e) {
    out[key] = { threw: describe(e) };
  }
}

async function expectError(key, fn) {
  try {
    await fn();
    out.errors[key] = { threw: null };
  } catch (e) {
    out.errors[key] = describe(e);
  }
}

let hash = null;
await attempt('compress', async () => {
  const r = await compress(request.messages, { baseUrl, model: request.model, retries: 0, fallback: false });
  hash = r.ccrHashes?.[0] ?? null;
  const tool = r.messages.find((m) => m.role === 'tool');
  return {
    tokensBefore: r.tokensBefore, tokensAfter: r.tokensAfter, tokensSaved: r.tokensSaved,
    compressionRatio: r.compressionRatio, transformsApplied: r.transformsApplied, ccrHashes: r.ccrHashes,
    // the SDK README's own display of the saving
    percentSaved: Number(((1 - r.compressionRatio) * 100).toFixed(0)),
    compressed: r.compressed, messageCount: r.messages.length,
    toolKeepsNeedle: typeof tool?.content === 'string' && tool.content.includes(NEEDLE),
    toolShorter: typeof tool?.content === 'string' && tool.content.length < original.length,
  };
});
await attempt('retrieve', async () => {
  const r = await client.retrieve(hash);
  return {
    hash: r.hash, identical: r.originalContent === original, originalTokens: r.originalTokens,
    originalItemCount: r.originalItemCount, compressedItemCount: r.compressedItemCount,
    retrievalCount: r.retrievalCount, hasToolName: 'toolName' in r,
  };
});
await attempt('retrieveQuery', async () => {
  const r = await client.retrieve(hash, { query: NEEDLE });
  return { hash: r.hash, query: r.query, count: r.count, matched: JSON.stringify(r.results).includes(NEEDLE) };
});
// a proxied call, so the gateway's /stats and metrics have something to count
await attempt('chatCompletion', async () => {
  const proxied = new HeadroomClient({ baseUrl, retries: 0, fallback: false, providerApiKey: 'sk-test-not-a-real-key' });
  const r = await proxied.chat.completions.create({ model: request.model, messages: request.messages });
  return { object: r.object, choices: Array.isArray(r.choices) ? r.choices.length : -1 };
});
await attempt('ccrStats', () => client.getCCRStats());
await attempt('compressUserMessages', async () => {
  const r = await new HeadroomClient({ baseUrl, retries: 0, fallback: false, config: { compressUserMessages: true } })
    .compress(request.messages, { model: request.model });
  const user = request.messages.find((m) => m.role === 'user');
  return { tokensSaved: r.tokensSaved, userUnchanged: JSON.stringify(r.messages.find((m) => m.role === 'user')) === JSON.stringify(user) };
});
await attempt('memoryUsage', () => client.memoryUsage());
await attempt('clearCache', () => client.clearCache());
await attempt('compressConfig', async () => {
  const configured = new HeadroomClient({ baseUrl, retries: 0, fallback: false,
    config: { protectRecent: 0, protectAnalysisContext: false, targetRatio: 0.5 } });
  const r = await configured.compress(request.messages, { model: request.model });
  return { tokensSaved: r.tokensSaved, compressionRatio: r.compressionRatio };
});
await attempt('health', () => client.health());
await attempt('validateSetup', () => client.validateSetup());
await attempt('proxyStats', async () => {
  const s = await client.proxyStats();
  return { requests: s.requests, tokens: s.tokens, hasCost: 'cost' in s };
});
await attempt('stats', () => client.getStats());
await attempt('summary', () => client.getSummary());
await attempt('metrics', async () => {
  const text = await client.prometheusMetrics();
  const names = ['headroom_requests_total', 'headroom_tokens_saved_total', 'headroom_compression_ratio',
    'headroom_latency_seconds', 'headroom_cache_hits_total', 'headroom_persistent_savings_tokens_saved_total'];
  return {
    length: text.length, present: names.filter((n) => text.includes(n)),
    requestsTotalUnlabelled: /^headroom_requests_total \d+$/m.test(text),
  };
});
await attempt('getMetrics', async () => {
  const all = await client.getMetrics();
  const gpt4o = await client.getMetrics({ model: request.model, limit: 1 });
  const none = await client.getMetrics({ model: 'no-such-model' });
  return { all, gpt4oCount: gpt4o.length, gpt4oModel: gpt4o[0]?.model ?? null, noneCount: none.length };
});
await attempt('statsHistory', async () => {
  const h = await client.statsHistory();
  return {
    schemaVersion: h.schema_version, lifetime: h.lifetime, historyPoints: Array.isArray(h.history) ? h.history.length : -1,
    seriesKeys: Object.keys(h.series ?? {}), dailyRows: h.series?.daily?.length ?? -1,
    dailyTokensSaved: h.series?.daily?.[0]?.tokens_saved ?? null,
  };
});
await attempt('statsHistoryHourly', async () => {
  const h = await client.statsHistory({ series: 'hourly' });
  return { hourlyRows: h.series?.hourly?.length ?? -1 };
});
await attempt('statsHistorySeriesHistory', async () => {
  const h = await client.statsHistory({ series: 'history' });
  return { historyPoints: Array.isArray(h.history) ? h.history.length : -1 };
});
await attempt('statsHistoryCsv', async () => {
  const resp = await client.rawFetch('/stats-history?format=csv&series=daily', { method: 'GET' });
  const text = await resp.text();
  return { contentType: resp.headers.get('content-type'), header: text.split('\n')[0], lines: text.trim().split('\n').length };
});

await expectError('retrieveUnknownHash', () => client.retrieve('0123456789abcdef01234567'));
await expectError('retrieveEmptyHash', () => client.retrieve(''));
await expectError('compressWithoutMessages', () => client.compressRaw({ model: 'gpt-4o' }));
await expectError('compressMalformedBody', () => client.rawFetch('/v1/compress', { method: 'POST', body: [1, 2] }));
await expectError('compressWithoutModel', () => client.compressRaw({ messages: request.messages }));
await expectError('unreachableProxy',
  () => new HeadroomClient({ baseUrl: 'http://127.0.0.1:9', retries: 0, timeout: 5_000 }).health());

console.log('SDK-COMPAT-RESULT ' + JSON.stringify(out));
