package dev.macsec.decode;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/** The anomalies of the frame inside the protection (the decrypted or integrity-only user data). */
public final class InnerExperts {
    private InnerExperts() {
    }

    public static final ExpertInfo INNER_TRUNCATED = ExpertInfo.declare("inner.truncated", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1AE-2018 10.7", "The user data is shorter than an Ethernet header");
    public static final ExpertInfo IP_TRUNCATED = ExpertInfo.declare("ip.truncated", ExpertGroup.MALFORMED,
            Severity.WARN, "RFC 791 3.1", "The IPv4 header is cut short");
    public static final ExpertInfo IP_BOGUS = ExpertInfo.declare("ip.bogus", ExpertGroup.MALFORMED,
            Severity.WARN, "RFC 791 3.1", "Bogus IPv4 header: version, header length or total length impossible");
    public static final ExpertInfo IPV6_TRUNCATED = ExpertInfo.declare("ipv6.truncated", ExpertGroup.MALFORMED,
            Severity.WARN, "RFC 8200 3", "The IPv6 header is cut short");
    public static final ExpertInfo ARP_TRUNCATED = ExpertInfo.declare("arp.truncated", ExpertGroup.MALFORMED,
            Severity.WARN, "RFC 826", "The ARP header is cut short");
}
