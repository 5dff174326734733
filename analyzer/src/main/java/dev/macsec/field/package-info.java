/**
 * The field table: every protocol field is declared once ({@link dev.macsec.field.Field}: filter name,
 * display name, type, rendering), in the manner of Wireshark's {@code hf_} arrays. Decoders fill a
 * {@link dev.macsec.field.Dissection} with {@link dev.macsec.field.FieldValue}s and
 * {@link dev.macsec.field.Expert} items; the detail tree, JSON and the display filter all read it.
 * {@link dev.macsec.field.Octets} holds the big-endian reads the decoders share.
 */
package dev.macsec.field;
