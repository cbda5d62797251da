package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One replaceable string field inside a parsed request: {@code owner[field]}. Replacing keeps the
 * field's position among its siblings, so the serialised object differs only in that value.
 */
public final class TextSlot {
    private final ObjectNode owner;
    private final String field;

    TextSlot(ObjectNode owner, String field) {
        this.owner = owner;
        this.field = field;
    }

    public String text() {
        return owner.path(field).asText();
    }

    public void replace(String text) {
        owner.put(field, text);
    }
}
