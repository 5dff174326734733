package dev.macsec.conformance.device;

import dev.macsec.counter.SecYCounters;
import java.io.IOException;
import java.util.Optional;

/**
 * A MACsec device under test, configured with static SAs (no MKA): one SecY on the port facing the
 * tester, its transmit SC and SAs, the receive SCs and SAs for the tester's SCI(s).
 * Operations throw {@link DeviceException} when the device refuses a configuration.
 */
public interface DeviceUnderTest extends AutoCloseable {

    /** What the device is (kind, model/kernel, software versions), for reports. */
    DeviceIdentity identity() throws IOException;

    /** Creates the SecY (replacing any this adapter created before). */
    void createSecY(SecYConfig config) throws IOException;

    /** Deletes the SecY, if any. */
    void deleteSecY() throws IOException;

    /** Installs a transmit SA and makes it the encoding SA. */
    void installTxSa(SaConfig sa) throws IOException;

    /** Creates a receive SC for frames carrying {@code sci}. */
    void installRxSc(long sci) throws IOException;

    /** Installs a receive SA on the receive SC {@code sci}. */
    void installRxSa(long sci, SaConfig sa) throws IOException;

    /**
     * Gives the SecY's controlled port an IPv4 address and a static neighbour entry for the tester so
     * the device answers ICMP echo requests with no ARP exchange first.
     *
     * @param cidr    the device's address, e.g. {@code 10.1.0.2/24}
     * @param peerIp  the tester's address
     * @param peerMac the tester's MAC address, {@code aa:bb:cc:dd:ee:ff}
     */
    void configureIp(String cidr, String peerIp, String peerMac) throws IOException;

    /**
     * The whole configuration of one test case at once: a fresh SecY (replacing any before, so counters
     * start at zero), its transmit SAs (the first is the encoding SA), receive SCs and SAs, and the
     * address. Adapters that pay per command (ssh, a VM's shell) do it in one round trip.
     */
    default void setUp(DeviceSetup s) throws IOException {
        createSecY(s.secY());
        // each becomes the encoding SA as it is installed: the first last, so that it stays the encoding SA without
        // being installed twice (a device refuses a second SA on the same AN)
        for (int i = s.txSas().size() - 1; i >= 0; i--) {
            installTxSa(s.txSas().get(i));
        }
        for (var e : s.rxSas().entrySet()) {
            installRxSc(e.getKey());
            for (SaConfig sa : e.getValue()) {
                installRxSa(e.getKey(), sa);
            }
        }
        if (s.cidr() != null) {
            configureIp(s.cidr(), s.peerIp(), s.peerMac());
        }
    }

    /** The SecY's counters now. */
    SecYCounters counters() throws IOException;

    /**
     * Zeroes the counters by deleting and re-creating the SecY, then re-installs the SCs, SAs (with
     * their initial PNs) and address configured since {@link #createSecY}.
     */
    void reset() throws IOException;

    /**
     * One of the device's optional abilities ({@link OwnLink}, {@link Liveness}, {@link KayControl}, {@link ManagedKay}), empty when
     * it has none: suites ask for what they need instead of knowing which adapter they hold.
     */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    void close();
}
