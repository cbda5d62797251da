package io.headroom;

/** The range checks the config builders run when a value is set; each failure names its option. */
final class Checks {
    private Checks() {
    }

    static <T> T present(String option, T value) {
        if (value == null) {
            throw new InvalidConfigException(option, "must be set");
        }
        return value;
    }

    static int nonNegative(String option, int value) {
        if (value < 0) throw invalid(option, value, "must be >= 0");
        return value;
    }

    static int positive(String option, int value) {
        if (value <= 0) throw invalid(option, value, "must be > 0");
        return value;
    }

    static long positive(String option, long value) {
        if (value <= 0) throw invalid(option, value, "must be > 0");
        return value;
    }

    /** Also refuses NaN. */
    static double positive(String option, double value) {
        if (!(value > 0)) throw invalid(option, value, "must be > 0");
        return value;
    }

    /** Also refuses NaN. */
    static double nonNegative(String option, double value) {
        if (!(value >= 0)) throw invalid(option, value, "must be >= 0");
        return value;
    }

    /** Also refuses NaN. */
    static double fraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) throw invalid(option, value, "must be between 0 and 1");
        return value;
    }

    static InvalidConfigException invalid(String option, Object value, String why) {
        return new InvalidConfigException(option, value + " " + why);
    }
}
