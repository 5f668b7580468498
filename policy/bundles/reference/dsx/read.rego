# data.dsx.read.decision: may a job read its grant's dataset now? Asked on every data-plane
# request (and again during a long stream) against the grant as it stands: a revoked or expired
# grant, or a job of another grant, is refused. The fields are the grant's, less any field the
# dataset's current schema no longer has or now marks as a direct identifier; every
# quasi-identifier keeps a mask even if the grant somehow lacks one.
package dsx.read

import data.dsx.common
import rego.v1

grant := input.context.grant

job := input.context.job

violations contains "read.subject: only a job reads records" if input.subject.kind != "job"

violations contains "read.grant: the request carries no grant" if not is_object(grant)

violations contains "read.job: the request carries no job" if not is_object(job)

violations contains "read.grant: the job belongs to another grant" if job.grant_id != grant.id

violations contains "read.grant: the grant is for another dataset" if grant.dataset != input.resource.dataset.id

violations contains sprintf("read.grant: the grant is %s, not active", [grant.status]) if grant.status != "active"

violations contains "read.expired: the grant has expired" if {
	time.parse_rfc3339_ns(grant.expires_at) <= common.now_ns
}

violations contains "read.fields: no granted field remains readable" if count(fields) == 0

fields := {f |
	some f in grant.fields
	common.fields[f]
	common.sensitivity(f) != "direct_identifier"
}

granted_obligations := object.get(grant, "obligations", {})

mask := object.union(
	{f: common.default_mask(f) | some f in fields; common.sensitivity(f) == "quasi_identifier"},
	{f: m | some f, m in object.get(granted_obligations, "mask", {}); f in fields},
)

obligations := object.union(granted_obligations, {"mask": mask, "expires_at": grant.expires_at})

default decision := {
	"allow": false, "fields": [], "obligations": {},
	"reasons": ["policy.default: the read did not meet any rule that allows it"],
}

decision := {"allow": false, "fields": [], "reasons": sort(violations), "obligations": {}} if {
	count(violations) > 0
}

decision := {"allow": true, "fields": sort(fields), "reasons": [], "obligations": obligations} if {
	count(violations) == 0
}
