package dev.macsec.cli;

import static dev.macsec.cli.AnalyzeCommandTest.run;
import static dev.macsec.cli.AnalyzeCommandTest.tshark;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Protocol column names the highest protocol by its short name, as tshark's column does; MACsec frames stay
 * {@code MACsec} (tshark: MACSEC, or what it can read inside) and MKPDUs {@code MKA} (tshark: EAPOL-MKA).
 */
class ProtocolColumnTest {
    @TempDir
    Path dir;

    private static final HexFormat HEX = HexFormat.of();
    private static final String DA = "020000000002";
    private static final String SA = "020000000001";

    private static String ipv4(int proto, String payload) {
        int length = 20 + payload.length() / 2;
        return String.format("4500%04x0001000040%02x00000a0000010a000002", length, proto) + payload;
    }

    /** One frame per protocol the analyzer decodes or names, each at the depth tshark's dissectors stop at too. */
    private static final List<String> FRAMES = List.of(
            DA + SA + "1234" + "68656c6c6f",
            DA + SA + "8100000a8847" + "00064140" + "ff".repeat(20), // VLAN-tagged MPLS
            DA + SA + "8100000a0800" + ipv4(6, "9c400050000000010000000050020fff00000000"),
            DA + SA + "0800" + ipv4(17, "9c409c41000c000061626364"),
            DA + SA + "0800" + ipv4(6, "9c400050000000010000000050020fff00000000"),
            DA + SA + "0800" + ipv4(1, "0800f7fd00010001"),
            DA + SA + "86dd" + "6000000000083aff" + "fe80" + "00".repeat(13) + "01" + "ff02" + "00".repeat(13) + "02"
                    + "850000007afd0000",
            DA + SA + "0806" + "0001080006040001" + SA + "0a000001" + "000000000000" + "0a000002",
            "0180c200000e" + SA + "88cc" + "020704" + SA + "04030565" + "7430" + "0602" + "0078" + "0000",
            "0180c2000003" + SA + "888e" + "01010000", // EAPOL-Start
            "0180c2000003" + SA + "888e" + "0200000501010005" + "01", // EAP Request, Identity
            "0180c2000003" + SA + "888e" + "0203005f" + "02" + "00".repeat(94), // EAPOL-Key
            DA + SA + "8100000a1234" + "68656c6c6f",
            DA + SA + "88f7" + "0002002c" + "00".repeat(40),
            DA + SA + "88a800148100000a0800" + ipv4(17, "9c409c41000c000061626364"));

    private Path capture() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(24).putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1).array());
        int second = 1000;
        for (String hex : FRAMES) {
            byte[] frame = HEX.parseHex(hex);
            frame = java.util.Arrays.copyOf(frame, Math.max(60, frame.length));
            out.writeBytes(le(16).putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length).array());
            out.writeBytes(frame);
        }
        Path file = dir.resolve("protocols.pcap");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<String> ourColumn(Path file, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", file.toString(), "-q", "-T", "json"));
        args.addAll(List.of(more));
        AnalyzeCommandTest.Result r = run(args.toArray(String[]::new));
        List<String> column = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.out().lines().toList()) {
            JsonNode frame = json.readTree(line);
            if (frame.has("frame")) {
                column.add(frame.get("protocol").asText());
            }
        }
        return column;
    }

    @Test
    void eachProtocolHasTsharksShortName() throws IOException {
        Path file = capture();
        List<String> expected = tshark(file, "_ws.col.Protocol");
        assertEquals(FRAMES.size(), expected.size());
        assertEquals(expected, ourColumn(file));
        // with a key the receive SecY also sees these untagged frames: its analysis layer is not a protocol
        assertEquals(expected, ourColumn(file, "--sak", "000102030405060708090a0b0c0d0e0f"));
    }

    @Test
    void aVlanTaggedMplsFrameIsDescribedByWhatFollowsTheTags() throws IOException {
        AnalyzeCommandTest.Result r = run("analyze", capture().toString(), "-q", "-Y", "frame.number == 2");
        String line = r.out().lines().findFirst().orElseThrow();
        assertEquals(true, line.endsWith(" MPLS      60 EtherType 0x8847 (MPLS label switched packet)"), line);
    }

    /** Every frame of the bundled captures that is neither MACsec nor an MKPDU is named as tshark names it. */
    @Test
    void bundledCapturesAgreeWithTshark() throws IOException {
        List<Path> captures;
        try (Stream<Path> files = Files.walk(ProjectFiles.root().resolve("pcaps"))) {
            captures = files.filter(f -> f.toString().endsWith(".pcap")).sorted().toList();
        }
        int compared = 0;
        for (Path capture : captures) {
            List<String> theirs = tshark(capture, "_ws.col.Protocol");
            List<String> ours = ourColumn(capture);
            assertEquals(theirs.size(), ours.size(), capture.toString());
            for (int i = 0; i < ours.size(); i++) {
                if (!ours.get(i).equals("MACsec") && !ours.get(i).equals("MKA")) {
                    assertEquals(theirs.get(i), ours.get(i), capture + " frame " + (i + 1));
                    compared++;
                }
            }
        }
        assertEquals(true, compared >= 3, "compared " + compared);
    }
}
