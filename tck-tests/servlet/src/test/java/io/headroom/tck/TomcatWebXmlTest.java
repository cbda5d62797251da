package io.headroom.tck;

import io.headroom.conformance.LlmRequests;

import static io.headroom.tck.FilterAssertions.assertCompressed;
import static io.headroom.tck.FilterAssertions.assertForwardedUntouched;

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

/** HeadroomFilter deployed by a real {@code WEB-INF/web.xml} and configured by its init-params. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatWebXmlTest {
    private Tomcat tomcat;
    private Path baseDir;
    private Client client;

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
        // only our web.xml: no container defaults (JSP, default servlet) and no classpath scanning
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", docBase.toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.start();
        client = new Client(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()));
    }

    @AfterAll
    void undeploy() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        TempDirs.delete(baseDir);
    }

    @Test
    void optimizeFilterCompresses() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.post("/api/v1/chat/completions", original), original);
    }

    @Test
    void auditInitParamForwardsOriginalBytes() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertForwardedUntouched(client.post("/audit/v1/chat/completions", original), original);
    }

    @Test
    void modeHeaderOverridesTheAuditInitParam() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.post("/audit/v1/chat/completions", original, "x-headroom-mode", "optimize"), original);
    }

    @Test
    void minTokensInitParamKeepsRequestsBelowItUnchanged() throws Exception {
        byte[] original = LlmRequests.responses();
        assertForwardedUntouched(client.post("/strict/v1/responses", original), original);
    }
}
