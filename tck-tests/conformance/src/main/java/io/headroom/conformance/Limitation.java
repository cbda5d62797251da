package io.headroom.conformance;

/**
 * A behaviour a host documents it cannot provide (the rule: "if a host truly cannot rewrite a
 * body, the adapter says so once at start-up and the docs list it"). Declaring one never skips a test:
 * the contract asserts the documented fallback behaviour instead.
 */
public enum Limitation {
    /**
     * Requests over HTTP/2 reach the application exactly as sent (no rewrite, {@code x-headroom-compressed:
     * false}) instead of compressed, e.g. Quarkus REST before quarkusio/quarkus#34393 is fixed.
     */
    H2_REQUESTS_PASS_THROUGH,
    /**
     * The servlet container, not Headroom, bounds body reads: Headroom has no read limit there, so a body of any
     * length goes on as sent (unread past {@code max-body-bytes}), and a sender gone silent is cut off by the
     * container's idle timeout (Jetty {@code idleTimeout}, Tomcat {@code connectionTimeout}), not after
     * {@code body-read-timeout-ms}. The servlet filter, JAX-RS and Spring hosts.
     */
    CONTAINER_BOUNDS_BODY_READS,
    /**
     * Nothing in the host answers the model's {@code headroom_retrieve} calls, so Headroom does not offer the tool
     * (one INFO line at start-up says so): the upstream never sees the tool and the client gets the upstream's
     * answer as it came. The JAX-RS filter, and Quarkus applications whose downstream is a REST resource.
     */
    RETRIEVE_TOOL_NOT_OFFERED
}
