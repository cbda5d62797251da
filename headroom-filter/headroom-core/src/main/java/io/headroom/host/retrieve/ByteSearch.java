package io.headroom.host.retrieve;

/** Finds a byte sequence in a body without decoding it (tool names, keys): the package's one search. */
final class ByteSearch {
    private ByteSearch() {
    }

    /** The first index of {@code needle} in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
