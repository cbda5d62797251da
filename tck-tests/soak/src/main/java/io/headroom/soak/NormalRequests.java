package io.headroom.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.random.RandomGenerator;

/**
 * The legitimate traffic: agent turns whose tool output is long and compressible, on each intercepted
 * endpoint, plus /v1/compress calls and small chats with nothing to compress.
 */
final class NormalRequests {
    enum Kind {
        CHAT("/v1/chat/completions"), MESSAGES("/v1/messages"), RESPONSES("/v1/responses"),
        COMPRESS("/v1/compress"), SMALL("/v1/chat/completions");

        final String path;

        Kind(String path) {
            this.path = path;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One request ready to send. */
    record Request(Kind kind, byte[] body, Credential credential) {
    }

    private final ObjectMapper mapper;
    private final int tenants;
    private final int variants;
    private final java.util.function.IntSupplier era;

    /**
     * {@code era} is 0 before the kill and 1 after it: each era has its own tool outputs, so an original
     * handed out before the kill is never stored again afterwards and is retrievable only if the
     * persistent tier kept it.
     */
    NormalRequests(ObjectMapper mapper, int tenants, int variants, java.util.function.IntSupplier era) {
        this.mapper = mapper;
        this.tenants = tenants;
        this.variants = variants;
        this.era = era;
    }

    static String key(int tenant) {
        return "sk-soak-tenant-" + tenant + "-0123456789abcdef0123456789abcdef";
    }

    Request next(RandomGenerator rnd) {
        String key = key(rnd.nextInt(tenants));
        int variant = era.getAsInt() * variants + rnd.nextInt(variants);
        int pick = rnd.nextInt(10);
        Kind kind = pick < 3 ? Kind.CHAT : pick < 5 ? Kind.MESSAGES : pick < 7 ? Kind.RESPONSES
                : pick < 8 ? Kind.COMPRESS : Kind.SMALL;
        try {
            return switch (kind) {
                case CHAT -> new Request(kind, bytes(chat(ToolOutputs.jsonRows(variant), "Which service failed?")),
                        Credential.bearer(key));
                case MESSAGES -> new Request(kind, bytes(messages(ToolOutputs.buildLog(variant))), Credential.apiKey(key));
                case RESPONSES -> new Request(kind, bytes(responses(ToolOutputs.searchResults(variant))),
                        Credential.bearer(key));
                case COMPRESS -> new Request(kind, bytes(chat(variant % 2 == 0 ? ToolOutputs.buildLog(variant)
                        : ToolOutputs.jsonRows(variant), "Summarise the failure.")), Credential.bearer(key));
                case SMALL -> new Request(kind, bytes(small(variant)), Credential.bearer(key));
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(ObjectNode n) throws com.fasterxml.jackson.core.JsonProcessingException {
        return mapper.writeValueAsBytes(n);
    }

    private ObjectNode chat(String toolOutput, String question) {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are an on-call assistant.");
        messages.addObject().put("role", "user").put("content", question);
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putNull("content");
        call.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "query_service").put("arguments", "{\"window\":\"1h\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", toolOutput);
        return r;
    }

    private ObjectNode messages(String toolOutput) {
        ObjectNode r = mapper.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 256);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Why did the build fail?");
        messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", "toolu_1").put("name", "read_build_log").putObject("input");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "toolu_1").put("content", toolOutput);
        return r;
    }

    private ObjectNode responses(String toolOutput) {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
        ArrayNode input = r.putArray("input");
        input.addObject().put("role", "user").put("content", "Where is the ledger reconciled?");
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "grep")
                .put("arguments", "{\"pattern\":\"client.fetch\"}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", toolOutput);
        return r;
    }

    private ObjectNode small(int variant) {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
        r.putArray("messages").addObject().put("role", "user").put("content", "What is " + variant + " + 2?");
        return r;
    }
}
