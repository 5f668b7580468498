package io.dsx.connectors.contributor;

import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.record.RecordCodec;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Contributes records to one dataset: builds a signed, sealed envelope per call (dsx-schemas
 * {@link ContributionBuilder}), uploads it with idempotent retries and returns the receipt only
 * once it verifies against the gateway's receipt key.
 */
public final class Contributor {
    private final GatewayClient client;
    private final ContributionBuilder builder;
    private final ContributionBuilder.Target target;
    private final GatewayInfo info;

    private Contributor(
            GatewayClient client, ContributionBuilder builder, ContributionBuilder.Target target, GatewayInfo info) {
        this.client = client;
        this.builder = builder;
        this.target = target;
        this.info = info;
    }

    /**
     * Gets the gateway's keys and the dataset's schema ({@code schemaVersion} null = the latest)
     * and prepares contributions signed with {@code key}, whose registered certificate is {@code cert}.
     */
    public static Contributor open(
            GatewayClient client,
            String institutionId,
            String datasetId,
            Integer schemaVersion,
            SigningKey key,
            X509Certificate cert,
            Clock clock,
            SecureRandom random)
            throws GatewayException {
        GatewayInfo info = client.info();
        int version = schemaVersion != null
                ? schemaVersion
                : client.dataset(datasetId).path("latestSchemaVersion").asInt(1);
        DatasetSchema schema = client.schema(datasetId, version);
        var target = new ContributionBuilder.Target(
                institutionId, datasetId, schema, version, info.hpkeKey(), key, KeyIds.of(cert));
        return new Contributor(client, new ContributionBuilder(clock, random), target, info);
    }

    public DatasetSchema schema() {
        return target.schema();
    }

    public GatewayInfo gateway() {
        return info;
    }

    /** Contributes {@code records} as one envelope; returns its verified receipt. */
    public ContributionReceipt contribute(List<GenericRecord> records) throws GatewayException {
        return send(seal(records));
    }

    /** Builds, signs and seals one envelope of {@code records} without sending it. */
    public SealedContribution seal(List<GenericRecord> records) throws GatewayException {
        RecordCodec codec = RecordCodec.of(target.schema());
        return sealEncoded(records.stream().map(codec::encode).toList());
    }

    /** As {@link #seal} for records already encoded under the dataset schema ({@code RecordCodec.encode}). */
    public SealedContribution sealEncoded(List<byte[]> records) throws GatewayException {
        if (records.size() > info.maxRecordsPerContribution()) {
            throw new IllegalArgumentException(records.size() + " records, the gateway takes at most "
                    + info.maxRecordsPerContribution() + " per contribution");
        }
        SealedContribution sealed = SealedContribution.of(builder.buildEncoded(target, records));
        if (sealed.bytes().length > info.maxContributionBytes()) {
            throw new GatewayException(
                    0,
                    "too_large",
                    "envelope of " + sealed.bytes().length + " bytes, the gateway takes at most "
                            + info.maxContributionBytes() + " (lower --batch-bytes)");
        }
        return sealed;
    }

    /**
     * Sends a sealed envelope (again, after an interruption: the same bytes get the first receipt if the
     * gateway accepted them before) and returns its verified receipt.
     */
    public ContributionReceipt send(SealedContribution sealed) throws GatewayException {
        ContributionReceipt receipt = client.contribute(target.datasetId(), sealed.bytes());
        receipt.verify(info.receiptKey(), sealed.envelope());
        return receipt;
    }
}
