package dev.macsec.capture;

/** Timestamp resolution of a classic pcap file, chosen by its magic number. */
public enum TimestampPrecision {
    MICROS(0xA1B2C3D4, 1_000),
    NANOS(0xA1B23C4D, 1);

    private final int magic;
    private final int nanosPerUnit;

    TimestampPrecision(int magic, int nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    public int magic() {
        return magic;
    }

    public int nanosPerUnit() {
        return nanosPerUnit;
    }

    public int unitsPerSecond() {
        return 1_000_000_000 / nanosPerUnit;
    }
}
