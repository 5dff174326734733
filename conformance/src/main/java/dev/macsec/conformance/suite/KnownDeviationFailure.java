package dev.macsec.conformance.suite;

import dev.macsec.secy.Deviation;

import java.util.List;

/**
 * The device departed from IEEE 802.1AE exactly as the Linux receive profile predicts: still a failure of
 * the device, labelled with the {@link Deviation}s that explain it.
 */
public class KnownDeviationFailure extends ConformanceFailure {
    private final List<Deviation> deviations;

    public KnownDeviationFailure(List<Deviation> deviations, String message) {
        super("known deviation: " + names(deviations) + "\n" + message);
        this.deviations = List.copyOf(deviations);
    }

    public List<Deviation> deviations() {
        return deviations;
    }

    public static String names(List<Deviation> ds) {
        return ds.isEmpty() ? "(combination)" : String.join(", ", ds.stream().map(Enum::name).toList());
    }
}
