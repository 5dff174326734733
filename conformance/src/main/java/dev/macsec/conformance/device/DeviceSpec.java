package dev.macsec.conformance.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device file (YAML or JSON), e.g.
 * <pre>
 * type: linux-ssh
 * host: 192.0.2.7
 * user: root
 * keyFile: ~/.ssh/id_ed25519
 * interface: eth1
 * </pre>
 *
 * @param type            linux-vm, linux-ssh or manual
 * @param host            linux-ssh: host
 * @param port            linux-ssh: ssh port (default 22)
 * @param user            linux-ssh: user
 * @param keyFile         linux-ssh: private key
 * @param sudo            linux-ssh: run commands with sudo -n
 * @param iface           linux-ssh: interface facing the tester
 * @param macsecInterface linux-ssh: SecY interface name (default macsec0)
 * @param ipCommand       linux-ssh: iproute2 ip path (default /sbin/ip)
 * @param bootTimeoutSeconds linux-vm: boot timeout (default 90)
 * @param image           linux-vm: prebuilt image directory (default: run build-initramfs)
 * @param description     manual: what the device is
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DeviceSpec(
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("user") String user,
        @JsonProperty("keyFile") String keyFile,
        @JsonProperty("sudo") Boolean sudo,
        @JsonProperty("interface") String iface,
        @JsonProperty("macsecInterface") String macsecInterface,
        @JsonProperty("ipCommand") String ipCommand,
        @JsonProperty("bootTimeoutSeconds") Integer bootTimeoutSeconds,
        @JsonProperty("image") String image,
        @JsonProperty("description") String description) {
}
