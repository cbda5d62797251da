package io.headroom.internal.table;

/** The shapes of tabular text a tool prints; a compressed table is written back in the shape it came in. */
enum TableFormat {
    CSV("CSV"),
    TSV("TSV"),
    /** {@code | a | b |} with a {@code |---|---|} rule under the header. */
    MARKDOWN("markdown"),
    /** psql's aligned output: {@code  a | b } with a {@code ---+---} rule under the header. */
    PSQL("psql"),
    /** Box-drawn: {@code +---+} (mysql, tabulate) or {@code ┌───┐} borders. */
    BOX("box"),
    /** Columns aligned with spaces under a header ({@code ps}, {@code kubectl get}, {@code docker ps}, {@code df}). */
    FIXED_WIDTH("fixed-width");

    private final String label;

    TableFormat(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
