package dev.macsec.conformance.eap;

import dev.macsec.capture.PcapWriter;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.keys.RadiusCrypto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link RadiusRelay} as other implementations read its frames: tshark decodes its ARP reply and its answer frames
 * (checking the IPv4 and UDP checksums), FreeRADIUS answers the requests it forwards, and the answers' authenticators
 * verify under the shared secret (RFC 2865 3, RFC 3579 3.2). Needs tshark, and FreeRADIUS and openssl for the
 * relaying case; skips saying what is missing. No root.
 */
class RadiusRelayTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Harness.TESTER_MAC, the tester on the data link. */
    private static final byte[] OWN_MAC = HEX.parseHex("525400000001");
    private static final byte[] OWN_IP = {10, 1, 1, 1};
    private static final byte[] GUEST_MAC = HEX.parseHex("525400123456");
    private static final byte[] GUEST_IP = {10, 1, 0, 2};
    private static final String SECRET = "radius-relay-test";

    private static Path work;

    @BeforeAll
    static void workDir() throws IOException {
        work = Files.createTempDirectory("radius-relay-test");
    }

    @AfterAll
    static void delete() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void answersAnArpRequestForItsAddressAsTsharkReadsIt() throws Exception {
        assumeTrue(ToolMissingException.locate("tshark").isPresent(), "tshark is not installed (scripts/install-deps)");
        try (RadiusRelay relay = new RadiusRelay(OWN_MAC, OWN_IP, unusedServer())) {
            List<byte[]> out = relay.receive(Packets.arpRequest(GUEST_MAC, GUEST_IP, OWN_IP));
            assertNotNull(out);
            assertEquals(1, out.size());
            Path pcap = write("arp.pcap", out);
            assertEquals("10.1.1.1 is at 52:54:00:00:00:01\t52:54:00:12:34:56\t2\t10.1.0.2",
                    tshark(pcap, "_ws.col.Info", "eth.dst", "arp.opcode", "arp.dst.proto_ipv4").get(0));
            assertEquals(0, relay.forwarded());
        }
    }

    /** Odd and even payload lengths: the UDP checksum's last octet is padded with zero (RFC 1071). */
    @Test
    void udpFramesCarryChecksumsTsharkFindsGood() throws Exception {
        assumeTrue(ToolMissingException.locate("tshark").isPresent(), "tshark is not installed (scripts/install-deps)");
        List<byte[]> frames = new ArrayList<>();
        for (int len : new int[] {0, 1, 20, 333, 1400}) {
            byte[] payload = new byte[len];
            new Random(len).nextBytes(payload);
            frames.add(Packets.udpFrame(GUEST_MAC, OWN_MAC, OWN_IP, GUEST_IP, 40000 + len, 9, payload, 0, len));
        }
        List<String> lines = tshark(write("udp.pcap", frames), "-o", "ip.check_checksum:TRUE", "-o",
                "udp.check_checksum:TRUE", "ip.checksum.status", "udp.checksum.status", "udp.length",
                "ip.len", "ip.flags.df");
        assertEquals(List.of("1\t1\t8\t28\t1", "1\t1\t9\t29\t1", "1\t1\t28\t48\t1", "1\t1\t341\t361\t1",
                "1\t1\t1408\t1428\t1"), lines);
    }

    @Test
    void relaysAnAccessRequestToFreeRadiusAndItsChallengeBackToTheRequester() throws Exception {
        assumeTrue(ToolMissingException.locate("tshark").isPresent(), "tshark is not installed (scripts/install-deps)");
        FreeRadiusServer server;
        try {
            server = FreeRadiusServer.start(work.resolve("freeradius"), TestPki.create(work.resolve("pki")),
                    SECRET.getBytes(StandardCharsets.US_ASCII));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
            return;
        }
        byte[] otherMac = HEX.parseHex("525400123457");
        byte[] otherIp = {10, 1, 0, 3};
        try (server; RadiusRelay relay = new RadiusRelay(OWN_MAC, OWN_IP, server.authAddress());
             RadiusClient client = new RadiusClient(RadiusClient.Config.of(server.authAddress(), SECRET, GUEST_IP))) {
            byte[] authA = HEX.parseHex("00112233445566778899aabbccddeeff");
            byte[] authB = HEX.parseHex("ffeeddccbbaa99887766554433221100");
            byte[] requestA = client.accessRequest(17, authA, identityRequest(GUEST_MAC));
            byte[] requestB = client.accessRequest(42, authB, identityRequest(otherMac));
            assertEquals(List.of(), relay.receive(Packets.udpFrame(OWN_MAC, GUEST_MAC, GUEST_IP, OWN_IP, 40001, 1812,
                    requestA, 0, requestA.length)));
            assertEquals(List.of(), relay.receive(Packets.udpFrame(OWN_MAC, otherMac, otherIp, OWN_IP, 40002, 1812,
                    requestB, 0, requestB.length)));
            assertEquals(2, relay.forwarded());

            List<byte[]> answers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (answers.size() < 2 && System.nanoTime() < deadline) {
                answers.addAll(relay.poll());
                Thread.sleep(10);
            }
            assertEquals(2, answers.size(), relay + "\n" + server.logTail(30));
            assertEquals(2, relay.answered());
            assertTrue(relay.poll().isEmpty(), "nothing more");

            List<String> decoded = tshark(write("radius.pcap", answers), "-o", "ip.check_checksum:TRUE", "-o",
                    "udp.check_checksum:TRUE", "eth.src", "eth.dst", "ip.src", "ip.dst", "udp.srcport", "udp.dstport",
                    "ip.checksum.status", "udp.checksum.status", "radius.code", "radius.id");
            // the answers in whichever order FreeRADIUS gave them
            List<String> expected = List.of(
                    "52:54:00:00:00:01\t52:54:00:12:34:56\t10.1.1.1\t10.1.0.2\t1812\t40001\t1\t1\t11\t17",
                    "52:54:00:00:00:01\t52:54:00:12:34:57\t10.1.1.1\t10.1.0.3\t1812\t40002\t1\t1\t11\t42");
            assertEquals(expected, decoded.stream().sorted().toList());

            for (byte[] f : answers) {
                byte[] radius = Arrays.copyOfRange(f, Packets.UDP_OVERHEAD, f.length);
                int id = radius[1] & 0xFF;
                byte[] requestAuthenticator = id == 17 ? authA : authB;
                assertTrue(RadiusCrypto.responseAuthenticatorOk(radius, 0, radius.length, requestAuthenticator,
                        SECRET.getBytes(StandardCharsets.US_ASCII)), "Response Authenticator under the secret");
                // RadiusClient also checks the Message-Authenticator and reads the EAP-TLS Start
                Authenticator.Answer a = client.answer(radius, id, requestAuthenticator);
                assertNotNull(a, "RadiusClient accepts the relayed answer");
                assertEquals(Authenticator.Answer.Kind.CHALLENGE, a.kind());
                assertEquals(13, a.eap()[4], "EAP-TLS");
            }
        }
    }

    @Test
    void framesNotForTheRelayAreLeftAlone() throws Exception {
        try (RadiusRelay relay = new RadiusRelay(OWN_MAC, OWN_IP, unusedServer())) {
            byte[] request = new byte[20];
            request[0] = 1;
            request[3] = 20;
            assertNull(relay.receive(Packets.arpRequest(GUEST_MAC, GUEST_IP, new byte[] {10, 1, 1, 2})), "ARP for another");
            byte[] reply = Packets.arpRequest(GUEST_MAC, GUEST_IP, OWN_IP);
            reply[21] = 2;
            assertNull(relay.receive(reply), "an ARP reply");
            assertNull(relay.receive(Packets.udpFrame(OWN_MAC, GUEST_MAC, GUEST_IP, new byte[] {10, 1, 1, 2}, 40000,
                    1812, request, 0, 20)), "to another address");
            assertNull(relay.receive(Packets.udpFrame(HEX.parseHex("525400000002"), GUEST_MAC, GUEST_IP, OWN_IP, 40000,
                    1812, request, 0, 20)), "to another MAC");
            assertNull(relay.receive(Packets.udpFrame(OWN_MAC, GUEST_MAC, GUEST_IP, OWN_IP, 40000, 53, request, 0,
                    20)), "to another port");
            byte[] echo = Packets.echoRequest(GUEST_IP, OWN_IP, 1, 1, new byte[8]);
            byte[] icmp = new byte[12 + echo.length];
            System.arraycopy(OWN_MAC, 0, icmp, 0, 6);
            System.arraycopy(GUEST_MAC, 0, icmp, 6, 6);
            System.arraycopy(echo, 0, icmp, 12, echo.length);
            assertNull(relay.receive(icmp), "ICMP");
            byte[] eapol = Arrays.copyOf(icmp, 60);
            eapol[12] = (byte) 0x88;
            eapol[13] = (byte) 0x8e;
            assertNull(relay.receive(eapol), "EAPOL");
            assertNull(relay.receive(new byte[0]));
            assertEquals(0, relay.forwarded());
            assertEquals(0, relay.dropped());
        }
    }

    /** Each header field that gives a length or a fragment, wrong, and every truncation: dropped, never thrown. */
    @Test
    void malformedDatagramsAreDroppedWithoutThrowing() throws Exception {
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RadiusRelay relay = new RadiusRelay(OWN_MAC, OWN_IP, (InetSocketAddress) sink.getLocalSocketAddress())) {
            byte[] request = new byte[40];
            request[0] = 1;
            request[1] = 9;
            request[3] = 40;
            byte[] good = Packets.udpFrame(OWN_MAC, GUEST_MAC, GUEST_IP, OWN_IP, 40000, 1812, request, 0, 40);
            assertEquals(List.of(), relay.receive(good));
            assertEquals(1, relay.forwarded());
            sink.setSoTimeout(2000);
            DatagramPacket got = new DatagramPacket(new byte[100], 100);
            sink.receive(got);
            assertArrayEquals(request, Arrays.copyOf(got.getData(), got.getLength()), "the payload, unchanged");

            List<byte[]> bad = new ArrayList<>();
            bad.add(withIpField(good, 14, 0x46));        // IHL 24, claiming the UDP header as options
            bad.add(withIpField(good, 14, 0x4F));        // IHL 60 beyond the datagram
            bad.add(withIpField(good, 14, 0x44));        // IHL 16, below the minimum
            bad.add(withIp16(good, 16, 0xFFFF));         // total length beyond the frame
            bad.add(withIp16(good, 16, 25));             // total length cutting the UDP header
            bad.add(withIp16(good, 20, 0x2000));         // More Fragments
            bad.add(withIp16(good, 20, 0x0001));         // a later fragment
            bad.add(with16(good, 38, 0));                // UDP length 0
            bad.add(with16(good, 38, 7));                // UDP length below its header
            bad.add(with16(good, 38, 8 + 19));           // too short for RADIUS
            bad.add(with16(good, 38, 0xFFFF));           // UDP length beyond the datagram
            bad.add(with16(good, 24, 0x1234));           // IPv4 header checksum wrong
            for (byte[] f : bad) {
                assertEquals(List.of(), relay.receive(f), HEX.formatHex(f, 14, 42));
            }
            assertEquals(bad.size(), relay.dropped());
            for (int len = 0; len < good.length; len++) {
                List<byte[]> out = relay.receive(Arrays.copyOf(good, len));
                assertTrue(out == null || out.isEmpty());
            }
            // IPv4 options are skipped: the same datagram with a 4-octet option (NOP x4) is forwarded
            byte[] options = new byte[good.length + 4];
            System.arraycopy(good, 0, options, 0, 34);
            System.arraycopy(good, 34, options, 38, good.length - 34);
            options[14] = 0x46;
            Arrays.fill(options, 34, 38, (byte) 1);
            options[16] = 0;
            options[17] = (byte) (good.length - 14 + 4);
            options[24] = 0;
            options[25] = 0;
            int sum = Packets.checksum(options, 14, 24);
            options[24] = (byte) (sum >> 8);
            options[25] = (byte) sum;
            assertEquals(List.of(), relay.receive(options));
            assertEquals(2, relay.forwarded(), "the good frame and the one with options");
            sink.receive(got);
            assertArrayEquals(request, Arrays.copyOf(got.getData(), got.getLength()), "the payload after the options");
            Random random = new Random(1);
            for (int i = 0; i < 20_000; i++) {
                byte[] f = Arrays.copyOf(good, random.nextInt(good.length + 8));
                for (int k = random.nextInt(4); k >= 0; k--) {
                    if (f.length > 0) {
                        f[random.nextInt(f.length)] = (byte) random.nextInt(256);
                    }
                }
                relay.receive(f);
            }
        }
    }

    private static byte[] withIpField(byte[] f, int at, int value) {
        byte[] c = f.clone();
        c[at] = (byte) value;
        return fixIpChecksum(c);
    }

    private static byte[] withIp16(byte[] f, int at, int value) {
        return fixIpChecksum(with16(f, at, value));
    }

    private static byte[] with16(byte[] f, int at, int value) {
        byte[] c = f.clone();
        c[at] = (byte) (value >> 8);
        c[at + 1] = (byte) value;
        return c;
    }

    /** The IPv4 header checksum over a 20-octet header, so that only the field under test is wrong. */
    private static byte[] fixIpChecksum(byte[] f) {
        f[24] = 0;
        f[25] = 0;
        int sum = Packets.checksum(f, 14, 20);
        f[24] = (byte) (sum >> 8);
        f[25] = (byte) sum;
        return f;
    }

    private static Authenticator.Request identityRequest(byte[] supplicantMac) {
        byte[] identity = TestPki.CLIENT_IDENTITY.getBytes(StandardCharsets.US_ASCII);
        byte[] eap = new byte[5 + identity.length];
        eap[0] = 2;
        eap[1] = 1;
        eap[3] = (byte) eap.length;
        eap[4] = 1;
        System.arraycopy(identity, 0, eap, 5, identity.length);
        return new Authenticator.Request(TestPki.CLIENT_IDENTITY, eap, null, HEX.parseHex("020000000a01"),
                supplicantMac);
    }


    private static InetSocketAddress unusedServer() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    }

    private static Path write(String name, List<byte[]> frames) throws IOException {
        Path p = work.resolve(name);
        try (PcapWriter w = PcapWriter.create(p)) {
            long t = 1_700_000_000_000_000_000L;
            for (byte[] f : frames) {
                w.write(f, 0, f.length, t += 1_000_000);
            }
        }
        return p;
    }

    /** tshark's fields of every frame, tab-separated; "-o" pairs before the field names pass preferences. */
    private static List<String> tshark(Path pcap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-T", "fields"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-o")) {
                command.add("-o");
                command.add(args[++i]);
            } else {
                command.add("-e");
                command.add(args[i]);
            }
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.lines().toList();
    }
}
