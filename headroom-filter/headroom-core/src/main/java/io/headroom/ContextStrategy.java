package io.headroom;

import java.util.Locale;

/** How a request that exceeds its token budget is cut down ({@code context.strategy}). */
public enum ContextStrategy {
    /** Score every droppable unit and drop the least valuable first (IntelligentContext). */
    INTELLIGENT("intelligent"),
    /** Drop the oldest droppable units first (RollingWindow). */
    ROLLING("rolling"),
    /** Never drop anything. */
    OFF("off");

    private final String wireName;

    ContextStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for anything but intelligent, rolling (rolling_window) or off */
    public static ContextStrategy parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "intelligent", "intelligent_context" -> INTELLIGENT;
            case "rolling", "rolling_window" -> ROLLING;
            case "off", "none", "disabled" -> OFF;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of intelligent, rolling, off");
        };
    }
}
