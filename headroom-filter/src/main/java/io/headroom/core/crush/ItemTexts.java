package io.headroom.core.crush;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The texts of an array's items ({@link ItemFacts}), each written the first time it is read. Sizing the budget
 * reads the texts of a deflate sample and of one item per pattern, a small part of a large array, so the
 * others are only measured. Not thread-safe: one per array.
 */
final class ItemTexts extends AbstractList<String> implements RandomAccess {
    private final List<JsonNode> items;
    private final String[] written;
    private final long totalLength;
    private final ItemFacts.Reader writer = new ItemFacts.Reader();

    /** @param facts the facts of {@code items}, in the same order (their text lengths) */
    ItemTexts(List<JsonNode> items, List<ItemFacts> facts) {
        this.items = items;
        this.written = new String[items.size()];
        long total = 0;
        for (ItemFacts f : facts) total += f.textLength();
        this.totalLength = total;
    }

    @Override
    public String get(int index) {
        String text = written[index];
        if (text == null) written[index] = text = writer.text(items.get(index));
        return text;
    }

    @Override
    public int size() {
        return written.length;
    }

    /** The sum of the texts' lengths, none of them written. */
    long totalLength() {
        return totalLength;
    }
}
