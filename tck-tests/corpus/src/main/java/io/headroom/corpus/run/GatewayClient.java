package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the gateway over HTTP/1.1 as an SDK would: JSON bodies with both providers' (fake) credentials. */
final class GatewayClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Answer(int status, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() throws IOException {
            return CorpusCase.MAPPER.readTree(response.body());
        }

        String bodyStart() {
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer post(String path, JsonNode body) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request(path, body)
                    .header("Authorization", "Bearer sk-test-not-real")
                    .header("x-api-key", "sk-ant-test-not-real")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A streaming POST: the body is read as it arrives. */
    HttpResponse<InputStream> postStreaming(String path, JsonNode body) throws IOException {
        try {
            return http.send(request(path, body).header("Authorization", "Bearer sk-test").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(CorpusCase.MAPPER.writeValueAsBytes(body)));
    }
}
