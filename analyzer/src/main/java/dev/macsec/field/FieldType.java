package dev.macsec.field;

/** How a field's value is held and shown. */
public enum FieldType {
    /** A protocol or subtree: no value of its own, only children. */
    PROTOCOL,
    /** {@link Boolean}; usually a flag under a bitmask. */
    BOOLEAN,
    /** Unsigned integer held as {@link Long}, shown in decimal. */
    UINT_DEC,
    /** Unsigned integer held as {@link Long}, shown as 0x-prefixed hex padded to the field's width. */
    UINT_HEX,
    /** A 48-bit MAC address held as {@link Long}, shown as aa:bb:cc:dd:ee:ff. */
    MAC,
    /** An IPv4 address held as {@link Long}. */
    IPV4,
    /** Octets held as {@link Bytes}, shown as plain hex. */
    BYTES,
    /** Text held as {@link String}. */
    STRING
}
