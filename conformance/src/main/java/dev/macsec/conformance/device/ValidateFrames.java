package dev.macsec.conformance.device;

import dev.macsec.error.InputException;

import java.util.Locale;

/** The validateFrames control of 802.1AE 10.7.8. */
public enum ValidateFrames {
    STRICT, CHECK, DISABLED;

    public String iprouteName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValidateFrames byName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown validateFrames '" + name + "' (expected strict, check or disabled)");
        }
    }
}
