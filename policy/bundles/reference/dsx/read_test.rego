package dsx.read_test

import data.dsx.fixtures_test as fx
import data.dsx.read
import rego.v1

grant := {
	"id": "g-1", "dataset": "cardio-visits", "status": "active", "expires_at": "2027-01-06T12:00:00Z",
	"fields": ["ward", "postcode", "visit_date"],
	"obligations": {"mask": {"postcode": "hash", "visit_date": "year"}, "max_records": 100, "row_filter": []},
}

read_input(g, j) := {
	"action": "read",
	"subject": {"id": "job-1", "kind": "job", "roles": [], "visas": [], "attributes": {}},
	"resource": {"dataset": fx.dataset(["DUO:0000006"]), "fields_requested": g.fields},
	"context": {"time": fx.now, "grant": g, "job": j, "request_id": "q-1"},
}

job := {"id": "job-1", "grant_id": "g-1"}

decide(g, j) := d if {
	inp := read_input(g, j)
	d := read.decision with input as inp
}

test_live_grant_reads_its_fields_with_its_masks if {
	d := decide(grant, job)
	d.allow
	d.fields == ["postcode", "visit_date", "ward"]
	d.obligations.mask == {"postcode": "hash", "visit_date": "year"}
	d.obligations.max_records == 100
}

test_revoked_grant_is_refused if {
	d := decide(object.union(grant, {"status": "revoked"}), job)
	not d.allow
	d.reasons == ["read.grant: the grant is revoked, not active"]
}

test_expired_grant_is_refused if {
	d := decide(object.union(grant, {"expires_at": "2026-12-07T11:59:59Z"}), job)
	d.reasons == ["read.expired: the grant has expired"]
}

test_job_of_another_grant_is_refused if {
	d := decide(grant, {"id": "job-2", "grant_id": "g-2"})
	d.reasons == ["read.grant: the job belongs to another grant"]
}

test_a_field_that_became_a_direct_identifier_is_dropped if {
	d := decide(object.union(grant, {"fields": ["ward", "subject"]}), job)
	d.fields == ["ward"]
}

test_a_quasi_identifier_without_a_mask_gets_the_default if {
	g := object.union(object.remove(grant, ["obligations"]), {"obligations": {"max_records": 100}})
	decide(g, job).obligations.mask == {"postcode": "hash", "visit_date": "month"}
}

test_a_caller_that_is_not_a_job_is_refused if {
	inp := object.union(read_input(grant, job), {"subject": {"kind": "researcher"}})
	d := read.decision with input as inp
	not d.allow
}

test_no_grant_is_refused if {
	d := read.decision with input as {"subject": {"kind": "job"}, "context": {"time": fx.now}}
	not d.allow
}
