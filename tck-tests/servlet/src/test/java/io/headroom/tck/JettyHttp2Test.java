package io.headroom.tck;

/** The filter over cleartext HTTP/2 in embedded Jetty 12 (ee10). */
class JettyHttp2Test extends H2cScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return JettyContainer.withH2c();
    }
}
