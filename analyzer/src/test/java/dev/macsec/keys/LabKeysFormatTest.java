package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pcaps/macsec_lab/keys.json is the lab's own format, not ours. This converts what it says into our model's
 * terms and checks that pcaps/macsec_lab/keys-macsec.json says the same, so the two cannot drift apart.
 */
class LabKeysFormatTest {
    private static final JsonNode LAB = Json.read(ProjectFiles.pcap("macsec_lab/keys.json"));
    private static final KeysFile OURS = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));

    private static boolean hasSak(String sak, int an, String suite) {
        return OURS.saks().stream().anyMatch(s -> Hex.format(s.sak()).equals(sak) && s.an().orElse(-1) == an
                && s.cipherSuite().standardName().equals(suite));
    }

    @Test
    void caksMatch() {
        for (JsonNode story : List.of(LAB, LAB.get("eap"))) {
            List<CakEntry> found = OURS.keychain().lookup(Hex.of(story.get("ckn").asText()));
            assertEquals(1, found.size(), story.get("source").asText());
            assertEquals(story.get("cak").asText(), Hex.format(found.get(0).cak()));
            assertEquals(story.get("ick").asText(), Hex.format(found.get(0).ick()));
            assertEquals(story.get("kek").asText(), Hex.format(found.get(0).kek()));
        }
    }

    @Test
    void saksMatch() {
        assertTrue(hasSak(LAB.get("sak").asText(), LAB.get("an").asInt(), "GCM-AES-128"));
        assertTrue(hasSak(LAB.get("eap").get("sak").asText(), LAB.get("eap").get("an").asInt(), "GCM-AES-128"));
        assertTrue(hasSak(LAB.get("sak2").asText(), 1, "GCM-AES-128"), LAB.get("sak2_note").asText());
        assertTrue(hasSak(LAB.get("sak3").asText(), 2, "GCM-AES-128"), LAB.get("sak3_note").asText());
        assertTrue(hasSak(LAB.get("sak4").asText(), 3, "GCM-AES-XPN-128"), LAB.get("sak4_note").asText());
    }

    @Test
    void xpnDetailsMatch() {
        long suiteId = Long.parseUnsignedLong(LAB.get("xpn_cipher_suite").asText().replace(":", ""), 16);
        long ssciA = Long.decode(LAB.get("xpn_ssci_a").asText().split(" ")[0]);
        long ssciB = Long.decode(LAB.get("xpn_ssci_b").asText().split(" ")[0]);
        for (SakEntry s : OURS.saks().stream().filter(SakEntry::xpn).toList()) {
            assertEquals(suiteId, s.cipherSuiteId());
            assertEquals(LAB.get("xpn_salt").asText(), Hex.format(s.salt()));
            long sci = s.sci().orElseThrow();
            long expected = sci == Long.parseUnsignedLong(LAB.get("a_sci").asText(), 16) ? ssciA
                    : sci == Long.parseUnsignedLong(LAB.get("b_sci").asText(), 16) ? ssciB : -1;
            assertEquals(expected, s.ssci().orElseThrow());
        }
    }

    @Test
    void mskMatches() {
        MskEntry m = OURS.msks().get(0);
        assertEquals(LAB.get("eap").get("msk").asText(), Hex.format(m.msk()));
        assertEquals(LAB.get("eap").get("eap_session_id").asText(), Hex.format(m.sessionId()));
    }
}
