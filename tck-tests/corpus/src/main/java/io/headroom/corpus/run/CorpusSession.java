package io.headroom.corpus.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A stub upstream and the gateway started against it; runs corpus cases through them as often as asked. */
public final class CorpusSession implements AutoCloseable {
    private final StubUpstream upstream;
    private final GatewayProcess gatewayProcess;
    private final GatewayClient gateway;

    private CorpusSession(StubUpstream upstream, GatewayProcess gatewayProcess) {
        this.upstream = upstream;
        this.gatewayProcess = gatewayProcess;
        this.gateway = new GatewayClient(gatewayProcess.baseUrl());
    }

    /** Starts the stub upstream, then the gateway with {@code command} (a shell command), logging to {@code log}. */
    public static CorpusSession start(String command, Path log) throws IOException {
        StubUpstream upstream = new StubUpstream();
        try {
            return new CorpusSession(upstream, GatewayProcess.start(command, freePort(), upstream.baseUrl(), log));
        } catch (IOException | RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    /** Every case, then one streaming request built from the first Chat Completions case that compresses. */
    public RunReport run(List<CorpusCase> cases) {
        List<CaseResult> results = new ArrayList<>();
        CaseCheck caseCheck = new CaseCheck(gateway, upstream);
        for (CorpusCase c : cases) {
            results.add(caseCheck.check(c));
        }
        cases.stream()
                .filter(c -> CorpusCase.CHAT.equals(c.endpoint()) && !c.expects("unchanged"))
                .findFirst()
                .ifPresent(c -> results.add(new StreamCheck(gateway, upstream).check(c)));
        return new RunReport(results);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            gatewayProcess.close();
        } finally {
            upstream.close();
        }
    }
}
