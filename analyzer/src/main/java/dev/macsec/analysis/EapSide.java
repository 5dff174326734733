package dev.macsec.analysis;

import dev.macsec.decode.InnerFields;
import dev.macsec.decode.LinkLayer;
import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.eap.RadiusExperts;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.EapolFields;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.FieldFormat;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;
import dev.macsec.keys.Hex;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.EapTlsKeys;
import dev.macsec.keys.MskEntry;
import dev.macsec.keys.TlsKeyLog;
import dev.macsec.keys.RadiusCrypto;
import dev.macsec.keys.RadiusSecret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The analyzer's link to 802.1X authentication: follows EAPOL (Start, EAP, Logoff) and RADIUS in capture order into a
 * timeline and findings and, with RADIUS shared secrets, checks the RADIUS authenticators and takes the EAP MSK from
 * each Access-Accept's MS-MPPE keys, with the EAP-TLS Session-Id from the TLS hellos before it, for the MKA side to
 * derive the CAK/CKN (802.1X-2020 6.2.2).
 * <p>
 * One authentication at a time: the MSK of an Access-Accept goes with the latest hellos and station MACs seen before
 * it, as in a capture of one port.
 */
final class EapSide {
    /** Requests awaiting their response, at most this many (the oldest are forgotten). */
    private static final int MAX_PENDING = 1024;
    private static final int MAX_EVENTS = 1000;
    private static final int MAX_FINDINGS = 1000;

    private final List<RadiusSecret> secrets;
    private final MkaSide mka;
    private final boolean showKeys;
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    private final List<MkaSummary.Event> timeline = new ArrayList<>();
    private final List<MkaSummary.Finding> findings = new ArrayList<>();
    private final List<String> learned = new ArrayList<>();

    private final TlsKeyLog keyLog;
    private byte[] clientRandom;
    private byte[] serverRandom;
    /** The ServerHello's chosen version and cipher suite (0 before one). */
    private int tlsVersion;
    private int tlsCipherSuite;
    /** Whether an MSK was learned for the latest hellos (from RADIUS): the key log is then not needed. */
    private boolean mskForHellos;
    private int tlsType = EapFields.TYPE_TLS;
    private long supplicantMac;
    private long authenticatorMac;
    private int msks;
    /** The EAP-Success awaiting MKA: its frame and time, or -1. */
    private long successFrame = -1;
    private long successNanos;
    /** The EAPOL-Logoff of the EAP session's supplicant whose CA must end, or -1 (reported once). */
    private long logoffFrame = -1;
    private long logoffNanos;
    private long lastNanos;
    /** The CKNs (hex; for a 128- and a 256-bit CAK) the latest MSK derives for its two stations, and those stations. */
    private final Set<String> eapCkns = new HashSet<>();
    private long eapStation1;
    private long eapStation2;
    private final Set<String> cknReported = new HashSet<>();

    EapSide(List<RadiusSecret> secrets, TlsKeyLog keyLog, MkaSide mka, boolean showKeys) {
        this.secrets = List.copyOf(secrets);
        this.keyLog = keyLog;
        this.mka = mka;
        this.showKeys = showKeys;
    }

    /** Whether a frame that is neither MACsec nor EAPOL carries RADIUS: allocation-free, for every such frame. */
    static boolean isRadius(int linkType, byte[] b, int off, int len) {
        long inner = LinkLayer.innerEtherType(linkType, b, off, len);
        if (inner < 0) {
            return false;
        }
        int type = (int) (inner >>> 32);
        int ip = (int) inner;
        int end = off + len;
        int udp;
        if (type == 0x0800 && ip + 20 <= end && (b[ip] & 0xF0) == 0x40 && (b[ip + 9] & 0xFF) == 17
                && (Octets.u16(b, ip + 6) & 0x1FFF) == 0) {
            udp = ip + (b[ip] & 0x0F) * 4;
        } else if (type == 0x86DD && ip + 40 <= end && (b[ip + 6] & 0xFF) == 17) {
            udp = ip + 40;
        } else {
            return false;
        }
        return udp + 8 <= end && (RadiusFields.isRadiusPort(Octets.u16(b, udp)) || RadiusFields.isRadiusPort(Octets.u16(b, udp + 2)));
    }

    /** An EAPOL or RADIUS frame, decoded into {@code d}; analysis findings are added to it. */
    void onFrame(FrameRecord r, Dissection d) {
        lastNanos = Math.max(lastNanos, r.timestampNanos());
        checkMkaDeadline(r.number(), r.timestampNanos());
        FieldValue hello = d.first(EapFields.TLS_CLIENT_RANDOM);
        if (hello != null) {
            clientRandom = ((Bytes) hello.value()).octets();
            serverRandom = null;
            tlsVersion = 0;
            tlsCipherSuite = 0;
            mskForHellos = false;
            tlsType = (int) number(d.first(EapFields.TYPE));
        }
        hello = d.first(EapFields.TLS_SERVER_RANDOM);
        if (hello != null) {
            serverRandom = ((Bytes) hello.value()).octets();
            FieldValue version = d.first(EapFields.TLS_SELECTED_VERSION);
            FieldValue suite = d.first(EapFields.TLS_CIPHER_SUITE);
            tlsVersion = version == null ? 0 : (int) number(version);
            tlsCipherSuite = suite == null ? 0 : (int) number(suite);
        }
        if (d.first(RadiusFields.RADIUS) != null) {
            onRadius(r, d);
        } else if (d.first(EapolFields.TYPE) != null) {
            onEapol(r, d);
        }
    }

    /** An MKPDU: MKA has begun after the EAP-Success; its CKN is the EAP session's if it comes from one of its stations. */
    void onMkpdu(FrameRecord r, Dissection d) {
        checkMkaDeadline(r.number(), r.timestampNanos());
        long src = r.linkType() == LinkLayer.LINKTYPE_ETHERNET && r.capturedLength() >= 12
                ? Octets.u48(r.data(), r.offset() + 6) : 0;
        String ckn = r.mkpdu().ckn().hex();
        boolean station = src != 0 && (src == eapStation1 || src == eapStation2);
        if (successFrame >= 0) {
            event(r, "mka-started", "MKA: first MKPDU after the EAP-Success, from " + FieldFormat.mac(src) + ", CKN " + ckn
                    + (station ? eapCkns.contains(ckn) ? " (the EAP session's)" : " (not the EAP session's)" : ""));
            successFrame = -1;
        }
        if (logoffFrame >= 0 && station && eapCkns.contains(ckn)
                && r.timestampNanos() - logoffNanos > EapFindings.CA_AFTER_LOGOFF_NANOS) {
            finding(r.number(), EapFindings.CA_KEPT_AFTER_LOGOFF, "MKPDU from " + FieldFormat.mac(src) + " under the EAP "
                    + "session's CKN " + ckn + String.format(" %.3f s after the EAPOL-Logoff of frame %d: its CA was not "
                    + "torn down (802.1X-2020 12.5)", (r.timestampNanos() - logoffNanos) / 1e9, logoffFrame), d);
            logoffFrame = -1;
        }
        if (station && !eapCkns.contains(ckn) && cknReported.size() < MAX_FINDINGS && cknReported.add(src + "/" + ckn)) {
            finding(r.number(), EapFindings.CKN_NOT_FROM_EAP, "MKPDU from " + FieldFormat.mac(src) + " under CKN " + ckn
                    + ", not the one the EAP session of " + FieldFormat.mac(eapStation1) + " and "
                    + FieldFormat.mac(eapStation2) + " derives (802.1X-2020 6.2.2)", d);
        }
    }

    /** Any frame: an EAP-Success without MKA for {@link EapFindings#MKA_AFTER_SUCCESS_NANOS} is judged here. */
    void onTime(long frame, long nanos) {
        if (successFrame >= 0) {
            lastNanos = Math.max(lastNanos, nanos);
            checkMkaDeadline(frame, nanos);
        }
    }

    private void checkMkaDeadline(long frame, long nanos) {
        if (successFrame >= 0 && nanos - successNanos > EapFindings.MKA_AFTER_SUCCESS_NANOS) {
            noMka("in the 10 s after it");
        }
    }

    private void noMka(String when) {
        finding(successFrame, EapFindings.SUCCESS_WITHOUT_MKA, "EAP-Success in frame " + successFrame
                + " and no MKPDU " + when + ": MKA did not start (a MACsec port stays unsecured)", null);
        successFrame = -1;
    }

    void finish() {
        if (successFrame >= 0) {
            noMka("before the capture ended " + seconds(lastNanos - successNanos) + " later");
        }
    }

    private void onEapol(FrameRecord r, Dissection d) {
        long type = number(d.first(EapolFields.TYPE));
        long src = r.linkType() == LinkLayer.LINKTYPE_ETHERNET && r.capturedLength() >= 12
                ? Octets.u48(r.data(), r.offset() + 6) : 0;
        if (type == EapolDecoder.TYPE_START) {
            supplicantMac = src;
            event(r, "eapol-start", "EAPOL-Start from " + FieldFormat.mac(src));
            return;
        }
        if (type == EapolDecoder.TYPE_LOGOFF) {
            event(r, "eapol-logoff", "EAPOL-Logoff from " + FieldFormat.mac(src));
            if (src != 0 && (src == eapStation1 || src == eapStation2)) {
                logoffFrame = r.number();
                logoffNanos = r.timestampNanos();
            }
            if (successFrame >= 0) {
                noMka("before the EAPOL-Logoff of frame " + r.number());
            }
            finding(r.number(), EapFindings.LOGOFF, "EAPOL-Logoff from " + FieldFormat.mac(src)
                    + ": the supplicant ended its session (the authenticator ends its CA, 802.1X-2020 12.5)", d);
            return;
        }
        FieldValue code = d.first(EapFields.CODE);
        if (type != EapolDecoder.TYPE_EAP || code == null) {
            return;
        }
        long c = number(code);
        if (c == EapFields.RESPONSE) {
            supplicantMac = src;
            FieldValue identity = d.first(EapFields.IDENTITY);
            if (identity != null) {
                event(r, "eap-identity", "EAP Identity \"" + identity.display() + "\" from " + FieldFormat.mac(src));
            }
        } else if (c == EapFields.REQUEST || c == EapFields.SUCCESS || c == EapFields.FAILURE) {
            authenticatorMac = src;
        }
        if (c == EapFields.SUCCESS) {
            event(r, "eap-success", "EAP-Success from " + FieldFormat.mac(src)
                    + (supplicantMac != 0 ? " for " + FieldFormat.mac(supplicantMac) : ""));
            successFrame = r.number();
            successNanos = r.timestampNanos();
            fromKeyLog(r, d);
        } else if (c == EapFields.FAILURE) {
            event(r, "eap-failure", "EAP-Failure from " + FieldFormat.mac(src));
            finding(r.number(), EapFindings.AUTH_FAILED, "EAP-Failure from " + FieldFormat.mac(src)
                    + (supplicantMac != 0 ? " to " + FieldFormat.mac(supplicantMac) : "") + ": authentication failed", d);
        }
    }

    private void onRadius(FrameRecord r, Dissection d) {
        if (d.experts().stream().anyMatch(x -> x.code().equals(RadiusExperts.BAD_LENGTH.code())
                || x.code().equals(RadiusExperts.TRUNCATED.code()))) {
            return;
        }
        FieldValue layer = d.first(RadiusFields.RADIUS);
        int off = r.offset() + layer.offset();
        int code = (int) number(d.first(RadiusFields.CODE));
        int len = (int) number(d.first(RadiusFields.LENGTH));
        int id = (int) number(d.first(RadiusFields.ID));
        byte[] b = r.data();
        String src = endpoint(d, true);
        String dst = endpoint(d, false);
        boolean request = code == RadiusFields.ACCESS_REQUEST || code == RadiusFields.ACCOUNTING_REQUEST
                || code == 12 || code == 40 || code == 43;
        String name = RadiusFields.CODES.getOrDefault((long) code, "code " + code);
        FieldValue ma = d.first(RadiusFields.MESSAGE_AUTHENTICATOR);
        int maOffset = ma == null || ma.length() != 16 ? -1 : r.offset() + ma.offset();
        if (request) {
            if (pending.size() >= MAX_PENDING) {
                pending.remove(pending.keySet().iterator().next());
            }
            pending.put(src + ">" + dst + "#" + id, Arrays.copyOfRange(b, off + 4, off + 20));
            if (code == RadiusFields.ACCESS_REQUEST) {
                FieldValue user = d.first(RadiusFields.USER_NAME);
                FieldValue eapCode = d.first(EapFields.IDENTITY);
                if (eapCode != null) {
                    event(r, "radius-access-request", "RADIUS Access-Request id=" + id + " from " + src
                            + (user != null ? " for \"" + user.display() + "\"" : ""));
                }
            } else if (code == RadiusFields.ACCOUNTING_REQUEST) {
                FieldValue status = d.first(RadiusFields.ACCT_STATUS_TYPE);
                long s = status == null ? -1 : number(status);
                String what = s == 1 ? "Start" : s == 2 ? "Stop" : s == 7 ? "Accounting-On" : s == 8 ? "Accounting-Off"
                        : s == 3 ? "Interim-Update" : "status " + s;
                event(r, "radius-accounting", "RADIUS Accounting-Request " + what + " id=" + id + " from " + src);
            }
            if (secrets.isEmpty()) {
                return;
            }
            if (code == RadiusFields.ACCOUNTING_REQUEST) {
                if (verifying(s -> RadiusCrypto.accountingRequestOk(b, off, len, s.secret())) == null) {
                    finding(r.number(), RadiusExperts.ACCOUNTING_AUTHENTICATOR_WRONG, name + " id=" + id + " from "
                            + src + ": its Request Authenticator does not verify under any RADIUS secret given", d);
                }
            } else if (maOffset >= 0 && verifying(s -> RadiusCrypto.messageAuthenticatorOk(b, off, len, maOffset, null,
                    s.secret())) == null) {
                finding(r.number(), RadiusExperts.MESSAGE_AUTHENTICATOR_WRONG, name + " id=" + id + " from " + src
                        + ": its Message-Authenticator does not verify under any RADIUS secret given", d);
            }
            return;
        }
        byte[] requestAuthenticator = pending.remove(dst + ">" + src + "#" + id);
        if (code == RadiusFields.ACCESS_ACCEPT) {
            event(r, "radius-access-accept", "RADIUS Access-Accept id=" + id + " from " + src);
        } else if (code == RadiusFields.ACCESS_REJECT) {
            event(r, "radius-access-reject", "RADIUS Access-Reject id=" + id + " from " + src);
            finding(r.number(), EapFindings.AUTH_FAILED, "RADIUS Access-Reject id=" + id + " from " + src
                    + ": authentication failed", d);
        }
        if (secrets.isEmpty()) {
            return;
        }
        if (requestAuthenticator == null) {
            finding(r.number(), RadiusExperts.NO_REQUEST, name + " id=" + id + " from " + src + ": the capture holds no "
                    + "request it answers, so its authenticators cannot be checked", d);
            return;
        }
        RadiusSecret secret = verifying(s -> RadiusCrypto.responseAuthenticatorOk(b, off, len, requestAuthenticator,
                s.secret()));
        if (secret == null) {
            finding(r.number(), RadiusExperts.RESPONSE_AUTHENTICATOR_WRONG, name + " id=" + id + " from " + src
                    + ": its Response Authenticator does not verify under any RADIUS secret given", d);
            return;
        }
        if (maOffset >= 0 && !RadiusCrypto.messageAuthenticatorOk(b, off, len, maOffset, requestAuthenticator,
                secret.secret())) {
            finding(r.number(), RadiusExperts.MESSAGE_AUTHENTICATOR_WRONG, name + " id=" + id + " from " + src
                    + ": its Message-Authenticator does not verify under " + secret.label()
                    + ", which verifies its Response Authenticator", d);
        }
        if (code == RadiusFields.ACCESS_ACCEPT) {
            accept(r, d, requestAuthenticator, secret);
        }
    }

    /**
     * RFC 2548 keys of an Access-Accept: MSK = MS-MPPE-Recv-Key || MS-MPPE-Send-Key, as hostapd's
     * {@code ieee802_1x_get_keys} (src/ap/ieee802_1x.c) joins them into the authenticator's aaaEapKeyData.
     */
    private void accept(FrameRecord r, Dissection d, byte[] requestAuthenticator, RadiusSecret secret) {
        FieldValue recv = d.first(RadiusFields.MS_MPPE_RECV_KEY);
        FieldValue send = d.first(RadiusFields.MS_MPPE_SEND_KEY);
        if (recv == null || send == null) {
            return;
        }
        byte[] recvKey = RadiusCrypto.decryptMppeKey(((Bytes) recv.value()).octets(), requestAuthenticator, secret.secret());
        byte[] sendKey = RadiusCrypto.decryptMppeKey(((Bytes) send.value()).octets(), requestAuthenticator, secret.secret());
        if (recvKey == null || sendKey == null) {
            finding(r.number(), RadiusExperts.MPPE_KEY_UNDECRYPTABLE, "Access-Accept: an MS-MPPE key does not decrypt "
                    + "to a key under " + secret.label(), d);
            return;
        }
        byte[] msk = new byte[recvKey.length + sendKey.length];
        System.arraycopy(recvKey, 0, msk, 0, recvKey.length);
        System.arraycopy(sendKey, 0, msk, recvKey.length, sendKey.length);
        Arrays.fill(recvKey, (byte) 0);
        Arrays.fill(sendKey, (byte) 0);
        learn(r, msk, sessionId(), stationMacs(d), "the Access-Accept under " + secret.label(),
                "RADIUS frame " + r.number());
        Arrays.fill(msk, (byte) 0);
    }

    /**
     * An EAP-Success with no MSK from RADIUS for its session: with a TLS key log holding the session's secrets, the MSK
     * the TLS method exports (RFC 5216 2.3 for TLS 1.0-1.2, RFC 9190 2.3 for TLS 1.3), from the hellos' randoms and
     * the ServerHello's version and cipher suite.
     */
    private void fromKeyLog(FrameRecord r, Dissection d) {
        if (keyLog.isEmpty() || mskForHellos || clientRandom == null || serverRandom == null || tlsVersion == 0) {
            return;
        }
        if (!EapTlsKeys.supports(tlsVersion, tlsCipherSuite)) {
            event(r, "eap-keys", "TLS key log: no EAP-TLS key derivation for TLS version 0x"
                    + Integer.toHexString(tlsVersion) + ", cipher suite 0x" + Integer.toHexString(tlsCipherSuite));
            return;
        }
        java.util.Optional<EapTlsKeys.Material> m = EapTlsKeys.derive(tlsVersion, tlsCipherSuite, clientRandom,
                serverRandom, keyLog);
        if (m.isEmpty()) {
            event(r, "eap-keys", "TLS key log: no secret for the session of client random "
                    + Hex.format(clientRandom));
            return;
        }
        byte[] msk = m.get().msk();
        learn(r, msk, m.get().sessionId(), stationMacs(d), "the TLS key log (TLS version 0x"
                + Integer.toHexString(tlsVersion) + ", cipher suite 0x" + Integer.toHexString(tlsCipherSuite) + ")",
                "TLS key log, EAP-Success frame " + r.number());
        Arrays.fill(msk, (byte) 0);
    }

    /** An MSK learned (from RADIUS or a TLS key log): the CKNs it implies, and its CAK handed to MKA. */
    private void learn(FrameRecord r, byte[] msk, byte[] sessionId, long[] macs, String from, String entryName) {
        mskForHellos = true;
        String text = "MSK (" + msk.length + " octets) from " + from
                + (sessionId == null ? ", no EAP-TLS Session-Id (the TLS hellos are not in the capture)"
                : ", EAP Session-Id " + Hex.format(sessionId) + " from the TLS hellos") + (macs[0] != 0 ? " for " + FieldFormat.mac(macs[0])
                + " and " + FieldFormat.mac(macs[1]) : "");
        eapCkns.clear();
        eapStation1 = 0;
        eapStation2 = 0;
        if (sessionId != null && macs[0] != 0 && msk.length >= 32) {
            byte[] a = macBytes(macs[0]);
            byte[] b = macBytes(macs[1]);
            for (int bits : new int[] {128, 256}) {
                if (msk.length * 8 >= bits) {
                    eapCkns.add(Hex.format(KeyHierarchy.cknFromMsk(msk, sessionId, a, b, bits)));
                }
            }
            eapStation1 = macs[0];
            eapStation2 = macs[1];
        }
        if (msk.length >= 16 && msk.length <= 64) {
            MskEntry entry = new MskEntry(++msks, msk, sessionId == null ? new byte[0] : sessionId, entryName);
            mka.onEapKeys(r.number(), entry, macs[0], macs[1]);
        }
        learned.add(text + " (frame " + r.number() + ")" + (showKeys ? " = " + Hex.format(msk) : ""));
        event(r, "eap-keys", text);
    }

    private static byte[] macBytes(long mac) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (mac >>> (8 * (5 - i)));
        }
        return b;
    }

    /** RFC 5216 2.3: Session-Id = Type-Code || client.random || server.random (the TLS-based methods alike). */
    private byte[] sessionId() {
        if (clientRandom == null || serverRandom == null) {
            return null;
        }
        byte[] id = new byte[65];
        id[0] = (byte) tlsType;
        System.arraycopy(clientRandom, 0, id, 1, 32);
        System.arraycopy(serverRandom, 0, id, 33, 32);
        return id;
    }

    /** Supplicant and authenticator: Calling- and Called-Station-Id of the Access-Accept's, else EAPOL's, MACs. */
    private long[] stationMacs(Dissection d) {
        long calling = stationId(d.first(RadiusFields.CALLING_STATION_ID));
        long called = stationId(d.first(RadiusFields.CALLED_STATION_ID));
        if (calling != 0 && called != 0) {
            return new long[] {calling, called};
        }
        return supplicantMac != 0 && authenticatorMac != 0 ? new long[] {supplicantMac, authenticatorMac} : new long[] {0, 0};
    }

    /** RFC 3580 3.20/3.21: "00-10-A4-23-19-C0" (an authenticator's may add ":SSID"); 0 when not a MAC. */
    private static long stationId(FieldValue v) {
        if (v == null) {
            return 0;
        }
        String digits = v.display().split(":", 2)[0].replace("-", "").replace(".", "");
        if (digits.length() != 12) {
            digits = v.display().replace(":", "").replace("-", "");
        }
        if (digits.length() != 12) {
            return 0;
        }
        try {
            return Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private interface Check {
        boolean ok(RadiusSecret secret);
    }

    private RadiusSecret verifying(Check check) {
        for (RadiusSecret s : secrets) {
            if (check.ok(s)) {
                return s;
            }
        }
        return null;
    }

    private static String endpoint(Dissection d, boolean source) {
        FieldValue ip = d.first(source ? InnerFields.IP_SRC : InnerFields.IP_DST);
        if (ip == null) {
            ip = d.first(source ? InnerFields.IPV6_SRC : InnerFields.IPV6_DST);
        }
        FieldValue port = d.first(source ? InnerFields.UDP_SRCPORT : InnerFields.UDP_DSTPORT);
        String host = ip == null ? "?" : ip.display();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + (port == null ? "?" : port.display());
    }

    private void event(FrameRecord r, String kind, String text) {
        if (timeline.size() < MAX_EVENTS) {
            timeline.add(new MkaSummary.Event(r.number(), r.timestampNanos(), kind, text));
        }
    }

    private void finding(long frame, ExpertInfo info, String message, Dissection d) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(new MkaSummary.Finding(frame, info.severity().name(), info.code(), message));
        }
        if (d != null) {
            d.addExpert(info, message, -1, 0);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private static long number(FieldValue v) {
        return v == null ? -1 : (Long) v.value();
    }

    EapSummary summary() {
        return new EapSummary(List.copyOf(timeline), List.copyOf(findings), List.copyOf(learned));
    }
}
