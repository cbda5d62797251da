// Drives the gateway with the original project's TypeScript SDK (headroom-ai), unchanged.
// Usage: node sdk-compat.mjs <baseUrl> <compress-request.json>
// Prints one line "SDK-COMPAT-RESULT <json>" with what each SDK call returned (or threw).
import { readFileSync } from 'node:fs';
import {
  HeadroomClient, compress, simulate, toOpenAI, deepCamelCase, HeadroomError, HeadroomConnectionError, HeadroomCompressError, ValidationError,
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

// learning starts cold: what other tests of this gateway taught it would change the figures below (issue 18)
await attempt('toinReset', async () => (await client.rawFetch('/v1/toin/reset', { method: 'POST' })).json());

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
let toolName = null;
await attempt('retrieve', async () => {
  const r = await client.retrieve(hash);
  toolName = r.toolName;
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
// the same conversation in Anthropic's shape: the log rows as a tool_result block
const system = request.messages.find((m) => m.role === 'system').content;
const toolCall = request.messages.find((m) => m.role === 'assistant').tool_calls[0];
const anthropicMessages = [
  { role: 'user', content: request.messages.find((m) => m.role === 'user').content },
  { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: toolCall.function.name,
    input: JSON.parse(toolCall.function.arguments) }] },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: original }] },
];
const ANTHROPIC_MODEL = 'claude-sonnet-4-5-20250929';
await attempt('messagesCreate', async () => {
  const proxied = new HeadroomClient({ baseUrl, retries: 0, fallback: false, providerApiKey: 'sk-ant-test-not-a-real-key' });
  // the SDK adds anthropic-version, x-api-key, max_tokens and, from headroomMode, x-headroom-mode
  const r = await proxied.messages.create({ model: ANTHROPIC_MODEL, system, messages: anthropicMessages,
    headroomMode: 'optimize' });
  return { type: r.type, role: r.role, text: r.content?.[0]?.text ?? null };
});
await attempt('messagesMetrics', async () => {
  // the gateway logs a request once its answer has ended, which can be just after the client has it
  let m;
  for (let i = 0; i < 100 && !m; i++) {
    m = (await client.getMetrics({ model: ANTHROPIC_MODEL }))[0];
    if (!m) await new Promise((done) => setTimeout(done, 50));
  }
  return m ? { provider: m.provider, tokensSaved: m.tokensSaved, inputTokensOriginal: m.inputTokensOriginal,
    inputTokensOptimized: m.inputTokensOptimized } : null;
});

// handleToolCall: the original's POST /v1/retrieve/tool_call, both providers' call shapes
await attempt('toolCallOpenAI', async () => {
  const r = await client.handleToolCall({ provider: 'openai', toolCall: { id: 'call_ccr1', type: 'function',
    function: { name: 'headroom_retrieve', arguments: JSON.stringify({ hash }) } } });
  return { success: r.success, role: r.toolResult?.role, toolCallId: r.toolResult?.toolCallId,
    contentIdentical: r.toolResult?.content === original, dataHash: r.data?.hash,
    dataIdentical: r.data?.originalContent === original };
});
await attempt('toolCallAnthropic', async () => {
  const r = await client.handleToolCall({ provider: 'anthropic', toolCall: { type: 'tool_use', id: 'toolu_ccr1',
    name: 'headroom_retrieve', input: { hash, query: NEEDLE } } });
  return { success: r.success, type: r.toolResult?.type, toolUseId: r.toolResult?.toolUseId,
    isError: r.toolResult?.isError ?? false, dataQuery: r.data?.query ?? null, dataCount: r.data?.count ?? -1,
    matched: JSON.stringify(r.data?.results ?? []).includes(NEEDLE) };
});
await attempt('toolCallUnknownHash', async () => {
  const r = await client.handleToolCall({ provider: 'anthropic', toolCall: { type: 'tool_use', id: 'toolu_x',
    name: 'headroom_retrieve', input: { hash: '0123456789abcdef01234567' } } });
  return { success: r.success, isError: r.toolResult?.isError ?? false, toolUseId: r.toolResult?.toolUseId,
    dataHash: r.data?.hash, dataStatus: r.data?.status, dataError: typeof r.data?.error === 'string' };
});

// simulate: the top-level function and both namespaces (config.default_mode=simulate, generate_diff_artifact)
function describeSimulation(s) {
  return {
    tokensBefore: s.tokensBefore, tokensAfter: s.tokensAfter, tokensSaved: s.tokensSaved,
    compressionRatio: s.compressionRatio, mode: s.mode, transforms: s.transforms, ccrHashes: s.ccrHashes,
    blockBreakdown: s.blockBreakdown, wasteSignalKinds: Object.keys(s.wasteSignals ?? {}),
    diffArtifact: s.diffArtifact ?? null, messagesUnchanged: null,
  };
}
await attempt('ccrStatsBeforeSimulate', () => client.getCCRStats());
await attempt('simulate', async () => {
  const s = await simulate(request.messages, { baseUrl, model: request.model, retries: 0, fallback: false });
  // simulate() sends the messages through its toOpenAI() and camel-cases the whole answer, messages included
  const sent = deepCamelCase(toOpenAI(request.messages));
  return { ...describeSimulation(s), messagesUnchanged: JSON.stringify(s.messages) === JSON.stringify(sent) };
});
await attempt('chatSimulate', async () =>
  describeSimulation(await client.chat.completions.simulate({ model: request.model, messages: request.messages })));
await attempt('messagesSimulate', async () =>
  describeSimulation(await client.messages.simulate({ model: ANTHROPIC_MODEL, messages: anthropicMessages })));
await attempt('ccrStatsAfterSimulate', () => client.getCCRStats());
// the raw route with Anthropic's shape (top-level system, tool_use/tool_result blocks), optimize mode
await attempt('compressRawAnthropic', async () => {
  const r = await client.compressRaw({ model: ANTHROPIC_MODEL, system, messages: anthropicMessages });
  const block = r.messages?.[2]?.content?.[0];
  return {
    tokensBefore: r.tokens_before, tokensAfter: r.tokens_after, tokensSaved: r.tokens_saved,
    compressionRatio: r.compression_ratio, ccrHashes: r.ccr_hashes, transformsApplied: r.transforms_applied,
    hasSystem: 'system' in r, firstTwoUnchanged: JSON.stringify(r.messages.slice(0, 2)) === JSON.stringify(anthropicMessages.slice(0, 2)),
    blockType: block?.type, toolUseId: block?.tool_use_id,
    keepsNeedle: typeof block?.content === 'string' && block.content.includes(NEEDLE),
    shorter: typeof block?.content === 'string' && block.content.length < original.length / 2,
  };
});


// issue 18 (TOIN / feedback / telemetry): what the compressions and retrievals above taught the gateway
out.toolName = toolName;
await attempt('toinStats', () => client.toin.getStats());
await attempt('feedbackStats', () => client.feedback.getStats());
await attempt('feedbackHints', () => client.feedback.getHints(toolName));
await attempt('feedbackHintsUnknownTool', () => client.feedback.getHints('no_such_tool'));
await attempt('toinPatterns', () => client.toin.getPatterns(5));
await attempt('telemetryStats', () => client.telemetry.getStats());
let signature = null;
await attempt('telemetryTools', async () => {
  const r = await client.telemetry.getTools();
  signature = Object.keys(r.tools ?? {})[0] ?? null;
  return r;
});
out.signature = signature;
await attempt('telemetryTool', () => client.telemetry.getTool(signature));
await attempt('toinPattern', () => client.toin.getPattern(String(signature).slice(0, 8)));
let exported = null;
await attempt('telemetryExport', async () => { exported = await client.telemetry.export(); return exported; });
// importing its own export adds every count once more
await attempt('telemetryImport', () => client.telemetry.import(exported));
await expectError('toinPatternUnknown', () => client.toin.getPattern('ffffffffffff'));
await expectError('telemetryToolUnknown', () => client.telemetry.getTool('0000'));
await expectError('telemetryImportNotAnExport', () => client.telemetry.import({ hello: 'world' }));

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
await expectError('toolCallNotRetrieve', () => client.handleToolCall({ provider: 'openai',
  toolCall: { id: 'call_2', type: 'function', function: { name: 'search_logs', arguments: '{}' } } }));
await expectError('toolCallWithoutCall', () => client.handleToolCall({ provider: 'openai' }));
await expectError('toolCallUnknownProvider', () => client.handleToolCall({ provider: 'cohere',
  toolCall: { id: 'c', name: 'headroom_retrieve', input: { hash } } }));
await expectError('toolCallMalformedBody', () => client.rawFetch('/v1/retrieve/tool_call', { method: 'POST', body: [1] }));
// a relayed caller (X-Forwarded-For from an untrusted peer) is refused as on /v1/retrieve
await expectError('toolCallRefused', () => client.rawFetch('/v1/retrieve/tool_call', { method: 'POST',
  headers: { 'X-Forwarded-For': '203.0.113.9' },
  body: { provider: 'anthropic', tool_call: { id: 't', name: 'headroom_retrieve', input: { hash } } } }));
await expectError('simulateWithoutModel', () => client.chat.completions.simulate({ messages: request.messages }));
await expectError('simulateUnknownMode', () => client.compressRaw({ messages: request.messages, model: request.model,
  config: { default_mode: 'dry-run' } }));
await expectError('simulateRefused', () => client.rawFetch('/v1/compress', { method: 'POST',
  headers: { 'X-Forwarded-For': '203.0.113.9' },
  body: { messages: request.messages, model: request.model, config: { default_mode: 'simulate' } } }));
await expectError('unreachableProxy',
  () => new HeadroomClient({ baseUrl: 'http://127.0.0.1:9', retries: 0, timeout: 5_000 }).health());

console.log('SDK-COMPAT-RESULT ' + JSON.stringify(out));
