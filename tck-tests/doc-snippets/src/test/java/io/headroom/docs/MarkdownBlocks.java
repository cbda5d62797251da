package io.headroom.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fenced code blocks of a Markdown page, each with the {@code <!-- snippet: ... -->} directive
 * that stands on the last non-blank line before its opening fence (if any).
 */
final class MarkdownBlocks {
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^\\s`]*)?.*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*snippet:(.*?)-->\\s*$");

    private MarkdownBlocks() {
    }

    static List<FencedBlock> of(Path page) {
        return parse(page, lines(page));
    }

    static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FencedBlock> parse(Path page, List<String> lines) {
        List<FencedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            String language = open.group(3) == null ? "" : open.group(3).toLowerCase();
            int end = closingFence(lines, i + 1, fence);
            StringBuilder text = new StringBuilder();
            for (int j = i + 1; j < end; j++) {
                text.append(lines.get(j)).append('\n');
            }
            blocks.add(new FencedBlock(page, language, i + 2, text.toString(), directiveBefore(page, lines, i)));
            i = end;
        }
        return blocks;
    }

    /** True for each line index that lies inside a fenced block (fences included). */
    static boolean[] insideFences(List<String> lines) {
        boolean[] inside = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (open.matches()) {
                int end = closingFence(lines, i + 1, open.group(2));
                for (int j = i; j <= Math.min(end, lines.size() - 1); j++) {
                    inside[j] = true;
                }
                i = end;
            }
        }
        return inside;
    }

    private static int closingFence(List<String> lines, int from, String fence) {
        for (int j = from; j < lines.size(); j++) {
            String line = lines.get(j).strip();
            if (line.startsWith(fence) && line.chars().allMatch(c -> c == fence.charAt(0))) {
                return j;
            }
        }
        return lines.size();
    }

    private static SnippetDirective directiveBefore(Path page, List<String> lines, int fenceIndex) {
        for (int j = fenceIndex - 1; j >= 0; j--) {
            String line = lines.get(j);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(line);
            return m.matches() ? SnippetDirective.parse(m.group(1), DocsTree.display(page) + ":" + (j + 1)) : null;
        }
        return null;
    }
}
