package io.headroom.internal.table;

/** What a cell's text is: numbers become JSON numbers for the selection, so numeric outliers are seen. */
final class Cells {
    private Cells() {
    }

    /** {@code 42}, {@code -3.5}, {@code 1,234.50} or {@code 22%}: a number as tables print them. */
    static boolean isNumeric(String cell) {
        return number(cell) != null;
    }

    /** The cell's value as a number, or null when it is not one. */
    static Double number(String cell) {
        String s = cell.strip();
        if (s.endsWith("%")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty() || s.length() > 24) return null;
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) return null;
        boolean digit = false;
        boolean dot = false;
        StringBuilder plain = new StringBuilder(s.length());
        if (s.charAt(0) == '-') plain.append('-');
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
                plain.append(c);
            } else if (c == '.' && !dot) {
                dot = true;
                plain.append(c);
            } else if (c == ',' && digit && !dot) {
                continue; // thousands separator
            } else {
                return null;
            }
        }
        if (!digit) return null;
        try {
            return Double.parseDouble(plain.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
