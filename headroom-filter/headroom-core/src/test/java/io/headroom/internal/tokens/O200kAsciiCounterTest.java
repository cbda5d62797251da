package io.headroom.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class O200kAsciiCounterTest {
    /** jtokkit's o200k pattern (EncodingFactory), compiled as jtokkit compiles it. */
    private static final Pattern O200K = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"), Pattern.UNICODE_CHARACTER_CLASS);
    /** Every ASCII class the pattern distinguishes, weighted towards the ones that interact. */
    private static final String ALPHABET = "aaeeiosstdlrmvAAESTDLRMV0123456789     \n\r\t\u000b\f'\"'{}[]:,./\\-_#$"
            + "\u0000\u0001\u001c\u001f\u007f";

    private final Encoding bpe = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private final O200kAsciiCounter counter = new O200kAsciiCounter(bpe);

    @Test
    void splitsRandomAsciiExactlyWhereThePatternDoes() {
        Random random = new Random(20261125);
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, 1 + random.nextInt(40));
            assertEquals(patternPieces(text), pieces(text), () -> "pieces of " + escape(text));
        }
    }

    @Test
    void countsRandomAsciiAsJtokkitDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random, 1 + random.nextInt(300));
            assertEquals(bpe.countTokensOrdinary(text), counter.count(text, 0, text.length()), () -> escape(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"db_rows_1000", "file_paths_800", "json_logs_1000", "metrics_720", "search_results_500",
            "anthropic_messages_600", "responses_api_800", "malformed_400"})
    void countsCorpusTextsAsJtokkitDoes(String name) throws IOException {
        for (String text : texts(name)) {
            assertEquals(bpe.countTokensOrdinary(TokenCounter.Tokenizer.wellFormed(text)),
                    counter.count(text, 0, text.length()), name);
            // windows as the sampler counts them: any start, the end treated as the end of the text
            for (int from = 0; from + 256 <= text.length(); from += 997) {
                String window = text.substring(from, from + 256);
                assertEquals(bpe.countTokensOrdinary(TokenCounter.Tokenizer.wellFormed(window)),
                        counter.count(text, from, from + 256), name + " window at " + from);
            }
        }
    }

    @Test
    void handsNonAsciiTextToJtokkit() {
        for (String text : List.of("naïve café", "日本語のテキスト", "emoji 🙂 here", "lone \ud800 surrogate")) {
            assertEquals(bpe.countTokensOrdinary(TokenCounter.Tokenizer.wellFormed(text)),
                    counter.count(text, 0, text.length()), text);
        }
    }

    @Test
    void repeatedPiecesCountTheSameFromTheCache() {
        String row = "{\"id\": 17, \"status\": \"ok\", \"latency_ms\": 39.5}, ";
        String text = row.repeat(200);
        int first = counter.count(text, 0, text.length());
        assertEquals(bpe.countTokensOrdinary(text), first);
        assertEquals(first, counter.count(text, 0, text.length()));
    }

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = O200kAsciiCounter.pieceEnd(text, i, text.length());
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    private static List<String> patternPieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = O200K.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** The tool outputs and message texts of one corpus case. */
    private static List<String> texts(String name) throws IOException {
        try (InputStream in = O200kAsciiCounterTest.class.getResourceAsStream("/crush/" + name + ".json")) {
            List<String> out = new ArrayList<>();
            collect(new ObjectMapper().readTree(in), out);
            return out;
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual() && node.textValue().length() > 20) out.add(node.textValue());
        node.forEach(child -> collect(child, out));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return sb.toString();
    }
}
