package dev.macsec.decode;

import dev.macsec.field.Field;
import dev.macsec.analysis.FieldCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The display filter finds every decoder field through the FieldCatalog's class list, without the decoders having run. */
class FieldTableTest {
    @ParameterizedTest
    @ValueSource(strings = {"frame.number", "frame.time_epoch", "frame.cap_len", "eth.src", "vlan.id", "sll.etype",
            "macsec.tci.e", "macsec.an", "macsec.sl", "macsec.pn", "macsec.sci", "macsec.sci.system_identifier",
            "macsec.sci.port_identifier", "macsec.sci.implicit", "macsec.icv", "eapol.version", "eapol.type", "mka.version_id",
            "mka.ks_prio", "mka.key_server", "mka.macsec_desired", "mka.macsec_capability", "mka.sci", "mka.actor_mi",
            "mka.actor_mn", "mka.algo_agility", "mka.cak_name", "mka.icv", "mka.peer_mi", "mka.distributed_an",
            "mka.latest_lowest_acceptable_pn_msb", "ip.src", "ipv6.dst", "arp.opcode", "icmp.type", "icmpv6.type",
            "udp.dstport", "tcp.srcport", "lldp"})
    void declaredAndLowerCaseDotted(String name) {
        Field f = FieldCatalog.lookup(name);
        assertNotNull(f, name);
        assertTrue(name.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*"), name);
        assertTrue(!f.displayName().isBlank() && !f.description().isBlank(), name);
    }
}
