package io.dsx.compose;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The gateway principal's ACLs, the only grants on a dsx broker besides the broker's own super user.
 * Topics {@code dsx.*}: read, write, create (system topics at start, a data topic per dataset),
 * describe and describe its configs; never delete or alter (the ledger and audit log are never
 * deleted, not even by the gateway). Consumer groups and transactional ids starting with
 * {@code dsx} (the ingest producers' ids are {@code dsx-<gateway>-ingest-<n>}). docs/operations.md
 * lists the same grants for a production cluster.
 */
public final class KafkaAcls {

    public static final String TOPIC_PREFIX = "dsx.";
    public static final String ID_PREFIX = "dsx";

    private KafkaAcls() {}

    public static List<AclBinding> gateway(String user) {
        List<AclBinding> acls = new ArrayList<>();
        ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED);
        for (AclOperation op : List.of(
                AclOperation.READ,
                AclOperation.WRITE,
                AclOperation.CREATE,
                AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(topics, user, op));
        }
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, ID_PREFIX, PatternType.PREFIXED);
        acls.add(allow(groups, user, AclOperation.READ));
        acls.add(allow(groups, user, AclOperation.DESCRIBE));
        ResourcePattern transactions =
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, ID_PREFIX, PatternType.PREFIXED);
        acls.add(allow(transactions, user, AclOperation.WRITE));
        acls.add(allow(transactions, user, AclOperation.DESCRIBE));
        return List.copyOf(acls);
    }

    private static AclBinding allow(ResourcePattern resource, String user, AclOperation op) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }
}
