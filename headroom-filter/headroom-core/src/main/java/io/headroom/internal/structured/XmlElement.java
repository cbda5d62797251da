package io.headroom.internal.structured;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element as {@link XmlScanner} found it: its name as written, where it is in the text, what it holds. */
final class XmlElement {
    final String name;
    /** Index of its {@code <}. */
    final int start;
    /** Index just after the {@code >} that closes it (its end tag, or its own {@code />}). */
    int end;
    final Map<String, String> attributes = new LinkedHashMap<>(4);
    final List<XmlElement> children = new ArrayList<>(2);
    private StringBuilder text;

    XmlElement(String name, int start) {
        this.name = name;
        this.start = start;
    }

    void appendText(CharSequence s) {
        if (text == null) text = new StringBuilder();
        if (text.length() < ItemRow.MAX_VALUE_CHARS) text.append(s);
    }

    /** Its own character data (not its children's), trimmed; empty when it has none. */
    String text() {
        return text == null ? "" : text.toString().strip();
    }
}
