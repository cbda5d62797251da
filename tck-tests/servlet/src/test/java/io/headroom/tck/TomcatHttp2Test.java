package io.headroom.tck;

/** The filter over cleartext HTTP/2 in embedded Tomcat 11. */
class TomcatHttp2Test extends H2cScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return TomcatContainer.withH2c();
    }
}
