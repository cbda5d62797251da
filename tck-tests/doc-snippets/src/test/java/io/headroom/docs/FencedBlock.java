package io.headroom.docs;

import java.nio.file.Path;

/**
 * One fenced code block of a Markdown page.
 *
 * @param page      the page it is on
 * @param language  the info string's first word ({@code java}, {@code xml}, ...), lower case; "" if none
 * @param firstLine the page line (1-based) of the block's first content line
 * @param text      the content between the fences, with a trailing newline
 * @param directive the {@code <!-- snippet: ... -->} comment right before the fence, or null
 */
record FencedBlock(Path page, String language, int firstLine, String text, SnippetDirective directive) {

    /** {@code page:line} of the opening fence, as messages show it. */
    String location() {
        return DocsTree.display(page) + ":" + (firstLine - 1);
    }

    /** {@code page:line} of a line inside the block (1-based within the block). */
    String location(long lineInBlock) {
        return DocsTree.display(page) + ":" + (firstLine + lineInBlock - 1);
    }
}
