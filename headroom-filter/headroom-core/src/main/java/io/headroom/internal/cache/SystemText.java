package io.headroom.internal.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One string field of a request that is system content: {@code owner[field]}. */
record SystemText(ObjectNode owner, String field) {
    String text() {
        return owner.path(field).asText();
    }

    void set(String text) {
        owner.put(field, text); // replacing keeps the field's position among its siblings
    }
}
