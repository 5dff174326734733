package dev.macsec.decode.mka;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/**
 * MKPDU fields (IEEE 802.1X-2020 clause 11.11). Filter names follow Wireshark's mka.* where it has one
 * (e.g. {@code mka.ks_prio}, {@code mka.algo_agility}, {@code mka.cak_name}); numbers that Wireshark shows as
 * octets (MN, KN, lowest acceptable PN) are numbers here.
 */
public final class MkaFields {
    private MkaFields() {
    }

    public static final Map<Long, String> PARAMETER_SET_TYPES = Map.of(
            1L, "Live Peer List", 2L, "Potential Peer List", 3L, "MACsec SAK Use", 4L, "Distributed SAK",
            5L, "Distributed CAK", 6L, "KMD", 7L, "Announcement", 8L, "XPN", 255L, "ICV Indicator");
    public static final Map<Long, String> CAPABILITIES = Map.of(
            0L, "MACsec not implemented",
            1L, "MACsec Integrity without confidentiality",
            2L, "MACsec Integrity with/without confidentiality, no confidentiality offset",
            3L, "MACsec Integrity with/without confidentiality, confidentiality offset 0, 30, or 50");
    public static final Map<Long, String> CIPHER_SUITES = Map.of(
            0x0080020001000001L, "GCM-AES-128 (802.1AE-2006 value)",
            0x0080C20001000001L, "GCM-AES-128",
            0x0080C20001000002L, "GCM-AES-256",
            0x0080C20001000003L, "GCM-AES-XPN-128",
            0x0080C20001000004L, "GCM-AES-XPN-256");
    public static final Map<Long, String> TLV_TYPES = Map.of(
            111L, "Access Information", 112L, "MACsec Cipher Suites", 113L, "Key Management Domain",
            114L, "NID (Network Identifier)", 126L, "Organizationally Specific Set TLV", 127L, "Organizationally Specific TLVs");

    public static final Field MKA = Field.declare("mka", "MACsec Key Agreement", FieldType.PROTOCOL, 0,
            "MKPDU (IEEE 802.1X-2020 clause 11.11)");

    // Basic parameter set
    public static final Field BASIC_SET = Field.declare("mka.basic_param_set", "Basic Parameter set", FieldType.PROTOCOL, 0,
            "The Basic parameter set, always first");
    public static final Field VERSION_ID = Field.named("mka.version_id", "MKA Version Identifier", FieldType.UINT_DEC, 1,
            Map.of(1L, "802.1X-2010", 2L, "802.1Xbx-2014", 3L, "802.1Xck-2018 / 802.1X-2020"), "MKA version");
    public static final Field KS_PRIO = Field.declare("mka.ks_prio", "Key Server Priority", FieldType.UINT_DEC, 1,
            "Priority for key server election (lower wins)");
    public static final Field KEY_SERVER = Field.bits("mka.key_server", "Key Server", FieldType.BOOLEAN, 1, 0x80,
            "The sender is the key server");
    public static final Field MACSEC_DESIRED = Field.bits("mka.macsec_desired", "MACsec Desired", FieldType.BOOLEAN, 1, 0x40,
            "The sender wants MACsec protection");
    public static final Field MACSEC_CAPABILITY = Field.bits("mka.macsec_capability", "MACsec Capability", FieldType.UINT_DEC, 1,
            0x30, CAPABILITIES, "What MACsec protection the sender implements (2 bits)");
    public static final Field PARAM_BODY_LENGTH = Field.bits("mka.param_body_length", "Parameter set body length",
            FieldType.UINT_DEC, 2, 0x0FFF, "Octets of the parameter set body, excluding the header and padding");
    public static final Field SCI = Field.declare("mka.sci", "SCI", FieldType.UINT_HEX, 8, "The sender's secure channel identifier");
    public static final Field SCI_SYSTEM = Field.declare("mka.sci.system_identifier", "System Identifier", FieldType.MAC, 6,
            "MAC address part of the SCI");
    public static final Field SCI_PORT = Field.declare("mka.sci.port_identifier", "Port Identifier", FieldType.UINT_DEC, 2,
            "Port number part of the SCI");
    public static final Field ACTOR_MI = Field.declare("mka.actor_mi", "Actor Member Identifier", FieldType.BYTES, 12,
            "The sender's member identifier (96 bits)");
    public static final Field ACTOR_MN = Field.declare("mka.actor_mn", "Actor Message Number", FieldType.UINT_DEC, 4,
            "The sender's message number");
    public static final Field ALGO_AGILITY = Field.named("mka.algo_agility", "Algorithm Agility", FieldType.UINT_HEX, 4,
            Map.of(Mkpdu.ALGORITHM_AGILITY_2010, "IEEE Std 802.1X-2010"), "KDF/ICV algorithm set");
    public static final Field CAK_NAME = Field.declare("mka.cak_name", "CAK Name", FieldType.BYTES, 0,
            "CKN: names the CAK (1 to 32 octets)");
    public static final Field PADDING = Field.declare("mka.padding", "Padding", FieldType.BYTES, 0,
            "Octets padding a parameter set to a multiple of 4");

    // Generic parameter set header
    public static final Field PARAM_SET_TYPE = Field.named("mka.param_set_type", "Parameter set type", FieldType.UINT_DEC, 1,
            PARAMETER_SET_TYPES, "Type of the parameter set");

    // Peer lists
    public static final Field LIVE_PEER_LIST_SET = Field.declare("mka.live_peer_list_set", "Live Peer List Parameter set",
            FieldType.PROTOCOL, 0, "Peers whose recent MKPDUs named the sender");
    public static final Field POTENTIAL_PEER_LIST_SET = Field.declare("mka.potential_peer_list_set",
            "Potential Peer List Parameter set", FieldType.PROTOCOL, 0, "Peers heard from but not yet live");
    public static final Field KEY_SERVER_SSCI = Field.declare("mka.key_server_ssci", "Key Server SSCI (LSB)", FieldType.UINT_HEX, 1,
            "MKA v3, Live Peer List: the key server's SSCI for XPN cipher suites");
    public static final Field PEER_MI = Field.declare("mka.peer_mi", "Peer Member Identifier", FieldType.BYTES, 12,
            "A peer's member identifier");
    public static final Field PEER_MN = Field.declare("mka.peer_mn", "Peer Message Number", FieldType.UINT_DEC, 4,
            "The latest message number received from that peer");

    // SAK Use
    public static final Field SAK_USE_SET = Field.declare("mka.macsec_sak_use_set", "MACsec SAK Use parameter set",
            FieldType.PROTOCOL, 0, "Which SAKs the sender transmits and receives with");
    public static final Field LATEST_KEY_AN = Field.bits("mka.latest_key_an", "Latest Key AN", FieldType.UINT_DEC, 1, 0xC0,
            "AN of the latest SAK");
    public static final Field LATEST_KEY_TX = Field.bits("mka.latest_key_tx", "Latest Key tx", FieldType.BOOLEAN, 1, 0x20,
            "Transmitting with the latest SAK");
    public static final Field LATEST_KEY_RX = Field.bits("mka.latest_key_rx", "Latest Key rx", FieldType.BOOLEAN, 1, 0x10,
            "Receiving with the latest SAK");
    public static final Field OLD_KEY_AN = Field.bits("mka.old_key_an", "Old Key AN", FieldType.UINT_DEC, 1, 0x0C,
            "AN of the old SAK");
    public static final Field OLD_KEY_TX = Field.bits("mka.old_key_tx", "Old Key tx", FieldType.BOOLEAN, 1, 0x02,
            "Transmitting with the old SAK");
    public static final Field OLD_KEY_RX = Field.bits("mka.old_key_rx", "Old Key rx", FieldType.BOOLEAN, 1, 0x01,
            "Receiving with the old SAK");
    public static final Field PLAIN_TX = Field.bits("mka.plain_tx", "Plain tx", FieldType.BOOLEAN, 1, 0x80,
            "Transmitting unprotected frames");
    public static final Field PLAIN_RX = Field.bits("mka.plain_rx", "Plain rx", FieldType.BOOLEAN, 1, 0x40,
            "Accepting unprotected frames");
    public static final Field SAK_USE_RESERVED = Field.bits("mka.sak_use_reserved", "Reserved", FieldType.BOOLEAN, 1, 0x20,
            "Reserved bit of the SAK Use header");
    public static final Field DELAY_PROTECT = Field.bits("mka.delay_protect", "Delay protect", FieldType.BOOLEAN, 1, 0x10,
            "The sender refreshes lowest acceptable PNs for delay protection");
    public static final Field LATEST_KEY_SERVER_MI = Field.declare("mka.latest_key_server_mi",
            "Latest Key: Key Server Member Identifier", FieldType.BYTES, 12, "MI of the key server that distributed the latest SAK");
    public static final Field LATEST_KEY_NUMBER = Field.declare("mka.latest_key_number", "Latest Key: Key Number",
            FieldType.UINT_DEC, 4, "KN of the latest SAK");
    public static final Field LATEST_LOWEST_PN = Field.declare("mka.latest_lowest_acceptable_pn",
            "Latest Key: Lowest Acceptable PN", FieldType.UINT_DEC, 4, "Lowest acceptable PN for the latest SAK (low 32 bits)");
    public static final Field OLD_KEY_SERVER_MI = Field.declare("mka.old_key_server_mi", "Old Key: Key Server Member Identifier",
            FieldType.BYTES, 12, "MI of the key server that distributed the old SAK");
    public static final Field OLD_KEY_NUMBER = Field.declare("mka.old_key_number", "Old Key: Key Number", FieldType.UINT_DEC, 4,
            "KN of the old SAK");
    public static final Field OLD_LOWEST_PN = Field.declare("mka.old_lowest_acceptable_pn", "Old Key: Lowest Acceptable PN",
            FieldType.UINT_DEC, 4, "Lowest acceptable PN for the old SAK (low 32 bits)");

    // Distributed SAK
    public static final Field DISTRIBUTED_SAK_SET = Field.declare("mka.distributed_sak_set", "Distributed SAK parameter set",
            FieldType.PROTOCOL, 0, "A new SAK from the key server, wrapped with the KEK");
    public static final Field DISTRIBUTED_AN = Field.bits("mka.distributed_an", "Distributed AN", FieldType.UINT_DEC, 1, 0xC0,
            "AN to use with the distributed SAK");
    public static final Field CONFIDENTIALITY_OFFSET = Field.bits("mka.confidentiality_offset", "Confidentiality Offset",
            FieldType.UINT_DEC, 1, 0x30, Map.of(0L, "No confidentiality", 1L, "No confidentiality offset",
                    2L, "Confidentiality offset 30 octets", 3L, "Confidentiality offset 50 octets"),
            "Confidentiality offset to use with the SAK (2 bits)");
    public static final Field KEY_NUMBER = Field.declare("mka.key_number", "Key Number", FieldType.UINT_DEC, 4,
            "KN of the distributed SAK");
    public static final Field CIPHER_SUITE = Field.named("mka.macsec_cipher_suite", "MACsec Cipher Suite", FieldType.UINT_HEX, 8,
            CIPHER_SUITES, "64-bit cipher suite identifier");
    public static final Field AES_KEY_WRAP_SAK = Field.declare("mka.aes_key_wrap_sak", "AES Key Wrap of SAK", FieldType.BYTES, 0,
            "The SAK wrapped with the KEK (RFC 3394)");

    // Distributed CAK, KMD
    public static final Field DISTRIBUTED_CAK_SET = Field.declare("mka.distributed_cak_set", "Distributed CAK parameter set",
            FieldType.PROTOCOL, 0, "A group CAK from the key server, wrapped with the KEK");
    public static final Field AES_KEY_WRAP_CAK = Field.declare("mka.aes_key_wrap_cak", "AES Key Wrap of CAK", FieldType.BYTES, 24,
            "The CAK wrapped with the KEK (RFC 3394)");
    public static final Field KMD_SET = Field.declare("mka.kmd_set", "Key Management Domain set", FieldType.PROTOCOL, 0,
            "The key management domain");
    public static final Field KMD = Field.declare("mka.kmd", "Key Management Domain", FieldType.BYTES, 0, "KMD octets");

    // Announcement
    public static final Field ANNOUNCEMENT_SET = Field.declare("mka.announcement_set", "Announcement parameter set",
            FieldType.PROTOCOL, 0, "Network announcement TLVs");
    public static final Field TLV_ENTRY = Field.declare("mka.tlv_entry", "TLV Entry", FieldType.PROTOCOL, 0, "One announcement TLV");
    public static final Field TLV_TYPE = Field.bits("mka.tlv_type", "TLV Type", FieldType.UINT_DEC, 1, 0xFE, TLV_TYPES,
            "Announcement TLV type (7 bits)");
    public static final Field TLV_INFO_LEN = Field.bits("mka.tlv_info_string_len", "TLV Info String Length", FieldType.UINT_DEC, 2,
            0x01FF, "Length of the TLV information (9 bits)");
    public static final Field TLV_DATA = Field.declare("mka.tlv_data", "TLV Data", FieldType.BYTES, 0, "TLV information");
    public static final Field TLV_CIPHER_SUITE_CAP = Field.bits("mka.tlv.cipher_suite_impl_cap",
            "Cipher Suite Implementation Capabilities", FieldType.UINT_DEC, 2, 0x0003, CAPABILITIES,
            "MACsec capability implemented with that cipher suite");

    // XPN
    public static final Field XPN_SET = Field.declare("mka.xpn_set", "Extended Packet Numbering set", FieldType.PROTOCOL, 0,
            "Upper halves of the lowest acceptable PNs for XPN cipher suites (MKA v3)");
    public static final Field SUSPENSION_TIME = Field.declare("mka.suspension_time", "Suspension time", FieldType.UINT_DEC, 1,
            "MKA suspension time in seconds");
    public static final Field LATEST_LOWEST_PN_MSB = Field.declare("mka.latest_lowest_acceptable_pn_msb",
            "Latest Key: Lowest Acceptable PN (32 MSB)", FieldType.UINT_DEC, 4, "High 32 bits of the latest key's lowest acceptable PN");
    public static final Field OLD_LOWEST_PN_MSB = Field.declare("mka.old_lowest_acceptable_pn_msb",
            "Old Key: Lowest Acceptable PN (32 MSB)", FieldType.UINT_DEC, 4, "High 32 bits of the old key's lowest acceptable PN");

    // ICV indicator, unknown sets, ICV
    public static final Field ICV_INDICATOR = Field.declare("mka.icv_indicator", "Integrity Check Value Indicator",
            FieldType.PROTOCOL, 0, "Announces the ICV length; the last parameter set");
    public static final Field UNKNOWN_SET = Field.declare("mka.unknown_set", "Unknown parameter set", FieldType.PROTOCOL, 0,
            "A parameter set of a type this decoder does not know");
    public static final Field UNKNOWN_PARAM_SET = Field.declare("mka.unknown_param_set", "Unknown parameter set body",
            FieldType.BYTES, 0, "Body of an unknown parameter set");
    public static final Field ICV = Field.declare("mka.icv", "Integrity Check Value", FieldType.BYTES, 16,
            "AES-CMAC ICV over the MKPDU from the destination address, computed with the ICK");
    public static final Field ICV_COVERAGE = Field.declare("mka.icv_coverage", "[ICV covers octets]", FieldType.STRING, 0,
            "Generated: the octet range of the frame the ICV is computed over");
}
