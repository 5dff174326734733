package dev.macsec.keys;

import dev.macsec.field.FieldFormat;
import dev.macsec.suite.CipherSuite;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One SAK from a keys file or the command line. Without an SCI or AN the SAK is tried on any SC or AN.
 * The cipher suite is carried as its 802.1AE name and 64-bit identifier; XPN suites also carry the SSCI
 * and Salt. {@code toString} never shows key bytes.
 */
public final class SakEntry {
    static final String SUITE_NAMES = java.util.Arrays.stream(CipherSuite.values())
            .map(CipherSuite::standardName).collect(java.util.stream.Collectors.joining(", "));

    private final int number;
    private final byte[] sak;
    private final CipherSuite suite;
    private final Long sci;
    private final Integer an;
    private final Long nextPn;
    private final Long ssci;
    private final byte[] salt;

    SakEntry(int number, byte[] sak, CipherSuite suite, Long sci, Integer an, Long nextPn, Long ssci, byte[] salt) {
        this.number = number;
        this.sak = sak.clone();
        this.suite = suite;
        this.sci = sci;
        this.an = an;
        this.nextPn = nextPn;
        this.ssci = ssci;
        this.salt = salt == null ? null : salt.clone();
    }

    static CipherSuite suiteNamed(String name) {
        return CipherSuite.byName(name);
    }

    static CipherSuite suiteForLength(int octets) {
        return octets == 16 ? CipherSuite.GCM_AES_128 : octets == 32 ? CipherSuite.GCM_AES_256 : null;
    }

    /** 1-based position in the list it came from, as shown by {@code toString}. */
    public int number() {
        return number;
    }

    public byte[] sak() {
        return sak.clone();
    }

    public int keyBits() {
        return sak.length * 8;
    }

    public CipherSuite cipherSuite() {
        return suite;
    }

    /** The key as the data path uses it (with SSCI and salt for the XPN suites), labelled for display. */
    public dev.macsec.crypto.SaKey saKey() {
        dev.macsec.crypto.SaKey key = suite.xpn()
                ? dev.macsec.crypto.SaKey.of(suite, sak, (int) (long) ssci, salt)
                : dev.macsec.crypto.SaKey.of(suite, sak);
        return key.withLabel("SAK#" + number);
    }

    /** The 802.1AE 64-bit cipher suite identifier, e.g. 0x0080C20001000001 for GCM-AES-128. */
    public long cipherSuiteId() {
        return suite.id();
    }

    public boolean xpn() {
        return suite.xpn();
    }

    public OptionalLong sci() {
        return sci == null ? OptionalLong.empty() : OptionalLong.of(sci);
    }

    public OptionalInt an() {
        return an == null ? OptionalInt.empty() : OptionalInt.of(an);
    }

    public OptionalLong nextPn() {
        return nextPn == null ? OptionalLong.empty() : OptionalLong.of(nextPn);
    }

    /** The 32-bit SSCI (XPN suites only). */
    public OptionalLong ssci() {
        return ssci == null ? OptionalLong.empty() : OptionalLong.of(ssci);
    }

    /** The 96-bit Salt (XPN suites only), or null. */
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    /**
     * The entries that name an SCI and AN, grouped by that SA in file order. Several keys for one SA are all kept (one
     * file may serve captures of one SCI/AN under different keys or cipher suites): each is tried on the SA's frames.
     */
    public static java.util.Collection<List<SakEntry>> bySa(List<SakEntry> saks) {
        java.util.Map<String, List<SakEntry>> bound = new java.util.LinkedHashMap<>();
        for (SakEntry e : saks) {
            if (e.sci != null && e.an != null) {
                bound.computeIfAbsent(e.sci + "/" + e.an, k -> new java.util.ArrayList<>()).add(e);
            }
        }
        return bound.values();
    }

    /** Whether this SAK may protect frames of SC {@code sci} with association number {@code an}. */
    public boolean appliesTo(long sci, int an) {
        return (this.sci == null || this.sci == sci) && (this.an == null || this.an == an);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SAK#").append(number).append('(').append(suite.standardName())
                .append(", ").append(keyBits()).append("-bit");
        if (sci != null) {
            b.append(", SCI ").append(FieldFormat.sci(sci));
        }
        if (an != null) {
            b.append(", AN ").append(an);
        }
        if (ssci != null) {
            b.append(", SSCI ").append(String.format("%08x", ssci));
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SakEntry e && number == e.number && Arrays.equals(sak, e.sak) && suite.equals(e.suite)
                && java.util.Objects.equals(sci, e.sci) && java.util.Objects.equals(an, e.an)
                && java.util.Objects.equals(nextPn, e.nextPn) && java.util.Objects.equals(ssci, e.ssci)
                && Arrays.equals(salt, e.salt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(number, suite, sci, an, ssci);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
