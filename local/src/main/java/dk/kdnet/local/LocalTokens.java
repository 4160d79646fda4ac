package dk.kdnet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The signing key of a local KD-Net and bearer tokens signed with it, for {@code ./kdnet up},
 * {@code ./kdnet token} and tests. Production points the services at an OIDC provider instead; they
 * only ever verify (SmallRye JWT), never sign.
 */
public final class LocalTokens {

    public static final String ISSUER = "https://kdnet.local";

    private final PrivateKey privateKey;
    private final Path publicKey;

    private LocalTokens(PrivateKey privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair kept in {@code dir}, made on first use. */
    public static synchronized LocalTokens in(Path dir) {
        var privateFile = dir.resolve("jwt-private.pem");
        var publicFile = dir.resolve("jwt-public.pem");
        try {
            if (!Files.exists(privateFile)) {
                Files.createDirectories(dir);
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            var der = Base64.getMimeDecoder().decode(Files.readString(privateFile)
                    .replaceAll("-----[A-Z ]+-----", "").strip());
            return new LocalTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)),
                    publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the local signing key in " + dir, e);
        }
    }

    /**
     * {@code ./kdnet token --role secretariat|member} or {@code --client <name> [--organization <slug|uuid>]
     * [--role esdh]}: prints a token signed with the key of {@code ./kdnet up}.
     */
    public static void main(String[] args) {
        var options = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        var tokens = in(Infrastructure.root().resolve(".kdnet"));
        if (options.containsKey("--client") && "esdh".equals(options.get("--role"))) {
            System.out.println(tokens.forEsdhClient(options.get("--client")));
        } else if (options.containsKey("--client") && !options.containsKey("--role")) {
            var organization = options.get("--organization");
            System.out.println(tokens.forClient(options.get("--client"), organization == null ? null
                    : organization.length() == 36 ? UUID.fromString(organization)
                    // The id reference data gets from its slug (dk.kdnet.events.ReferenceIds.organization).
                    : UUID.nameUUIDFromBytes(("kdnet:organization:" + organization).getBytes(StandardCharsets.UTF_8))));
        } else if (options.containsKey("--role") && !options.containsKey("--client")) {
            System.out.println(tokens.forRole(options.get("--role")));
        } else {
            System.err.println("usage: ./kdnet token --role secretariat|member"
                    + " | --client <name> [--organization <slug or id>] | --client <name> --role esdh");
            System.exit(2);
        }
    }

    /** Environment that makes a service or the gateway verify tokens signed with this key. */
    public java.util.Map<String, String> verifierEnv() {
        return java.util.Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** The public key file the services verify with (mp.jwt.verify.publickey.location). */
    public Path publicKey() {
        return publicKey;
    }

    /** A person's token: {@code secretariat} writes, {@code member} reads internal material. */
    public String forRole(String role) {
        return forRole(role, Duration.ofHours(12));
    }

    /** As {@link #forRole(String)}, expiring after {@code lifetime}. */
    public String forRole(String role, Duration lifetime) {
        return sign("local-" + role, List.of(role), null, lifetime);
    }

    /**
     * A system integration's client-credential token, limited to one organization's data when
     * {@code organizationId} is given (a municipality's finance system reads its own charges).
     */
    public String forClient(String client, UUID organizationId) {
        return sign(client, List.of("client"), organizationId, Duration.ofHours(1));
    }

    /** The client-credential token of the ESDH system that files every meeting's complete package. */
    public String forEsdhClient(String client) {
        return sign(client, List.of("client", "esdh"), null, Duration.ofHours(1));
    }

    private String sign(String subject, List<String> groups, UUID organizationId, Duration lifetime) {
        var now = Instant.now().getEpochSecond();
        var claims = new StringBuilder()
                .append("{\"iss\":\"").append(ISSUER)
                .append("\",\"sub\":\"").append(subject)
                .append("\",\"upn\":\"").append(subject)
                .append("\",\"azp\":\"").append(subject)
                .append("\",\"groups\":[")
                .append(groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")))
                .append("],\"iat\":").append(now)
                .append(",\"exp\":").append(now + lifetime.toSeconds())
                .append(",\"jti\":\"").append(UUID.randomUUID()).append('"');
        if (organizationId != null) {
            claims.append(",\"organization_id\":\"").append(organizationId).append('"');
        }
        claims.append('}');
        var unsigned = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
