package io.headroom.host;

import java.util.Objects;

/**
 * A log line that cannot be lost. Headroom logs through SLF4J when the application has bound a provider
 * (Logback, Log4j 2, JBoss Logging, slf4j-simple, ...); a standalone Jetty or Tomcat often has none, and
 * SLF4J then drops every line without a word — among them the one WARN that says a request was
 * forwarded unchanged. Without a provider the lines go to {@link System.Logger} (java.util.logging by
 * default), which every JVM has. The choice is made once per JVM.
 *
 * <p>Messages use SLF4J's {@code {}} placeholders in both cases. Callers never pass request content or
 * credentials: only endpoints, sizes, class names and counts.
 */
public final class HeadroomLog {
    private static final boolean SLF4J_BOUND = slf4jBound();

    private final String name;
    private final org.slf4j.Logger slf4j;
    private final System.Logger system;

    private HeadroomLog(String name) {
        this.name = name;
        this.slf4j = SLF4J_BOUND ? org.slf4j.LoggerFactory.getLogger(name) : null;
        this.system = SLF4J_BOUND ? null : System.getLogger(name);
    }

    public static HeadroomLog of(Class<?> owner) {
        return new HeadroomLog(Objects.requireNonNull(owner, "owner").getName());
    }

    /** Whether the lines go to SLF4J (true) or to {@link System.Logger}. */
    public static boolean usesSlf4j() {
        return SLF4J_BOUND;
    }

    public String name() {
        return name;
    }

    public void error(String format, Object... args) {
        if (slf4j != null) {
            slf4j.error(format, args);
        } else if (system.isLoggable(System.Logger.Level.ERROR)) {
            system.log(System.Logger.Level.ERROR, format(format, args));
        }
    }

    public void warn(String format, Object... args) {
        if (slf4j != null) {
            slf4j.warn(format, args);
        } else if (system.isLoggable(System.Logger.Level.WARNING)) {
            system.log(System.Logger.Level.WARNING, format(format, args));
        }
    }

    public void info(String format, Object... args) {
        if (slf4j != null) {
            slf4j.info(format, args);
        } else if (system.isLoggable(System.Logger.Level.INFO)) {
            system.log(System.Logger.Level.INFO, format(format, args));
        }
    }

    public void debug(String format, Object... args) {
        if (slf4j != null) {
            slf4j.debug(format, args);
        } else if (system.isLoggable(System.Logger.Level.DEBUG)) {
            system.log(System.Logger.Level.DEBUG, format(format, args));
        }
    }

    /** Fills SLF4J-style {@code {}} placeholders in order; surplus arguments are ignored. */
    static String format(String format, Object... args) {
        if (args == null || args.length == 0 || format.indexOf("{}") < 0) {
            return format;
        }
        StringBuilder out = new StringBuilder(format.length() + 32);
        int from = 0;
        int arg = 0;
        for (int at = format.indexOf("{}"); at >= 0 && arg < args.length; at = format.indexOf("{}", from)) {
            out.append(format, from, at).append(args[arg++]);
            from = at + 2;
        }
        return out.append(format, from, format.length()).toString();
    }

    /**
     * True when an SLF4J provider is bound. SLF4J 2 falls back to its no-operation factory without a
     * provider (and 1.7 to a NOP factory of the same name); without slf4j-api at all the class is missing.
     */
    private static boolean slf4jBound() {
        try {
            String factory = org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
            return !factory.equals("org.slf4j.helpers.NOPLoggerFactory");
        } catch (LinkageError e) {
            return false;
        }
    }
}
