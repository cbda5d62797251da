package io.headroom.conformance;

import java.net.http.HttpClient;

/** The two wire protocols every case runs over. */
public enum Protocol {
    HTTP_1_1(HttpClient.Version.HTTP_1_1),
    /** Cleartext HTTP/2, reached by the JDK client's {@code Upgrade: h2c} on a body-less request. */
    H2C(HttpClient.Version.HTTP_2);

    private final HttpClient.Version version;

    Protocol(HttpClient.Version version) {
        this.version = version;
    }

    /** The JDK client version to ask for, and the one every response must come back with. */
    public HttpClient.Version version() {
        return version;
    }
}
