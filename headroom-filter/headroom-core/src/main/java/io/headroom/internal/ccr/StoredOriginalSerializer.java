package io.headroom.internal.ccr;

import io.headroom.CcrEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ehcache.spi.serialization.Serializer;
import org.ehcache.spi.serialization.SerializerException;

/**
 * Explicit binary form of a {@link StoredOriginal} (the value column of the persistent tier), instead of Java
 * serialization: stable across refactorings of the record, no class-loader lookups, no 64 KB
 * string limit.
 *
 * <p>Layout (big-endian): format byte {@value #FORMAT}; original; originalTokens, originalItemCount,
 * compressedItemCount (int each); toolName; createdAt seconds (long) and nanos (int); retrievals
 * (long); expiresAtMillis (long); since format 2, signature (a string). Format 1 values (no signature) are
 * still read. A string is a tag byte (0 null, 1 UTF-8, 2 UTF-16BE code units), a byte
 * length (int) and the bytes. UTF-16 is used only for a string holding an unpaired surrogate (JSON
 * allows {@code "\ud800"}), which UTF-8 cannot carry, so every original comes back identical.
 */
final class StoredOriginalSerializer implements Serializer<StoredOriginal> {
    static final byte FORMAT = 2;
    /** Before the signature was stored. */
    static final byte FORMAT_WITHOUT_SIGNATURE = 1;
    private static final byte NULL = 0;
    private static final byte UTF_8 = 1;
    private static final byte UTF_16 = 2;

    @Override
    public ByteBuffer serialize(StoredOriginal value) {
        CcrEntry e = value.entry();
        byte[] original = bytes(e.original());
        byte[] tool = e.toolName() == null ? null : bytes(e.toolName());
        byte[] signature = e.signature() == null ? null : bytes(e.signature());
        int size = 1 + stringSize(original) + 3 * Integer.BYTES + stringSize(tool)
                + Long.BYTES + Integer.BYTES + 2 * Long.BYTES + stringSize(signature);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        putString(out, e.original(), original);
        out.putInt(e.originalTokens()).putInt(e.originalItemCount()).putInt(e.compressedItemCount());
        putString(out, e.toolName(), tool);
        out.putLong(e.createdAt().getEpochSecond()).putInt(e.createdAt().getNano());
        out.putLong(value.retrievals()).putLong(value.expiresAtMillis());
        putString(out, e.signature(), signature);
        return out.flip();
    }

    @Override
    public StoredOriginal read(ByteBuffer in) {
        try {
            byte format = in.get();
            if (format != FORMAT && format != FORMAT_WITHOUT_SIGNATURE) {
                throw new SerializerException("unknown CCR value format " + format);
            }
            String original = getString(in);
            int tokens = in.getInt();
            int items = in.getInt();
            int kept = in.getInt();
            String tool = getString(in);
            Instant created = Instant.ofEpochSecond(in.getLong(), in.getInt());
            long retrievals = in.getLong();
            long expiresAt = in.getLong();
            String signature = format == FORMAT ? getString(in) : null;
            return new StoredOriginal(new CcrEntry(original, tokens, items, kept, tool, created, signature),
                    retrievals, expiresAt);
        } catch (RuntimeException e) {
            throw e instanceof SerializerException se ? se : new SerializerException("corrupt CCR value", e);
        }
    }

    @Override
    public boolean equals(StoredOriginal value, ByteBuffer binary) {
        return value.equals(read(binary));
    }

    /**
     * The entry alone, for the persistent tier, which keeps retrievals and expiry in columns of their own
     * (so counting a retrieval never rewrites the original): written with both set to 0.
     */
    byte[] entryBytes(CcrEntry entry) {
        ByteBuffer buffer = serialize(new StoredOriginal(entry, 0, 0));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The entry of what {@link #entryBytes} wrote. */
    CcrEntry entry(byte[] bytes) {
        return read(ByteBuffer.wrap(bytes)).entry();
    }

    /**
     * What {@link #serialize} would take for {@code entry}, without encoding it: the size quotas count. An
     * unpaired surrogate is counted as three bytes (the string is then really stored as UTF-16, a little
     * larger; close enough for a quota).
     */
    static long encodedSize(CcrEntry entry) {
        return 1 + 1 + Integer.BYTES + utf8Length(entry.original()) + 3 * Integer.BYTES
                + 1 + (entry.toolName() == null ? 0 : Integer.BYTES + utf8Length(entry.toolName()))
                + Long.BYTES + Integer.BYTES + 2 * Long.BYTES
                + 1 + (entry.signature() == null ? 0 : Integer.BYTES + utf8Length(entry.signature()));
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static byte[] bytes(String s) {
        return hasUnpairedSurrogate(s) ? utf16(s) : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Raw UTF-16BE code units: the JDK's UTF-16 encoder, too, would replace an unpaired surrogate. */
    private static byte[] utf16(String s) {
        byte[] out = new byte[s.length() * 2];
        ByteBuffer.wrap(out).asCharBuffer().put(s);
        return out;
    }

    private static int stringSize(byte[] bytes) {
        return 1 + (bytes == null ? 0 : Integer.BYTES + bytes.length);
    }

    private static void putString(ByteBuffer out, String s, byte[] bytes) {
        if (s == null) {
            out.put(NULL);
            return;
        }
        out.put(hasUnpairedSurrogate(s) ? UTF_16 : UTF_8).putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        byte tag = in.get();
        if (tag == NULL) {
            return null;
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new SerializerException("corrupt CCR value: string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return switch (tag) {
            case UTF_8 -> new String(bytes, StandardCharsets.UTF_8);
            case UTF_16 -> {
                if (length % 2 != 0) {
                    throw new SerializerException("corrupt CCR value: odd UTF-16 length");
                }
                yield ByteBuffer.wrap(bytes).asCharBuffer().toString();
            }
            default -> throw new SerializerException("corrupt CCR value: string tag " + tag);
        };
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
