package io.headroom.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits prose into paragraphs and headings. Paragraphs are separated by blank lines; text without blank
 * lines is split per line. Fenced code blocks stay whole so a kept fence is never cut in half.
 */
public final class TextBlocks {

    private static final Pattern ATX_HEADING = Pattern.compile("#{1,6}\\s+\\S.*");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("(=+|-+)\\s*");
    private static final Pattern NUMBERED_TITLE = Pattern.compile("(\\d+\\.)+\\d*\\s+\\p{Lu}.{0,70}");

    private TextBlocks() {
    }

    public static List<TextBlock> split(String text) {
        String[] lines = text.split("\r?\n", -1);
        boolean hasBlankLines = false;
        for (String line : lines) {
            if (line.isBlank()) {
                hasBlankLines = true;
                break;
            }
        }
        List<TextBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                if (!inFence) flush(current, blocks);
                append(current, line);
                inFence = !inFence;
                if (!inFence) flush(current, blocks);
                continue;
            }
            if (inFence) {
                append(current, line);
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(current, blocks);
                continue;
            }
            boolean setext = i + 1 < lines.length && trimmed.length() <= 80
                    && SETEXT_UNDERLINE.matcher(lines[i + 1].strip()).matches() && lines[i + 1].strip().length() >= 3;
            if (setext) {
                flush(current, blocks);
                blocks.add(new TextBlock(line + "\n" + lines[i + 1], true));
                i++;
                continue;
            }
            if (isHeadingLine(trimmed)) {
                flush(current, blocks);
                blocks.add(new TextBlock(line, true));
                continue;
            }
            append(current, line);
            if (!hasBlankLines) flush(current, blocks);
        }
        flush(current, blocks);
        return blocks;
    }

    private static boolean isHeadingLine(String trimmed) {
        if (ATX_HEADING.matcher(trimmed).matches()) return true;
        if (trimmed.length() > 80) return false;
        // A short title-like line standing alone before a paragraph: "2.1 Configuration", "OVERVIEW".
        if (NUMBERED_TITLE.matcher(trimmed).matches() && !trimmed.endsWith(".")) return true;
        boolean allCaps = trimmed.chars().anyMatch(Character::isLetter)
                && trimmed.chars().noneMatch(Character::isLowerCase) && trimmed.length() >= 4;
        return allCaps && trimmed.split("\\s+").length <= 8;
    }

    private static void append(StringBuilder current, String line) {
        if (!current.isEmpty()) current.append('\n');
        current.append(line);
    }

    private static void flush(StringBuilder current, List<TextBlock> blocks) {
        if (!current.isEmpty()) {
            blocks.add(new TextBlock(current.toString(), false));
            current.setLength(0);
        }
    }
}
