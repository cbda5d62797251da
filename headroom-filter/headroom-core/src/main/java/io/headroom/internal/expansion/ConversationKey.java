package io.headroom.internal.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which conversation a request belongs to, from its body alone, the way the original project tells them
 * apart: a working directory named in the system prompt ({@code Primary working directory:},
 * {@code Working directory:}, {@code cwd:}, as Claude Code and Codex write it) identifies the workspace;
 * otherwise the model and the start of the system prompt (the original's session id), to which we add the
 * start of the first user message so that two conversations of one application with one system prompt are
 * not mixed. Every key is prefixed by the CCR scope: a tenant never sees another tenant's conversation.
 */
final class ConversationKey {
    /** What the original reads of the system prompt and (our addition) of the first user message. */
    static final int PREFIX_CHARS = 500;
    private static final String[] CWD_PREFIXES = {"Primary working directory:", "Working directory:", "cwd:"};

    private ConversationKey() {
    }

    static String of(Endpoint endpoint, ObjectNode root, String scope) {
        String system = systemText(endpoint, root);
        String cwd = workingDirectory(system);
        String identity = cwd != null
                ? "cwd\u0000" + stripTrailingSlashes(cwd)
                : "session\u0000" + text(root.get("model")) + "\u0000" + head(system) + "\u0000"
                        + head(firstUserText(endpoint, root));
        return (scope == null ? "" : scope) + "\u0000" + sha256(identity);
    }

    static String workingDirectory(String system) {
        if (system == null) {
            return null;
        }
        for (String prefix : CWD_PREFIXES) {
            int at = system.indexOf(prefix);
            if (at < 0) {
                continue;
            }
            int start = at + prefix.length();
            int end = system.indexOf('\n', start);
            String dir = (end < 0 ? system.substring(start) : system.substring(start, end)).strip();
            if (!dir.isEmpty()) {
                return dir;
            }
        }
        return null;
    }

    private static String systemText(Endpoint endpoint, ObjectNode root) {
        return switch (endpoint) {
            case ANTHROPIC_MESSAGES -> contentText(root.get("system"));
            case OPENAI_RESPONSES -> root.path("instructions").isTextual()
                    ? root.get("instructions").textValue() : firstWithRole(root.get("input"), "system", "developer");
            case OPENAI_CHAT -> firstWithRole(root.get("messages"), "system", "developer");
        };
    }

    private static String firstUserText(Endpoint endpoint, ObjectNode root) {
        JsonNode list = endpoint == Endpoint.OPENAI_RESPONSES ? root.get("input") : root.get("messages");
        if (list != null && list.isTextual()) {
            return list.textValue(); // a Responses input given as one string
        }
        return firstWithRole(list, "user");
    }

    private static String firstWithRole(JsonNode messages, String... roles) {
        if (messages == null || !messages.isArray()) {
            return "";
        }
        for (JsonNode m : messages) {
            String role = m.path("role").asText("");
            for (String r : roles) {
                if (r.equals(role)) {
                    return contentText(m.get("content"));
                }
            }
        }
        return "";
    }

    /** A string content, or the first text part of a content array. */
    static String contentText(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                return part.get("text").textValue();
            }
        }
        return "";
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : "";
    }

    private static String head(String s) {
        return s.length() <= PREFIX_CHARS ? s : s.substring(0, PREFIX_CHARS);
    }

    private static String stripTrailingSlashes(String dir) {
        int end = dir.length();
        while (end > 1 && (dir.charAt(end - 1) == '/' || dir.charAt(end - 1) == '\\')) {
            end--;
        }
        return dir.substring(0, end);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
