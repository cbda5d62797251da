package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ItemSearchTest {
    private final ItemSearch search = new ItemSearch();

    @Test
    void itemsOfAnArrayAnObjectAndPlainText() {
        assertEquals(List.of("{\"a\":1}", "plain", "[2]"), search.items(" [{\"a\": 1}, \"plain\", [2]] "));
        assertEquals(List.of("x", "y", "z"), search.items("{\"total\": 3, \"tags\": [\"t\"], \"results\": [\"x\", \"y\", \"z\"]}"));
        assertEquals(List.of("line one", "line two"), search.items("line one\n\n  \r\nline two\n"));
        assertEquals(List.of("[not json", "still not"), search.items("[not json\nstill not"));
    }

    @Test
    void ranksBestFirstAndDropsNonMatches() {
        String original = "[{\"path\":\"src/auth/middleware.py\"},{\"path\":\"src/billing/invoice.py\"},"
                + "{\"path\":\"src/auth/tokens.py\",\"note\":\"auth middleware helpers\"},{\"path\":\"README.md\"}]";
        List<String> matches = search.search(original, "auth middleware");
        assertEquals(2, matches.size(), matches.toString());
        assertTrue(matches.stream().allMatch(m -> m.contains("auth")));
        assertEquals(List.of(), search.search(original, "kubernetes"));
        assertEquals(List.of(), search.search(original, "  "));
        assertEquals(List.of(), search.search(original, null));
    }

    @Test
    void capsTheNumberOfMatches() {
        String lines = IntStream.range(0, 100).mapToObj(i -> "timeout on node " + i).collect(Collectors.joining("\n"));
        assertEquals(ItemSearch.MAX_MATCHES, search.search(lines, "timeout").size());
    }
}
