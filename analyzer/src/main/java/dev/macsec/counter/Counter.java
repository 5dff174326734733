package dev.macsec.counter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The counters of IEEE 802.1AE-2018 clause 10.7, each under its managed-object name and the managed objects that
 * keep it (the SecY, a receive or transmit SC, a receive or transmit SA: the tables of the standard's MIB, clause 13).
 * The declaration order is the order every view prints them in.
 */
public enum Counter {
    IN_PKTS_UNTAGGED("InPktsUntagged", Scope.SECY),
    IN_PKTS_NO_TAG("InPktsNoTag", Scope.SECY),
    IN_PKTS_BAD_TAG("InPktsBadTag", Scope.SECY),
    IN_PKTS_UNKNOWN_SCI("InPktsUnknownSCI", Scope.SECY),
    IN_PKTS_NO_SCI("InPktsNoSCI", Scope.SECY),
    IN_PKTS_OVERRUN("InPktsOverrun", Scope.SECY),
    IN_PKTS_OK("InPktsOK", Scope.RECEIVE_SC, Scope.RECEIVE_SA),
    IN_PKTS_UNCHECKED("InPktsUnchecked", Scope.RECEIVE_SC),
    IN_PKTS_DELAYED("InPktsDelayed", Scope.RECEIVE_SC),
    IN_PKTS_LATE("InPktsLate", Scope.RECEIVE_SC),
    IN_PKTS_INVALID("InPktsInvalid", Scope.RECEIVE_SC, Scope.RECEIVE_SA),
    IN_PKTS_NOT_VALID("InPktsNotValid", Scope.RECEIVE_SC, Scope.RECEIVE_SA),
    IN_PKTS_NOT_USING_SA("InPktsNotUsingSA", Scope.RECEIVE_SC, Scope.RECEIVE_SA),
    IN_PKTS_UNUSED_SA("InPktsUnusedSA", Scope.RECEIVE_SC, Scope.RECEIVE_SA),
    IN_OCTETS_VALIDATED("InOctetsValidated", Scope.RECEIVE_SC),
    IN_OCTETS_DECRYPTED("InOctetsDecrypted", Scope.RECEIVE_SC),
    OUT_PKTS_UNTAGGED("OutPktsUntagged", Scope.SECY),
    OUT_PKTS_TOO_LONG("OutPktsTooLong", Scope.SECY),
    OUT_PKTS_PROTECTED("OutPktsProtected", Scope.TRANSMIT_SC, Scope.TRANSMIT_SA),
    OUT_PKTS_ENCRYPTED("OutPktsEncrypted", Scope.TRANSMIT_SC, Scope.TRANSMIT_SA),
    OUT_OCTETS_PROTECTED("OutOctetsProtected", Scope.TRANSMIT_SC),
    OUT_OCTETS_ENCRYPTED("OutOctetsEncrypted", Scope.TRANSMIT_SC);

    /** The managed objects that keep counters. */
    public enum Scope {
        SECY, RECEIVE_SC, RECEIVE_SA, TRANSMIT_SC, TRANSMIT_SA
    }

    private static final Counter[] ALL = values();
    private static final Map<String, Counter> BY_NAME = Arrays.stream(ALL)
            .collect(Collectors.toUnmodifiableMap(Counter::managedObject, Function.identity()));
    private static final Map<Scope, List<Counter>> BY_SCOPE = Arrays.stream(Scope.values()).collect(
            Collectors.toUnmodifiableMap(Function.identity(), s -> Arrays.stream(ALL).filter(c -> c.in(s)).toList()));

    private final String managedObject;
    private final Set<Scope> scopes;

    Counter(String managedObject, Scope first, Scope... rest) {
        this.managedObject = managedObject;
        this.scopes = EnumSet.of(first, rest);
    }

    /** The name 802.1AE (and iproute2, and the kernel's statistics) gives it, as in the declarations above. */
    public String managedObject() {
        return managedObject;
    }

    public boolean in(Scope scope) {
        return scopes.contains(scope);
    }

    /** Counted on frames the SecY receives (the standard's In* names), else on frames it transmits (Out*). */
    public boolean received() {
        return managedObject.startsWith("In");
    }

    /** The counters a managed object of this scope keeps, in declaration order. */
    public static List<Counter> of(Scope scope) {
        return BY_SCOPE.get(scope);
    }

    /** The counter of that managed-object name (exact case), if 802.1AE has one. */
    public static Optional<Counter> named(String managedObject) {
        return Optional.ofNullable(BY_NAME.get(managedObject));
    }

    @Override
    public String toString() {
        return managedObject;
    }
}
