package io.dsx.connectors.cli;

import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsx keygen}: an institution's signing key pair and its certificate (or a CSR). */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generate an institution signing key: DIR/key.pem (PKCS#8, owner-only) and DIR/cert.pem,",
            "a self-signed X.509 certificate the operator registers for the institution.",
            "With --csr also DIR/csr.pem (PKCS#10) for a certificate authority.",
            "Prints the key id (hex SHA-256 of the certificate)."
        })
final class KeygenCommand implements Callable<Integer> {
    private static final Pattern INSTITUTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The algorithm names of the command line. */
    enum Algorithm {
        ed25519(SignatureAlgorithm.ED25519),
        ecdsa_p256(SignatureAlgorithm.ECDSA_P256_SHA256),
        rsa_pss(SignatureAlgorithm.RSA_PSS_SHA256);

        final SignatureAlgorithm algorithm;

        Algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        static Algorithm parse(String s) {
            for (Algorithm a : values()) {
                if (a.name().replace('_', '-').equals(s)
                        || a.algorithm.wireName().equals(s)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown algorithm '" + s + "': use ed25519, ecdsa-p256 or rsa-pss");
        }
    }

    private final CliContext ctx;

    @Option(
            names = "--institution",
            required = true,
            paramLabel = "ID",
            description = "Institution id, e.g. hospital-a.")
    String institution;

    @Option(
            names = "--algorithm",
            paramLabel = "ALG",
            defaultValue = "ed25519",
            converter = AlgorithmConverter.class,
            description = "ed25519 (default), ecdsa-p256 or rsa-pss (3072-bit).")
    Algorithm algorithm;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for key.pem and cert.pem.")
    Path out;

    @Option(names = "--csr", description = "Also write csr.pem, a certificate signing request.")
    boolean csr;

    @Option(
            names = "--validity-days",
            paramLabel = "N",
            defaultValue = "730",
            description = "Certificate validity (default 730).")
    int validityDays;

    @Option(names = "--force", description = "Overwrite an existing key.pem.")
    boolean force;

    KeygenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static final class AlgorithmConverter implements picocli.CommandLine.ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            return Algorithm.parse(value);
        }
    }

    @Override
    public Integer call() throws CliFailure, IOException {
        if (!INSTITUTION_ID.matcher(institution).matches()) {
            throw new CliFailure("--institution must match [a-z0-9][a-z0-9-]{0,62}");
        }
        if (validityDays < 1) {
            throw new CliFailure("--validity-days must be at least 1");
        }
        String dn = "CN=" + institution + " signing key,O=" + institution;
        InstitutionCredentials creds = InstitutionKeys.generate(
                algorithm.algorithm, dn, Duration.ofDays(validityDays), ctx.clock(), ctx.random());
        try {
            KeyFiles.writeSecret(out.resolve("key.pem"), Pem.writePrivateKey(creds.signingKey()), force);
            KeyFiles.writePublic(out.resolve("cert.pem"), Pem.writeCertificate(creds.certificate()));
            if (csr) {
                KeyFiles.writePublic(out.resolve("csr.pem"), Pem.writeCsr(InstitutionKeys.csr(creds.signingKey(), dn)));
            }
        } finally {
            creds.signingKey().destroy();
        }
        ctx.out().println(creds.keyId());
        ctx.err()
                .println("dsx: wrote " + out.resolve("key.pem") + " (keep it secret), " + out.resolve("cert.pem")
                        + (csr ? ", " + out.resolve("csr.pem") : "") + "; key id printed on stdout");
        return 0;
    }
}
