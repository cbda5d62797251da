package io.headroom.host;

import java.util.Locale;

/**
 * Decides from a request's {@code Content-Type} whether its body is JSON Headroom may rewrite: a JSON
 * media type ({@code application/json} or any {@code +json}) in UTF-8. A missing header is accepted
 * (LLM clients post JSON to these endpoints, and the parser rejects anything else); any other media
 * type, or a charset other than UTF-8, means the body is forwarded untouched.
 */
public final class JsonContentType {
    private JsonContentType() {
    }

    public static boolean rewritable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String[] parts = contentType.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = p.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
