package dev.macsec.capture;

/** The container formats {@link CaptureReader} understands. */
public enum CaptureFormat {
    /** libpcap's classic format, microsecond or nanosecond timestamps, either byte order. */
    PCAP,
    /** pcap next generation (blocks, several interfaces and sections). */
    PCAPNG
}
