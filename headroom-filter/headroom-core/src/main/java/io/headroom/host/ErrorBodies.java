package io.headroom.host;

import io.headroom.ErrorType;
import java.nio.charset.StandardCharsets;

/**
 * The body of every error a host answers itself (413, 408, 503, ...):
 * {@code {"error":{"message":...,"type":...,"code":...}}}, the OpenAI shape, which also carries the
 * {@code type}/{@code message} pair of Headroom's own endpoints. Served as {@link #CONTENT_TYPE}.
 */
public final class ErrorBodies {
    public static final String CONTENT_TYPE = "application/json";

    private ErrorBodies() {
    }

    /** The 408 every host answers when a request body stopped arriving (silent or trickling sender). */
    public static byte[] bodyStoppedArriving() {
        return of(ErrorType.REQUEST_TIMEOUT, "the request body stopped arriving");
    }

    /** The JSON error body for {@code type}; {@code message} names no request content. */
    public static byte[] of(ErrorType type, String message) {
        String json = "{\"error\":{\"message\":\"" + escape(message) + "\",\"type\":\"" + type.wireName()
                + "\",\"code\":\"" + type.wireName() + "\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
