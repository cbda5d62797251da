package io.headroom.tck.tomcat;

import static io.headroom.conformance.ConformanceAssertions.assertCompressed;
import static io.headroom.conformance.ConformanceAssertions.assertForwardedAsSent;

import io.headroom.conformance.ConformanceClient;
import io.headroom.conformance.LlmRequests;
import io.headroom.conformance.Protocol;
import io.headroom.conformance.downstream.WebApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Servlet-only: init-params other than the contract's, read from a hand-written {@code WEB-INF/web.xml}
 * with three filters (optimize, audit, a high min-tokens-to-crush) on three prefixes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatWebXmlTest {
    private static final String JSON = "application/json";
    private Tomcat tomcat;
    private Path baseDir;
    private ConformanceClient client;

    @BeforeAll
    void deployWebApp() throws Exception {
        Path docBase = Path.of(TomcatWebXmlTest.class.getResource("/webapp/WEB-INF/web.xml").toURI())
                .getParent().getParent();
        baseDir = Files.createTempDirectory("headroom-tomcat-webxml");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", docBase.toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.start();
        client = new ConformanceClient(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()));
    }

    @AfterAll
    void undeploy() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        WebApp.deleteTree(baseDir);
    }

    @Test
    void optimizeFilterCompresses() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.post(Protocol.HTTP_1_1, "/api/v1/chat/completions", original, JSON), original);
    }

    @Test
    void auditInitParamForwardsOriginalBytes() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertForwardedAsSent(client.post(Protocol.HTTP_1_1, "/audit/v1/chat/completions", original, JSON), original);
    }

    @Test
    void modeHeaderOverridesTheAuditInitParam() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.post(Protocol.HTTP_1_1, "/audit/v1/chat/completions", original, JSON,
                "x-headroom-mode", "optimize"), original);
    }

    @Test
    void minTokensInitParamKeepsRequestsBelowItUnchanged() throws Exception {
        byte[] original = LlmRequests.responses();
        assertForwardedAsSent(client.post(Protocol.HTTP_1_1, "/strict/v1/responses", original, JSON), original);
    }
}
