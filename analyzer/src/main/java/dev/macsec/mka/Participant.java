package dev.macsec.mka;

import dev.macsec.field.Bytes;

/**
 * One MKA participant (one MI) of a CA as seen in the capture. Read-only for callers; the tracker updates it.
 */
public final class Participant {
    final Bytes mi;
    final long sci;
    final long mac;
    final long firstFrame;
    int priority;
    int capability;
    boolean desired;
    boolean keyServer;
    boolean keyServerWithPeers;
    boolean delayProtect;
    boolean live;
    boolean lost;
    long lastFrame;
    long lastTimestamp;
    long lastMn = -1;
    long mkpdus;
    String keyName;
    /** Latest key reported in SAK Use: key server MI, KN, AN, and the lowest acceptable PN for it. */
    Bytes usesKsMi;
    long usesKn = -1;
    int usesAn = -1;
    long llpn;
    long llpnFrame;
    boolean installed;

    Participant(Bytes mi, long sci, long mac, long firstFrame) {
        this.mi = mi;
        this.sci = sci;
        this.mac = mac;
        this.firstFrame = firstFrame;
    }

    public Bytes mi() {
        return mi;
    }

    public long sci() {
        return sci;
    }

    /** Source MAC of its first MKPDU. */
    public long mac() {
        return mac;
    }

    public int keyServerPriority() {
        return priority;
    }

    public int macsecCapability() {
        return capability;
    }

    public boolean macsecDesired() {
        return desired;
    }

    /** Whether its latest MKPDU claimed Key Server. */
    public boolean keyServer() {
        return keyServer;
    }

    /** Whether another participant has listed it in a Live Peer List. */
    public boolean live() {
        return live;
    }

    /** Whether MKA Life Time passed without an MKPDU from it (and it did not come back). */
    public boolean lost() {
        return lost;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long lastFrame() {
        return lastFrame;
    }

    public long lastMn() {
        return lastMn;
    }

    public long mkpdus() {
        return mkpdus;
    }

    /** Name of the CAK that verified its MKPDUs, or null. */
    public String keyName() {
        return keyName;
    }

    String name() {
        return Names.participant(sci, mi);
    }

    /** One line for reports: SCI and MI, priority, key server or not, MKPDUs seen. */
    public String describe() {
        return name() + ", priority " + priority + (keyServer ? ", key server" : "") + ", " + mkpdus
                + (mkpdus == 1 ? " MKPDU" : " MKPDUs");
    }

    @Override
    public String toString() {
        return "Participant[" + describe() + "]";
    }
}
