// The official SDKs' stream helpers against a Headroom host (the gateway or a library host such as the servlet
// filter), whose stand-in model answers the first request with a headroom_retrieve call and the follow-up with
// text. Prints one line: SDK-RETRIEVE-RESULT {json}. Run by io.headroom.conformance.sdk.OfficialSdkScript.
// Usage: node sdk-retrieve.mjs <host base url> <file holding the tool output>
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const [base, ordersFile] = process.argv.slice(2);
const orders = readFileSync(ordersFile, 'utf8');
const openai = new OpenAI({ apiKey: 'sk-test-not-real', baseURL: `${base}/v1`, maxRetries: 0 });
const anthropic = new Anthropic({ apiKey: 'sk-ant-test-not-real', baseURL: base, maxRetries: 0 });

async function attempt(fn) {
  try {
    return await fn();
  } catch (e) {
    return { threw: `${e?.constructor?.name}: ${e?.message}` };
  }
}

const chat = await attempt(async () => {
  const stream = openai.chat.completions.stream({
    model: 'gpt-4o',
    messages: [
      { role: 'user', content: 'Summarize the orders.' },
      { role: 'assistant', content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'list_orders', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: orders },
    ],
    tools: [{ type: 'function', function: { name: 'list_orders', parameters: { type: 'object' } } }],
  });
  const seen = [];
  for await (const chunk of stream) seen.push(JSON.stringify(chunk));
  const final = await stream.finalChatCompletion();
  return { text: final.choices[0].message.content, role: final.choices[0].message.role,
    toolCalls: final.choices[0].message.tool_calls ?? [], sawRetrieve: seen.some((c) => c.includes('headroom_retrieve')) };
});

const responses = await attempt(async () => {
  const stream = openai.responses.stream({
    model: 'gpt-4o',
    input: [
      { role: 'user', content: 'Summarize the orders.' },
      { type: 'function_call', call_id: 'call_1', name: 'list_orders', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_1', output: orders },
    ],
    tools: [{ type: 'function', name: 'list_orders', parameters: { type: 'object' }, strict: false }],
  });
  const seen = [];
  for await (const event of stream) seen.push(JSON.stringify(event));
  const final = await stream.finalResponse();
  return { text: final.output_text, id: final.id, outputTypes: final.output.map((o) => o.type),
    sawRetrieve: seen.some((e) => e.includes('headroom_retrieve')) };
});

const messages = await attempt(async () => {
  const stream = anthropic.messages.stream({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [
      { role: 'user', content: 'Summarize the orders.' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'list_orders', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: orders }] },
    ],
    tools: [{ name: 'list_orders', input_schema: { type: 'object' } }],
  });
  const seen = [];
  for await (const event of stream) seen.push(JSON.stringify(event));
  const final = await stream.finalMessage();
  return { texts: final.content.filter((b) => b.type === 'text').map((b) => b.text),
    blockTypes: final.content.map((b) => b.type), stopReason: final.stop_reason,
    sawRetrieve: seen.some((e) => e.includes('headroom_retrieve')) };
});

console.log('SDK-RETRIEVE-RESULT ' + JSON.stringify({ chat, responses, messages }));
