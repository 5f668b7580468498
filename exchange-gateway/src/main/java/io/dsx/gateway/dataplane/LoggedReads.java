package io.dsx.gateway.dataplane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read record until the audit log is wired here: one log line per read before its first byte
 * and one when it ends (job, grant, dataset, policy revision, fields, count, cursors: no record
 * value, no subject). NOT the audit log of DESIGN §3.5: invariant 5 does not hold yet for reads.
 */
final class LoggedReads implements ReadAudit {

    private static final Logger LOG = LoggerFactory.getLogger("io.dsx.gateway.dataplane.reads");

    @Override
    public void beforeRead(ReadAuthorizer.Authorized read, Cursor from) {
        LOG.info(
                "read allowed: job={} grant={} dataset={} revision={} fields={} from={}",
                read.job().id(),
                read.grant().id(),
                read.dataset().id(),
                read.decision().revision(),
                read.decision().decision().fields(),
                from.encode());
    }

    @Override
    public void afterRead(ReadAuthorizer.Authorized read, Cursor from, long records, Cursor resume) {
        LOG.info(
                "read served: job={} grant={} records={} resume={}",
                read.job().id(),
                read.grant().id(),
                records,
                resume == null ? "end" : resume.encode());
    }
}
