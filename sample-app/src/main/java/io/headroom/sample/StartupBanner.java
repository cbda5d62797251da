package io.headroom.sample;

import io.headroom.Headroom;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * One line at startup: where the gateway listens, where it forwards, in which mode; then a WARN line for
 * each way the operator endpoints are exposed beyond this machine ({@link ExposureWarnings}). No secrets.
 */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    private final GatewayTargets targets;
    private final Headroom headroom;
    private final Config config;
    private final AdminAccess access;

    private final ProxyTokenGate proxyToken;

    public StartupBanner(GatewayTargets targets, Headroom headroom, Config config, AdminAccess access,
                         ProxyTokenGate proxyToken) {
        this.access = access;
        this.proxyToken = proxyToken;
        this.targets = targets;
        this.headroom = headroom;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String port = config.getOptionalValue(portKey, String.class).filter(p -> !p.equals("0")).orElse("<random port>");
        LOG.infof("Headroom gateway on http://%s:%s, mode %s: /v1/chat/completions and /v1/responses -> %s,"
                        + " /v1/messages -> %s",
                host, port, headroom.config().mode().wireName(),
                targets.openai().display(), targets.anthropic().display());
        ExposureWarnings.of(host, access.allowsRemote(), access.clients().hasTrustedProxies(),
                flag("quarkus.http.proxy.proxy-address-forwarding"), flag("quarkus.http.proxy.use-proxy-protocol"),
                        proxyToken.enabled())
                .forEach(LOG::warn);
    }

    private boolean flag(String name) {
        return config.getOptionalValue(name, Boolean.class).orElse(false);
    }
}
