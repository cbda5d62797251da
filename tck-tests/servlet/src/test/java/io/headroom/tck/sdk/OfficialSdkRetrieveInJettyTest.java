package io.headroom.tck.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.conformance.sdk.OfficialSdkAssertions;
import io.headroom.conformance.sdk.OfficialSdkScript;
import io.headroom.servlet.HeadroomFilter;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 acceptance for a library host: the official SDKs' stream helpers (openai
 * {@code chat.completions.stream()} and {@code responses.stream().finalResponse()}, {@code @anthropic-ai/sdk}
 * {@code messages.stream().finalMessage()}, from npm, the same script and checks as the gateway's
 * OfficialSdkRetrieveTest) against HeadroomFilter in embedded Jetty 12, in front of a servlet playing the provider
 * ({@link ProviderModelServlet}). Each first request goes out compressed with headroom_retrieve offered; the model
 * calls it; the filter answers the call from its own store, runs the servlet again with the original, and stitches
 * one stream the helper accepts. Needs node and npm on the PATH; fails, never skips, without them.
 */
class OfficialSdkRetrieveInJettyTest {
    static final String NEEDLE = "order-00057";
    private Server server;
    private Headroom headroom;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (headroom != null) {
            headroom.close();
        }
    }

    @Test
    void streamHelpersOfTheOfficialSdksGetTheFinalAnswerAndNeverTheRetrieveCall() throws Exception {
        String orders = orders();
        ProviderModelServlet model = new ProviderModelServlet(orders, NEEDLE);
        int port = start(model);

        JsonNode result = OfficialSdkScript.run(Path.of("target", "sdk-retrieve"), "http://127.0.0.1:" + port, orders);

        OfficialSdkAssertions.assertEveryHelperGotTheAnswer(result, model.answer());
        List<JsonNode> received = model.received();
        assertEquals(6, received.size(), "one first request and one follow-up per SDK helper: " + received);
        for (int i = 0; i < received.size(); i += 2) {
            String first = received.get(i).toString();
            assertFalse(first.contains(NEEDLE), "the first request went out compressed");
            assertTrue(first.contains("\"headroom_retrieve\""), "and offered the tool");
            assertTrue(received.get(i + 1).toString().contains(NEEDLE), "the follow-up carries the original");
        }
        assertEquals(3, headroom.stats().retrieveRounds(), "each helper's call was answered by the filter");
    }

    /** The filter as a library user registers it, in front of the provider servlet; HTTP/1.1 as Node's fetch speaks. */
    private int start(ProviderModelServlet model) throws Exception {
        headroom = Headroom.create(HeadroomConfig.defaults());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new HeadroomFilter(headroom)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(model), "/*");
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    /** 120 look-alike orders: the needle is an ordinary one, which compression drops (the gateway's fixture). */
    static String orders() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"order-%05d\",\"status\":\"shipped\",\"amount\":%d,\"region\":\"eu-west\"}", i, 40 + i % 7));
        }
        return sb.append(']').toString();
    }
}
