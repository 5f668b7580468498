package io.dsx.gateway.dataplane;

import io.dsx.gateway.access.GrantQuota;
import io.dsx.gateway.jobs.JobTokens;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.JobAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/jobs/{id}/records}: authenticated by a job token only ({@code JobTokenSecurity}).
 * Every request re-evaluates the read policy against the grant as it stands; a refusal is a
 * problem+json answer before any byte of data. Then the records stream ({@link RecordStreamer}).
 */
@RestController
public class DataPlaneController {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneController.class);
    public static final String NDJSON = "application/x-ndjson";
    public static final String AVRO = "application/vnd.apache.avro+container";

    private final ReadAuthorizer authorizer;
    private final RecordSource source;
    private final MaskRoot masks;
    private final DataPlaneSettings settings;
    private final ReadAudit audit;
    private final RecordStreamer streamer;
    private final GrantQuota quota;

    public DataPlaneController(
            ReadAuthorizer authorizer,
            RecordSource source,
            MaskRoot masks,
            DataPlaneSettings settings,
            ReadAudit audit,
            GrantQuota quota,
            Clock clock) {
        this.quota = quota;
        this.authorizer = authorizer;
        this.source = source;
        this.masks = masks;
        this.settings = settings;
        this.audit = audit;
        this.streamer = new RecordStreamer(settings, clock);
    }

    @Operation(
            summary =
                    "Stream a job's records: only the granted fields, masked and row-filtered; NDJSON, or an Avro container on Accept")
    @GetMapping(
            value = "/v1/jobs/{id}/records",
            produces = {NDJSON, AVRO})
    public void records(
            JobAuthentication auth,
            @PathVariable("id") String id,
            @RequestParam(value = "cursor", required = false) String cursorText,
            @RequestParam(value = "skip", defaultValue = "0") long skip,
            @RequestParam(value = "limit", required = false) Long limit,
            @RequestHeader(value = "Accept", required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        JobTokens.Claims token = auth.getPrincipal();
        ReadAuthorizer.Authorized read = authorizer.authorize(token, id).orThrow();
        Cursor from = cursorText == null ? Cursor.START : Cursor.parse(cursorText);
        if (from == null) {
            throw Refusal.of(Code.INVALID_CURSOR, "the cursor is not one this gateway issued");
        }
        if (skip < 0 || skip > 100_000_000L) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "skip must be 0 to 100000000");
        }
        long max = maxRecords(read);
        long page = limit == null ? max : limit;
        if (page < 1 || page > max) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "limit must be 1 to " + max);
        }
        RecordStreamer.Format format =
                accept != null && accept.contains(AVRO) ? RecordStreamer.Format.AVRO : RecordStreamer.Format.NDJSON;
        GrantQuota.Reservation reservation = null;
        long[] told = {0};
        boolean[] settled = {false};
        try (RecordSource.Reader reader =
                source.open(read.dataset().id(), read.shape().decodeSchema(), from)) {
            // the grant's max_records over its whole life: what this response may send, reserved first
            reservation = quota.reserve(read.grant().id(), page).orThrow();
            GrantQuota.Reservation held = reservation;
            audit.beforeRead(read, from);
            response.setStatus(200);
            response.setContentType(format == RecordStreamer.Format.AVRO ? AVRO : NDJSON);
            response.setHeader("Dsx-Cursor", from.encode());
            response.setHeader("Dsx-Policy-Revision", read.decision().revision());
            response.setHeader("Cache-Control", "no-store");
            OutputStream out = response.getOutputStream();
            RecordStreamer.Ended ended = streamer.stream(
                    read.shape(),
                    masks.forGrant(read.grant().id()),
                    reader,
                    from,
                    skip,
                    reservation.records(),
                    format,
                    () -> authorizer.stillAllowed(read),
                    new RecordStreamer.Pages() {
                        @Override
                        public void beforeSend(ServedPage served) throws IOException {
                            audit.beforePage(read, served);
                            told[0] += served.records();
                        }

                        @Override
                        public void beforeEnd(long all) {
                            // settled before the end leaves: a client that asks again at once finds it counted
                            quota.settle(held, all);
                            settled[0] = true;
                        }
                    },
                    out);
            audit.afterRead(read, from, ended.records(), ended.resume());
            out.flush();
        } catch (RecordSource.InvalidCursor e) {
            throw Refusal.of(Code.INVALID_CURSOR, e.getMessage());
        } catch (IOException e) {
            LOG.info(
                    "data-plane stream of job {} ended by the client ({})",
                    id,
                    e.getClass().getSimpleName());
        } finally {
            if (reservation != null && !settled[0]) {
                // every record of a page that was about to leave counts, sent or not
                quota.settle(reservation, told[0]);
            }
        }
    }

    private long maxRecords(ReadAuthorizer.Authorized read) {
        Object m = read.decision().obligations().get("max_records");
        long byGrant = m instanceof Number n && n.longValue() > 0 ? n.longValue() : Long.MAX_VALUE;
        return Math.min(byGrant, settings.maxPageRecords());
    }
}
