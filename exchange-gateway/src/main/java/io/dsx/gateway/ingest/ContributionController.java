package io.dsx.gateway.ingest;

import io.dsx.crypto.hash.Hex;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.events.ReceiptBody;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/datasets/{id}/contributions}: an envelope in, a signed receipt out. */
@RestController
public class ContributionController {

    public static final String MEDIA_TYPE = io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE;

    private final IngestService ingest;
    private final IngestSettings settings;

    public ContributionController(IngestService ingest, IngestSettings settings) {
        this.ingest = ingest;
        this.settings = settings;
    }

    @Operation(summary = "Contribute signed, encrypted records to a dataset of the caller's institution")
    @PostMapping(value = "/v1/datasets/{id}/contributions", consumes = MEDIA_TYPE, produces = "application/json")
    public ResponseEntity<Map<String, Object>> contribute(
            @AuthenticationPrincipal DsxPrincipal caller,
            @PathVariable("id") String datasetId,
            HttpServletRequest request)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > settings.maxContributionBytes()) {
            throw Refusal.of(Code.TOO_LARGE, "the body exceeds " + settings.maxContributionBytes() + " bytes");
        }
        byte[] body = declared >= 0
                ? readDeclared(request.getInputStream(), (int) declared)
                : readLimited(request.getInputStream(), settings.maxContributionBytes());
        if (declared >= 0 && body.length != declared) {
            throw Refusal.of(Code.MALFORMED_ENVELOPE, "the body is shorter than its Content-Length");
        }
        Accepted accepted = ingest.contribute(caller, datasetId, body).orThrow();
        return ResponseEntity.status(accepted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(view(accepted.receipt()));
    }

    /** A body of known length (already checked against the limit) is read straight into its array. */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length == length && in.read() != -1) {
            throw Refusal.of(Code.MALFORMED_ENVELOPE, "the body is longer than its Content-Length");
        }
        return body;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw Refusal.of(Code.TOO_LARGE, "the body exceeds " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The receipt as JSON: every signed body field, named as in the body, and the signed bytes themselves. */
    static Map<String, Object> view(Receipt receipt) {
        ReceiptBody b = receipt.body();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contributionId", b.contributionId());
        out.put("datasetId", b.datasetId());
        out.put("institutionId", b.institutionId());
        out.put("signerKeyId", b.signerKeyId());
        out.put("schemaVersion", b.schemaVersion());
        out.put("payloadDigest", Hex.encode(b.payloadDigest()));
        out.put("recordCount", b.recordCount());
        out.put("merkleRoot", Hex.encode(b.merkleRoot()));
        out.put("ledger", Map.of("topic", Topics.LEDGER, "partition", b.ledgerPartition(), "offset", b.ledgerOffset()));
        out.put("acceptedAt", b.acceptedAt().toString());
        out.put("gatewayKeyId", b.gatewayKeyId());
        out.put("signatureAlgorithm", b.signatureAlgorithm());
        out.put("signature", b64.encodeToString(receipt.signature()));
        out.put("receipt", b64.encodeToString(receipt.toBytes()));
        return out;
    }
}
