package io.headroom.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;

/**
 * Whether an LLM request body is one JSON object, judged on syntax alone: the tokens are walked, nothing
 * is built. Size limits are lifted (a body Headroom passed for being over its own limits is still valid
 * JSON for the provider); only a malformed document is refused.
 */
final class JsonSyntax {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE) // the walk is iterative: depth costs no stack
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private JsonSyntax() {
    }

    /** Empty when {@code body} is one JSON object; else why not, naming a position, never echoing content. */
    static Optional<String> problem(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of("request body must be a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return Optional.of("request body has content after the JSON object");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("request body is not valid JSON (at byte "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? p.getLocation().getByteOffset() : -1) + ")");
        }
    }
}
