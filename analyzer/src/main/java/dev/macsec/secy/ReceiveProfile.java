package dev.macsec.secy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A named set of {@link Deviation}s: how a particular implementation receives frames.
 * <p>Both profiles: the overrun count never moves (an emulator cannot fall behind), and E=1,C=0 frames go to the
 * Uncontrolled Port without moving a counter (the standard names none for them; Linux returns them to
 * the real device).
 */
public record ReceiveProfile(String name, Set<Deviation> deviations) {
    /** IEEE 802.1AE-2018 as written. */
    public static final ReceiveProfile IEEE = new ReceiveProfile("ieee", EnumSet.noneOf(Deviation.class));
    /** Linux 6.1 drivers/net/macsec.c. */
    public static final ReceiveProfile LINUX = new ReceiveProfile("linux", EnumSet.allOf(Deviation.class));

    public ReceiveProfile {
        // copied, so that a caller's set changed later does not change the profile; the data path asks ReceivePolicy
        deviations = Collections.unmodifiableSet(deviations.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(deviations));
    }

    public boolean has(Deviation d) {
        return deviations.contains(d);
    }

    /** "ieee" or "linux" (case-insensitive); null when unknown. */
    public static ReceiveProfile byName(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "ieee" -> IEEE;
            case "linux" -> LINUX;
            default -> null;
        };
    }

    /** This profile with one deviation switched on or off (for tests and what-if runs). */
    public ReceiveProfile with(Deviation d, boolean on) {
        EnumSet<Deviation> s = deviations.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(deviations);
        if (on) {
            s.add(d);
        } else {
            s.remove(d);
        }
        return new ReceiveProfile(name + (on ? "+" : "-") + d.name().toLowerCase(Locale.ROOT), s);
    }
}
