package io.dsx.gateway.config;

import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.keys.GatewayKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The gateway's views (catalog, keys, ledger, and whatever else follows a topic) are only as fresh as
 * their followers. If one has stopped, the gateway is DOWN ({@code /actuator/health}) and
 * {@link io.dsx.gateway.web.StaleViewGate} refuses requests: a key revoked through another gateway must
 * not keep being accepted here.
 */
@Component("followers")
public class FollowerHealth implements HealthIndicator {

    private final ObjectProvider<TopicFollower> followers;
    private final GatewayKeys keys;

    public FollowerHealth(ObjectProvider<TopicFollower> followers, GatewayKeys keys) {
        this.followers = followers;
        this.keys = keys;
    }

    /** Topic to failure of every follower that has stopped by itself. */
    public Map<String, String> failed() {
        List<TopicFollower> all = new ArrayList<>();
        followers.orderedStream().forEach(all::add);
        keys.follower().ifPresent(all::add);
        Map<String, String> out = new TreeMap<>();
        for (TopicFollower f : all) {
            f.failure().ifPresent(why -> out.put(f.topic(), why));
        }
        return out;
    }

    @Override
    public Health health() {
        Map<String, String> failed = failed();
        return failed.isEmpty()
                ? Health.up().build()
                : Health.down().withDetail("stopped", failed).build();
    }
}
