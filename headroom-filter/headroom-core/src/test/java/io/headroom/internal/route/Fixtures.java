package io.headroom.internal.route;

import io.headroom.Endpoint;
import io.headroom.internal.engine.CorpusCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs of the router and its compressors, from src/test/resources/route. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String text(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/route/" + file)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus case copied from ../shared/corpus into the route fixtures. */
    public static CorpusCase corpus(String name) {
        try {
            var c = CorpusCase.MAPPER.readTree(text(name + ".json"));
            Endpoint endpoint = Endpoint.forPath(c.path("endpoint").asText("/v1/chat/completions")).orElseThrow();
            return new CorpusCase(name, endpoint, c.get("request"), c.path("expect"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first tool output of a copied corpus case. */
    public static String toolOutput(String corpusName) {
        return corpus(corpusName).toolOutputs().get(0);
    }
}
