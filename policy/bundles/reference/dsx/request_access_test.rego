package dsx.request_access_test

import data.dsx.fixtures_test as fx
import data.dsx.request_access
import rego.v1

decide(req) := d if {
	d := request_access.decision with input as req
}

reason_of(d, rule) if {
	some r in d.reasons
	startswith(r, concat("", [rule, ":"]))
}

test_grant_has_the_permitted_fields_and_obligations if {
	d := decide(fx.granted_request)
	d.allow
	d.fields == ["birth_year", "postcode", "visit_date", "ward"]
	d.obligations.requires_approval == []
	d.obligations.expires_at == "2027-01-06T12:00:00Z"
	d.obligations.max_records == 1000000
}

test_direct_identifiers_are_never_released if {
	req := fx.request(["DUO:0000006"], ["subject", "ward"], fx.hmb)
	d := decide(req)
	d.allow
	d.fields == ["ward"]
	d.reasons == ["request.fields: subject withheld: direct identifiers are never released"]
}

test_only_direct_identifiers_is_denied if {
	d := decide(fx.request(["DUO:0000006"], ["subject"], fx.hmb))
	not d.allow
	reason_of(d, "request.fields")
}

test_quasi_identifiers_are_masked_by_default if {
	m := decide(fx.granted_request).obligations.mask
	m == {"birth_year": "bucket:5", "postcode": "hash", "visit_date": "month"}
}

test_date_typed_fields_are_masked_to_the_month if {
	req := fx.request(["DUO:0000006"], ["seen"], fx.hmb)
	ds := object.union(req.resource.dataset, {"fields": {"seen": {"sensitivity": "quasi_identifier", "tags": [], "type": "date"}}})
	d := decide(object.union(req, {"resource": {"dataset": ds, "fields_requested": ["seen"]}}))
	d.obligations.mask == {"seen": "month"}
}

test_consent_fields_filter_rows if {
	decide(fx.granted_request).obligations.row_filter == [{"field": "consent_research", "op": "eq", "value": true}]
}

test_unknown_field_is_denied_naming_it if {
	d := decide(fx.request(["DUO:0000006"], ["ward", "salary"], fx.hmb))
	not d.allow
	"request.fields: the dataset has no field salary" in d.reasons
}

test_no_fields_is_denied if {
	not decide(fx.request(["DUO:0000006"], [], fx.hmb)).allow
}

test_sensitive_fields_without_ethics_approval_need_a_steward if {
	req := fx.with_context(fx.request(["DUO:0000006"], ["diagnosis", "ward"], fx.hmb), {"ethics_approval": null})
	d := decide(req)
	d.allow
	d.obligations.requires_approval == ["fields.sensitive: diagnosis requested without an ethics approval reference"]
}

test_sensitive_fields_with_ethics_approval_are_granted if {
	d := decide(fx.request(["DUO:0000006"], ["diagnosis"], fx.hmb))
	d.allow
	d.obligations.requires_approval == []
}

test_duration_is_bounded if {
	reason_of(decide(fx.with_context(fx.granted_request, {"duration_days": 0})), "request.duration")
	reason_of(decide(fx.with_context(fx.granted_request, {"duration_days": 366})), "request.duration")
	reason_of(decide(fx.with_context(fx.granted_request, {"duration_days": 1.5})), "request.duration")
	reason_of(decide(fx.with_context(fx.granted_request, {"duration_days": "30"})), "request.duration")
	decide(fx.with_context(fx.granted_request, {"duration_days": 365})).allow
}

test_default_duration_applies if {
	req := object.union(object.remove(fx.granted_request, ["context"]), {
		"context": object.remove(fx.granted_request.context, ["duration_days"]),
	})
	decide(req).obligations.expires_at == "2027-03-07T12:00:00Z"
}

test_only_researchers_request_access if {
	reason_of(decide(fx.with_subject(fx.granted_request, {"kind": "steward"})), "subject.kind")
}

test_missing_researcher_status_visa_is_denied if {
	d := decide(fx.with_subject(fx.granted_request, {"visas": [fx.visas[1], fx.visas[2]]}))
	not d.allow
	d.reasons == ["visa.researcher_status: no valid ResearcherStatus (bona fide) visa from a trusted issuer"]
}

test_visa_from_an_untrusted_issuer_does_not_count if {
	forged := object.union(fx.visas[0], {"iss": "https://visas.evil.example"})
	d := decide(fx.with_subject(fx.granted_request, {"visas": [forged, fx.visas[1], fx.visas[2]]}))
	reason_of(d, "visa.researcher_status")
}

test_expired_visa_does_not_count if {
	expired := object.union(fx.visas[0], {"exp": 1767225600}) # 2026-01-01
	d := decide(fx.with_subject(fx.granted_request, {"visas": [expired, fx.visas[1], fx.visas[2]]}))
	reason_of(d, "visa.researcher_status")
}

test_terms_must_be_accepted if {
	d := decide(fx.with_subject(fx.granted_request, {"visas": [fx.visas[0], fx.visas[2]]}))
	reason_of(d, "visa.accepted_terms")
}

test_nres_needs_no_visas if {
	req := fx.with_subject(fx.request(["DUO:0000004"], ["ward"], {"code": "GRU"}), {"visas": []})
	decide(req).allow
}

test_malformed_visas_are_ignored if {
	d := decide(fx.with_subject(fx.granted_request, {"visas": ["not-a-visa", 7, {"iss": "https://visas.dsx.example"}]}))
	reason_of(d, "visa.researcher_status")
}

test_empty_input_is_denied_not_undefined if {
	d := request_access.decision with input as {}
	d.allow == false
	count(d.reasons) > 0
}
