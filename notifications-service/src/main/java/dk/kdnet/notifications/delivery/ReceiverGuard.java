package dk.kdnet.notifications.delivery;

import dk.kdnet.notifications.WebhookConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Keeps webhooks from being a way into the cluster (SSRF): a receiver must be https (unless configured otherwise for
 * local use), and every address its host resolves to must be public: no loopback, private, link-local, unique-local,
 * shared (CGNAT), multicast or unspecified address, unless it is in a network the configuration allows. Checked at
 * registration and again before every call, as DNS can change; redirects are never followed.
 *
 * <p>The host is resolved here once per call, and the call goes to the address checked ({@link Receiver#address()}):
 * were the sender to resolve the name again, a DNS server answering a public address to the check and a cluster
 * address to the connection (DNS rebinding) would get past the check.
 */
@Singleton
public class ReceiverGuard {

    /** How host names are resolved: the system resolver, or a test's. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final List<Network> allowed;
    private final Resolver resolver;

    @Inject
    ReceiverGuard(WebhookConfig config) {
        this(config.allowHttp(), config.allowedNetworks().orElse(List.of()), InetAddress::getAllByName);
    }

    ReceiverGuard(boolean allowHttp, List<String> allowedNetworks, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowed = allowedNetworks.stream().map(Network::parse).toList();
        this.resolver = resolver;
    }

    /** A receiver that may be called now: its URL, and the checked address the call must connect to. */
    public record Receiver(URI uri, InetAddress address) {}

    /** Why a receiver URL is refused; the message is for the caller (registration) or the delivery log. */
    public static final class UnsafeReceiver extends Exception {
        UnsafeReceiver(String message) {
            super(message, null, false, false);
        }
    }

    /** The URL, parsed and resolved, if it may be called now. */
    public Receiver check(String url) throws UnsafeReceiver {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UnsafeReceiver("is not a URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new UnsafeReceiver(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new UnsafeReceiver("must name a host, without user info or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UnsafeReceiver("host " + uri.getHost() + " is not known");
        }
        for (var address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
                throw new UnsafeReceiver("host " + uri.getHost() + " is at " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        try {
            // Without the name: an address that carries one could be looked up again on the way to the socket.
            return new Receiver(uri, InetAddress.getByAddress(addresses[0].getAddress()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a byte array of a wrong length
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
            if (isMappedOrCompatibleIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        var first = bytes[0] & 0xff;
        var second = bytes[1] & 0xff;
        // 0.0.0.0/8, 100.64.0.0/10 (shared, CGNAT), 192.0.0.0/24 (protocol assignments), 198.18.0.0/15 (benchmarking),
        // 240.0.0.0/4 (reserved, with broadcast)
        return !(first == 0 || first == 100 && (second & 0xc0) == 64 || first == 192 && second == 0 && bytes[2] == 0
                || first == 198 && (second & 0xfe) == 18 || first >= 240);
    }

    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == bytes[11] && (bytes[10] == 0 || bytes[10] == (byte) 0xff);
    }

    /** A CIDR block from the configuration, e.g. 127.0.0.1/32 or fd00::/8. */
    record Network(byte[] prefix, int bits) {
        static Network parse(String cidr) {
            var slash = cidr.indexOf('/');
            try {
                var address = InetAddress.getByName(slash < 0 ? cidr.trim() : cidr.substring(0, slash).trim());
                var length = address.getAddress().length * 8;
                var bits = slash < 0 ? length : Integer.parseInt(cidr.substring(slash + 1).trim());
                if (bits < 0 || bits > length || !(address instanceof Inet4Address || address instanceof Inet6Address)) {
                    throw new IllegalArgumentException("kdnet.webhooks.allowed-networks: bad prefix length in " + cidr);
                }
                return new Network(address.getAddress(), bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("kdnet.webhooks.allowed-networks: " + cidr + " is no CIDR block", e);
            }
        }

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                var mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
