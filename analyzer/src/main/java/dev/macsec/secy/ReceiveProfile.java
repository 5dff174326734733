package dev.macsec.secy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
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
    /** Linux 6.1 drivers/net/macsec.c (Debian 12's cloud kernel). */
    public static final ReceiveProfile LINUX_6_1 = new ReceiveProfile("linux-6.1", EnumSet.allOf(Deviation.class));
    /**
     * Linux 6.12 drivers/net/macsec.c (Debian 13's cloud kernel, 6.12.117): the same nine deviations as 6.1. Measured:
     * the 802.1AE suite on 6.12 gave, in every one of its 202 cases, the counters and answered echoes 6.1 gives.
     */
    public static final ReceiveProfile LINUX_6_12 = new ReceiveProfile("linux-6.12", EnumSet.allOf(Deviation.class));
    /** "linux": Linux 6.1, the kernel the profile was first measured on. */
    public static final ReceiveProfile LINUX = LINUX_6_1;
    /** The Linux kernels measured, oldest first: one column each in the README's deviation table. */
    public static final List<ReceiveProfile> KERNELS = List.of(LINUX_6_1, LINUX_6_12);

    public ReceiveProfile {
        // copied, so that a caller's set changed later does not change the profile; the data path asks ReceivePolicy
        deviations = Collections.unmodifiableSet(deviations.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(deviations));
    }

    public boolean has(Deviation d) {
        return deviations.contains(d);
    }

    /** One of {@link #names()} (case-insensitive); null when unknown. */
    public static ReceiveProfile byName(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "ieee" -> IEEE;
            case "linux", "linux-6.1" -> LINUX_6_1;
            case "linux-6.12" -> LINUX_6_12;
            default -> null;
        };
    }

    /** The names {@link #byName} knows, for messages ("linux" is linux-6.1). */
    public static List<String> names() {
        return List.of("ieee", "linux-6.1", "linux-6.12", "linux");
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
