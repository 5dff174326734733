package dev.macsec.conformance.device;

import dev.macsec.counter.SecYCounters;

import java.util.Map;

/**
 * A device that is not one of the adapters and offers no capability of its own: tests extend it with the
 * capability interfaces they need, to show that the suites ask for capabilities instead of an adapter class.
 */
public class StubDevice implements DeviceUnderTest {
    private final String description;
    private boolean closed;

    public StubDevice(String description) {
        this.description = description;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity("stub", description, Map.of());
    }

    @Override
    public void createSecY(SecYConfig config) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteSecY() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void installTxSa(SaConfig sa) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void installRxSc(long sci) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void installRxSa(long sci, SaConfig sa) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void configureIp(String cidr, String peerIp, String peerMac) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SecYCounters counters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closed = true;
    }
}
