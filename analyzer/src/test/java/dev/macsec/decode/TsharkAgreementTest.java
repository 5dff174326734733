package dev.macsec.decode;

import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.decode.mka.EapolFields;
import dev.macsec.decode.mka.MkaFields;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Field;
import dev.macsec.field.FieldValue;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs tshark over every bundled capture and compares each SecTAG and MKA field it prints with ours, frame by
 * frame. A field tshark leaves empty on a frame is not compared there (tshark did not decode it: e.g. the
 * implicit SCI, which tshark does not show; the SecTAG of a frame cut by the snapshot length; the ICV of an
 * integrity-only frame, which tshark 4.0 hands with the user data to the next dissector).
 */
class TsharkAgreementTest {

    /** How to read tshark's text for a field into the same canonical text as ours. */
    private enum As { NUMBER, OCTETS_NUMBER, BOOL, MAC, HEX, TEXT, IPV4 }

    /** {@code alsoOurs}: a field of ours whose values tshark lists under the same name, after {@code ours}'s. */
    private record Pair(String tshark, Field ours, As as, Field alsoOurs) {
        Pair(String tshark, Field ours, As as) {
            this(tshark, ours, as, null);
        }
    }

    private static final List<Pair> MACSEC = List.of(
            new Pair("macsec.TCI", MacsecFields.TCI, As.NUMBER),
            new Pair("macsec.TCI.V", MacsecFields.TCI_V, As.NUMBER),
            new Pair("macsec.TCI.ES", MacsecFields.TCI_ES, As.BOOL),
            new Pair("macsec.TCI.SC", MacsecFields.TCI_SC, As.BOOL),
            new Pair("macsec.TCI.SCB", MacsecFields.TCI_SCB, As.BOOL),
            new Pair("macsec.TCI.E", MacsecFields.TCI_E, As.BOOL),
            new Pair("macsec.TCI.C", MacsecFields.TCI_C, As.BOOL),
            new Pair("macsec.AN", MacsecFields.AN, As.NUMBER),
            new Pair("macsec.SL", MacsecFields.SL, As.NUMBER),
            new Pair("macsec.PN", MacsecFields.PN, As.NUMBER),
            new Pair("macsec.SCI.system_identifier", MacsecFields.SCI_SYSTEM, As.MAC),
            new Pair("macsec.SCI.port_identifier", MacsecFields.SCI_PORT, As.NUMBER),
            new Pair("macsec.etype", MacsecFields.ETYPE, As.NUMBER),
            new Pair("macsec.ICV", MacsecFields.ICV, As.HEX));

    private static final List<Pair> MKA = List.of(
            new Pair("mka.version_id", MkaFields.VERSION_ID, As.NUMBER),
            new Pair("mka.ks_prio", MkaFields.KS_PRIO, As.NUMBER),
            new Pair("mka.key_server", MkaFields.KEY_SERVER, As.BOOL),
            new Pair("mka.macsec_desired", MkaFields.MACSEC_DESIRED, As.BOOL),
            new Pair("mka.macsec_capability", MkaFields.MACSEC_CAPABILITY, As.NUMBER),
            new Pair("mka.param_body_length", MkaFields.PARAM_BODY_LENGTH, As.NUMBER),
            new Pair("mka.param_set_type", MkaFields.PARAM_SET_TYPE, As.NUMBER),
            new Pair("mka.sci", MkaFields.SCI, As.OCTETS_NUMBER),
            new Pair("mka.actor_mi", MkaFields.ACTOR_MI, As.HEX),
            new Pair("mka.actor_mn", MkaFields.ACTOR_MN, As.OCTETS_NUMBER),
            new Pair("mka.algo_agility", MkaFields.ALGO_AGILITY, As.NUMBER),
            new Pair("mka.cak_name", MkaFields.CAK_NAME, As.HEX),
            new Pair("mka.padding", MkaFields.PADDING, As.HEX),
            new Pair("mka.key_server_ssci", MkaFields.KEY_SERVER_SSCI, As.NUMBER),
            new Pair("mka.peer_mi", MkaFields.PEER_MI, As.HEX),
            new Pair("mka.peer_mn", MkaFields.PEER_MN, As.OCTETS_NUMBER),
            new Pair("mka.latest_key_an", MkaFields.LATEST_KEY_AN, As.NUMBER),
            new Pair("mka.latest_key_tx", MkaFields.LATEST_KEY_TX, As.BOOL),
            new Pair("mka.latest_key_rx", MkaFields.LATEST_KEY_RX, As.BOOL),
            new Pair("mka.old_key_an", MkaFields.OLD_KEY_AN, As.NUMBER),
            new Pair("mka.old_key_tx", MkaFields.OLD_KEY_TX, As.BOOL),
            new Pair("mka.old_key_rx", MkaFields.OLD_KEY_RX, As.BOOL),
            new Pair("mka.plain_tx", MkaFields.PLAIN_TX, As.BOOL),
            new Pair("mka.plain_rx", MkaFields.PLAIN_RX, As.BOOL),
            new Pair("mka.delay_protect", MkaFields.DELAY_PROTECT, As.BOOL),
            new Pair("mka.latest_key_server_mi", MkaFields.LATEST_KEY_SERVER_MI, As.HEX),
            new Pair("mka.latest_key_number", MkaFields.LATEST_KEY_NUMBER, As.OCTETS_NUMBER),
            // tshark 4.0 gives the XPN parameter set's upper halves (MKA v3, after SAK Use) the SAK Use fields' names
            new Pair("mka.latest_lowest_acceptable_pn", MkaFields.LATEST_LOWEST_PN, As.OCTETS_NUMBER,
                    MkaFields.LATEST_LOWEST_PN_MSB),
            new Pair("mka.old_key_server_mi", MkaFields.OLD_KEY_SERVER_MI, As.HEX),
            new Pair("mka.old_key_number", MkaFields.OLD_KEY_NUMBER, As.OCTETS_NUMBER),
            new Pair("mka.old_lowest_acceptable_pn", MkaFields.OLD_LOWEST_PN, As.OCTETS_NUMBER,
                    MkaFields.OLD_LOWEST_PN_MSB),
            new Pair("mka.distributed_an", MkaFields.DISTRIBUTED_AN, As.NUMBER),
            new Pair("mka.confidentiality_offset", MkaFields.CONFIDENTIALITY_OFFSET, As.NUMBER),
            new Pair("mka.key_number", MkaFields.KEY_NUMBER, As.OCTETS_NUMBER),
            new Pair("mka.macsec_cipher_suite", MkaFields.CIPHER_SUITE, As.NUMBER),
            new Pair("mka.aes_key_wrap_sak", MkaFields.AES_KEY_WRAP_SAK, As.HEX),
            new Pair("mka.aes_key_wrap_cak", MkaFields.AES_KEY_WRAP_CAK, As.HEX),
            new Pair("mka.kmd", MkaFields.KMD, As.HEX),
            new Pair("mka.suspension_time", MkaFields.SUSPENSION_TIME, As.NUMBER),
            new Pair("mka.icv", MkaFields.ICV, As.HEX));

    /** EAPOL, EAP (in EAPOL and, reassembled from its EAP-Message attributes, in RADIUS) and RADIUS. */
    private static final List<Pair> EAP = List.of(
            new Pair("eapol.version", EapolFields.VERSION, As.NUMBER),
            new Pair("eapol.type", EapolFields.TYPE, As.NUMBER),
            new Pair("eapol.len", EapolFields.LEN, As.NUMBER),
            new Pair("eap.code", EapFields.CODE, As.NUMBER),
            new Pair("eap.id", EapFields.ID, As.NUMBER),
            new Pair("eap.len", EapFields.LEN, As.NUMBER),
            new Pair("eap.type", EapFields.TYPE, As.NUMBER),
            new Pair("eap.identity", EapFields.IDENTITY, As.TEXT),
            new Pair("eap.notification", EapFields.NOTIFICATION, As.TEXT),
            new Pair("eap.desired_type", EapFields.DESIRED_TYPE, As.NUMBER),
            new Pair("eap.tls.flags", EapFields.TLS_FLAGS, As.NUMBER),
            new Pair("eap.tls.flags.len_included", EapFields.TLS_FLAG_L, As.BOOL),
            new Pair("eap.tls.flags.more_fragments", EapFields.TLS_FLAG_M, As.BOOL),
            new Pair("eap.tls.flags.start", EapFields.TLS_FLAG_S, As.BOOL),
            new Pair("eap.tls.flags.version", EapFields.TLS_FLAG_VERSION, As.NUMBER),
            new Pair("eap.tls.len", EapFields.TLS_LEN, As.NUMBER),
            new Pair("radius.code", RadiusFields.CODE, As.NUMBER),
            new Pair("radius.id", RadiusFields.ID, As.NUMBER),
            new Pair("radius.length", RadiusFields.LENGTH, As.NUMBER),
            new Pair("radius.authenticator", RadiusFields.AUTHENTICATOR, As.HEX),
            new Pair("radius.avp.type", RadiusFields.AVP_TYPE, As.NUMBER),
            new Pair("radius.avp.length", RadiusFields.AVP_LENGTH, As.NUMBER),
            new Pair("radius.avp.vendor_id", RadiusFields.AVP_VENDOR_ID, As.NUMBER),
            new Pair("radius.avp.vendor_type", RadiusFields.AVP_VENDOR_TYPE, As.NUMBER),
            new Pair("radius.avp.vendor_len", RadiusFields.AVP_VENDOR_LEN, As.NUMBER),
            new Pair("radius.User_Name", RadiusFields.USER_NAME, As.TEXT),
            new Pair("radius.NAS_IP_Address", RadiusFields.NAS_IP_ADDRESS, As.IPV4),
            new Pair("radius.NAS_IPv6_Address", RadiusFields.NAS_IPV6_ADDRESS, As.TEXT),
            new Pair("radius.NAS_Port", RadiusFields.NAS_PORT, As.NUMBER),
            new Pair("radius.Service_Type", RadiusFields.SERVICE_TYPE, As.NUMBER),
            new Pair("radius.Framed_MTU", RadiusFields.FRAMED_MTU, As.NUMBER),
            new Pair("radius.Reply_Message", RadiusFields.REPLY_MESSAGE, As.TEXT),
            new Pair("radius.State", RadiusFields.STATE, As.HEX),
            new Pair("radius.Class", RadiusFields.CLASS, As.HEX),
            new Pair("radius.Vendor_Specific", RadiusFields.VENDOR_SPECIFIC, As.HEX),
            new Pair("radius.Session_Timeout", RadiusFields.SESSION_TIMEOUT, As.NUMBER),
            new Pair("radius.Called_Station_Id", RadiusFields.CALLED_STATION_ID, As.TEXT),
            new Pair("radius.Calling_Station_Id", RadiusFields.CALLING_STATION_ID, As.TEXT),
            new Pair("radius.NAS_Identifier", RadiusFields.NAS_IDENTIFIER, As.TEXT),
            new Pair("radius.Acct_Status_Type", RadiusFields.ACCT_STATUS_TYPE, As.NUMBER),
            new Pair("radius.Acct_Delay_Time", RadiusFields.ACCT_DELAY_TIME, As.NUMBER),
            new Pair("radius.Acct_Session_Id", RadiusFields.ACCT_SESSION_ID, As.TEXT),
            new Pair("radius.Acct_Authentic", RadiusFields.ACCT_AUTHENTIC, As.NUMBER),
            new Pair("radius.Acct_Session_Time", RadiusFields.ACCT_SESSION_TIME, As.NUMBER),
            new Pair("radius.Acct_Terminate_Cause", RadiusFields.ACCT_TERMINATE_CAUSE, As.NUMBER),
            new Pair("radius.NAS_Port_Type", RadiusFields.NAS_PORT_TYPE, As.NUMBER),
            new Pair("radius.Connect_Info", RadiusFields.CONNECT_INFO, As.TEXT),
            new Pair("radius.EAP_Message", RadiusFields.EAP_MESSAGE, As.HEX),
            new Pair("radius.Message_Authenticator", RadiusFields.MESSAGE_AUTHENTICATOR, As.HEX),
            new Pair("radius.MS_MPPE_Encryption_Policy", RadiusFields.MS_MPPE_ENCRYPTION_POLICY, As.NUMBER),
            new Pair("radius.MS_MPPE_Encryption_Types", RadiusFields.MS_MPPE_ENCRYPTION_TYPES, As.NUMBER),
            new Pair("radius.MS_MPPE_Send_Key", RadiusFields.MS_MPPE_SEND_KEY, As.HEX),
            new Pair("radius.MS_MPPE_Recv_Key", RadiusFields.MS_MPPE_RECV_KEY, As.HEX));

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> walk = Files.walk(ProjectFiles.root().resolve("pcaps"))) {
            return walk.filter(p -> p.toString().endsWith(".pcap")).sorted().toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> secTagFieldsAgreeWithTshark() throws IOException {
        Assumptions.assumeTrue(tsharkAvailable(), "tshark not installed");
        return captures().filter(f -> hasLayer(f, MacsecFields.MACSEC)).map(file -> DynamicTest.dynamicTest(
                ProjectFiles.root().relativize(file).toString(),
                () -> compare(file, MACSEC, "macsec")));
    }

    @TestFactory
    Stream<DynamicTest> mkaFieldsAgreeWithTshark() throws IOException {
        Assumptions.assumeTrue(tsharkAvailable(), "tshark not installed");
        return captures().filter(f -> hasLayer(f, MkaFields.MKA)).map(file -> DynamicTest.dynamicTest(
                ProjectFiles.root().relativize(file).toString(), () -> compare(file, MKA, "mka")));
    }

    @TestFactory
    Stream<DynamicTest> eapAndRadiusFieldsAgreeWithTshark() throws IOException {
        Assumptions.assumeTrue(tsharkAvailable(), "tshark not installed");
        return captures().filter(f -> hasLayer(f, EapFields.EAP) || hasLayer(f, RadiusFields.RADIUS))
                .map(file -> DynamicTest.dynamicTest(ProjectFiles.root().relativize(file).toString(),
                        () -> compare(file, EAP, "eap")));
    }

    private static boolean hasLayer(Path file, Field protocol) {
        try {
            CapturedFrames.Capture cap = CapturedFrames.read(file);
            FrameDecoder decoder = new FrameDecoder();
            for (CapturedFrames.Frame f : cap.frames()) {
                Dissection d = new Dissection();
                decoder.decode(f.meta(), cap.linkType(), f.data(), 0, f.data().length, d);
                if (d.first(protocol) != null) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(Path file, List<Pair> pairs, String protocol) throws Exception {
        Map<Long, Map<String, String>> theirs = tshark(file, pairs);
        CapturedFrames.Capture cap = CapturedFrames.read(file);
        FrameDecoder decoder = new FrameDecoder();
        List<Executable> checks = new ArrayList<>();
        int compared = 0;
        int judgeable = 0;
        for (CapturedFrames.Frame f : cap.frames()) {
            Dissection d = new Dissection();
            decoder.decode(f.meta(), cap.linkType(), f.data(), 0, f.data().length, d);
            if (d.experts().stream().noneMatch(e -> e.code().equals("sectag.snapped"))
                    && d.first(switch (protocol) {
                        case "mka" -> MkaFields.MKA;
                        case "eap" -> EapolFields.EAPOL;
                        default -> MacsecFields.MACSEC;
                    }) != null) {
                judgeable++;
            }
            Map<String, String> row = theirs.getOrDefault(f.meta().number(), Map.of());
            // tshark puts the ICV after SL octets even when SL is wrong; a SecY (and we) take the last 16 octets.
            boolean slBroken = d.experts().stream().anyMatch(e -> e.code().equals("sectag.short_length_mismatch"));
            for (Pair pair : pairs) {
                String t = row.getOrDefault(pair.tshark(), "");
                if (t.isEmpty() || (slBroken && pair.ours() == MacsecFields.ICV)) {
                    continue;
                }
                String expected = canonicalTshark(t, pair.as());
                List<FieldValue> ours = new ArrayList<>(d.all(pair.ours()));
                if (pair.alsoOurs() != null) {
                    ours.addAll(d.all(pair.alsoOurs()));
                }
                String actual = canonicalOurs(ours);
                compared++;
                String where = ProjectFiles.root().relativize(file) + " frame " + f.meta().number() + " " + pair.tshark();
                checks.add(() -> assertEquals(expected, actual, where));
            }
        }
        int total = compared;
        if (judgeable > 0) {
            checks.add(() -> assertTrue(total > 0, file + ": tshark decoded no " + protocol + " field to compare"));
        }
        System.out.println("tshark agreement " + protocol + " " + ProjectFiles.root().relativize(file) + ": " + total
                + " field values compared");
        assertAll(file.toString(), checks);
    }

    private static String canonicalTshark(String text, As as) {
        List<String> out = new ArrayList<>();
        for (String v : text.split(",")) {
            out.add(switch (as) {
                case NUMBER -> Long.toUnsignedString(v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16)
                        : Long.parseUnsignedLong(v));
                // tshark shows these as octets (FT_BYTES); they are big-endian numbers
                case OCTETS_NUMBER -> Long.toUnsignedString(Long.parseUnsignedLong(v.replace(":", ""), 16));
                case BOOL -> v.equals("1") || v.equalsIgnoreCase("true") ? "1" : "0";
                case MAC, HEX -> v.replace(":", "").toLowerCase(Locale.ROOT);
                case TEXT, IPV4 -> v;
            });
        }
        return String.join(",", out);
    }

    private static String canonicalOurs(List<FieldValue> values) {
        List<String> out = new ArrayList<>();
        for (FieldValue v : values) {
            Object o = v.value();
            out.add(switch (o) {
                case Boolean flag -> flag ? "1" : "0";
                case Bytes bytes -> bytes.hex();
                case Long n when v.field().type() == dev.macsec.field.FieldType.MAC -> String.format("%012x", n);
                case Long n when v.field().type() == dev.macsec.field.FieldType.IPV4 -> v.display();
                case Long n -> Long.toUnsignedString(n);
                default -> String.valueOf(o);
            });
        }
        return String.join(",", out);
    }

    private static Map<Long, Map<String, String>> tshark(Path file, List<Pair> pairs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=/t",
                "-E", "aggregator=,", "-e", "frame.number"));
        for (Pair p : pairs) {
            cmd.add("-e");
            cmd.add(p.tshark());
        }
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "tshark timed out on " + file);
        assertEquals(0, proc.exitValue(), "tshark failed on " + file);
        Map<Long, Map<String, String>> rows = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size() && i + 1 < cols.length; i++) {
                row.put(pairs.get(i).tshark(), cols[i + 1].trim());
            }
            rows.put(Long.parseLong(cols[0].trim()), row);
        }
        return rows;
    }

    private static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
