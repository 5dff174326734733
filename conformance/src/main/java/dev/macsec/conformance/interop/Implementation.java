package dev.macsec.conformance.interop;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.device.MkadMka;
import dev.macsec.conformance.device.WpaSupplicantMka;
import dev.macsec.suite.CipherSuite;

import java.util.EnumSet;
import java.util.Set;

/** The MKA implementations the interop matrix brings up against each other. */
public enum Implementation {
    /** Our Java participant, on the tester's link. */
    OURS("ours", "our participant", EnumSet.allOf(CipherSuite.class)),
    WPA_SUPPLICANT("wpa_supplicant", "wpa_supplicant 2.10", Set.of(CipherSuite.GCM_AES_128)),
    MKAD("mkad", "MKAdaemon e9fcfc1", EnumSet.allOf(CipherSuite.class));

    private final String id;
    private final String title;
    private final Set<CipherSuite> suites;

    Implementation(String id, String title, Set<CipherSuite> suites) {
        this.id = id;
        this.title = title;
        this.suites = suites;
    }

    /** How case names and the matrix name it. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The cipher suites it negotiates through MKA. */
    public Set<CipherSuite> cipherSuites() {
        return suites;
    }

    /** A daemon of this implementation on {@code ifname}, run through {@code shell}, its files in {@code dir}. */
    MkaDaemon daemon(CommandRunner shell, String ifname, String dir) {
        return switch (this) {
            case WPA_SUPPLICANT -> new WpaSupplicantMka(shell, ifname, dir);
            case MKAD -> new MkadMka(shell, ifname, dir);
            case OURS -> throw new IllegalArgumentException("our participant runs on the tester's link, not in the guest");
        };
    }

    public static Implementation byId(String id) {
        for (Implementation i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown MKA implementation '" + id + "'");
    }
}
