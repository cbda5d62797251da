package io.headroom.internal.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML text read as node trees with their positions, by SnakeYAML Engine configured for hostile input: at
 * most {@link #MAX_ALIASES} aliases to collections (an alias bomb fails at once; walks over what is
 * composed are bounded as well), no recursive keys, no
 * duplicate keys, a code-point limit. Nodes are composed, never constructed into Java objects, so no tag can
 * instantiate anything.
 */
final class YamlStream {
    static final int MAX_CHARS = 8 * 1024 * 1024;
    /** SnakeYAML's own default: real files (Helm values' merge keys) use a few dozen; the laughs need far more. */
    static final int MAX_ALIASES = 50;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(false)
            .setCodePointLimit(MAX_CHARS)
            .setUseMarks(true)
            .setParseComments(false)
            .build();

    /**
     * One document of the stream.
     *
     * @param root      its content, or null for an empty document
     * @param startLine the line of its {@code ---} when explicit, else of its first node (0-based)
     * @param explicit  whether it starts with {@code ---}
     */
    record Document(Node root, int startLine, boolean explicit) {
    }

    private YamlStream() {
    }

    /** The documents of {@code text}, or null when it is not YAML this reader accepts. */
    static List<Document> read(String text) {
        if (text.length() > MAX_CHARS || hasOtherLineBreaks(text)) return null;
        try {
            RecordingParser parser = new RecordingParser(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
            Composer composer = new Composer(SETTINGS, parser);
            List<Document> docs = new ArrayList<>();
            while (composer.hasNext()) {
                Node root = composer.next();
                DocumentStartEvent start = parser.lastDocumentStart;
                int line = start != null && start.isExplicit() ? line(start.getStartMark())
                        : root != null ? line(root.getStartMark()) : -1;
                if (line < 0) return null;
                docs.add(new Document(root, line, start != null && start.isExplicit()));
            }
            return docs;
        } catch (RuntimeException | StackOverflowError e) {
            return null; // YAMLException and friends: not YAML, or beyond the limits
        }
    }

    static int line(Optional<Mark> mark) {
        return mark.map(Mark::getLine).orElse(-1);
    }

    /**
     * Lines are counted by the parser and sliced by this package: both must agree, so texts with line breaks
     * other than {@code \n} and {@code \r\n} (a lone {@code \r}, NEL, LS, PS) are not read.
     */
    private static boolean hasOtherLineBreaks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) return true;
            if (c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** Passes events through to the composer, remembering the latest document start. */
    private static final class RecordingParser implements Parser {
        private final Parser delegate;
        DocumentStartEvent lastDocumentStart;

        RecordingParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return delegate.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event next() {
            Event e = delegate.next();
            if (e instanceof DocumentStartEvent d) lastDocumentStart = d;
            return e;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }
    }
}
