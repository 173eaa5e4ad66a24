package dev.lockcheck.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Finding severity, ordered from most to least severe. Serialised in lower case. */
public enum Severity {
    ERROR, WARNING, NOTE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at or above {@code threshold} (ERROR is above WARNING). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    @JsonCreator
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.id().equals(s.trim().toLowerCase(Locale.ROOT))) return v;
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected error, warning or note)");
    }
}
