package io.headroom;

import java.util.Objects;

/**
 * A configuration value Headroom refuses, naming the option ({@link #option()}, e.g. {@code ccr.ttl-seconds}).
 * Thrown by the config builders the moment a value is set, by the property readers
 * ({@link HeadroomConfig#fromProperties}) and by the stages that can only check a value by using it (an
 * unusable {@code ccr.disk-path}). Its message reads {@code <option>: <detail>}.
 */
public class InvalidConfigException extends HeadroomException {
    private final String option;
    private final String detail;

    public InvalidConfigException(String option, String detail) {
        this(option, detail, null);
    }

    public InvalidConfigException(String option, String detail, Throwable cause) {
        super(ErrorType.CONFIGURATION_ERROR, Objects.requireNonNull(option, "option") + ": " + detail, cause);
        this.option = option;
        this.detail = detail;
    }

    /** The property name of the refused option, as servlet init-params spell it. */
    public String option() {
        return option;
    }

    /** What is wrong with the value, without the option name. */
    public String detail() {
        return detail;
    }

    /**
     * The same refusal under another name: for readers that know the option by a longer key (a tool
     * profile's {@code tool-profiles.<tool>.max-items-after-crush}) or by their own spelling.
     */
    public InvalidConfigException forOption(String otherOption) {
        return new InvalidConfigException(otherOption, detail, this);
    }
}
