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
 * link:
 *   interface: enp3s0f1          # the tester's NIC cabled to the device's port
 *   deviceMac: "00:1b:21:aa:bb:cc" # the MAC the device's port sends from
 * </pre>
 * The suite drives every device but a plain linux-vm through a live interface of the tester
 * ({@code link}): frames are injected there with libpcap, and frames whose Ethernet source is
 * {@code deviceMac} are captured (BPF {@code ether src deviceMac}); that needs root (CAP_NET_RAW).
 * The tester's addresses stay the harness's ({@code Harness.TESTER_MAC}, {@code TESTER_IP}, {@code DEVICE_IP}):
 * they exist only in the injected frames, so the tester's NIC needs no address of its own.
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
 * @param kernel          linux-vm: the kernel build-initramfs builds the image around: {@code debian-12} (Linux 6.1,
 *                        the default) or {@code debian-13} (Linux 6.12)
 * @param description     manual: what the device is
 * @param tap             linux-vm: put the VM's data NIC on this existing tap interface instead of a UDP
 *                        socket (then the suite drives it through {@code link}, by default on the tap)
 * @param link            the tester's side of the wire: required for linux-ssh and manual devices
 * @param profile         the receive profile the device is known to follow where it departs from 802.1AE
 *                        ({@code linux-6.1}, {@code linux-6.12}; {@code linux} is linux-6.1): a case whose every difference from the plan that profile's emulation
 *                        reproduces is a known deviation; without one, every difference is a failure
 * @param mka             linux-vm: the KaY the 802.1X suite drives, {@code wpa_supplicant} (default) or {@code mkad}
 *                        (MKAdaemon, which also negotiates the XPN cipher suites)
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
        @JsonProperty("description") String description,
        @JsonProperty("tap") String tap,
        @JsonProperty("link") Link link,
        @JsonProperty("profile") String profile,
        @JsonProperty("kernel") String kernel,
        @JsonProperty("mka") String mka) {

    /**
     * The tester's side of the wire to the device.
     *
     * @param iface     the tester's interface cabled to the device (field {@code interface})
     * @param deviceMac the device port's MAC, e.g. {@code "00:1b:21:aa:bb:cc"}: frames from it are the answers
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Link(@JsonProperty("interface") String iface, @JsonProperty("deviceMac") String deviceMac) {
    }
}
