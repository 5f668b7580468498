package dsx.duo_test

import data.dsx.fixtures_test as fx
import data.dsx.request_access
import rego.v1

decide(duo, purpose) := d if {
	req := fx.request(duo, ["ward"], purpose)
	d := request_access.decision with input as req
}

allowed(duo, purpose) if decide(duo, purpose).allow

denied_by(duo, purpose, rule) if {
	d := decide(duo, purpose)
	not d.allow
	some r in d.reasons
	startswith(r, concat("", [rule, ":"]))
}

test_nres_admits_any_purpose if {
	allowed(["DUO:0000004"], {"code": "POA"})
	allowed(["DUO:0000004"], fx.hmb)
}

test_gru_admits_any_purpose if {
	allowed(["DUO:0000042"], {"code": "GRU"})
	allowed(["DUO:0000042"], fx.ds("MONDO:0004992"))
	allowed(["DUO:0000042"], {"code": "POA"})
}

test_hmb_admits_health_research_only if {
	allowed(["DUO:0000006"], fx.hmb)
	allowed(["DUO:0000006"], fx.ds("MONDO:0005068"))
	denied_by(["DUO:0000006"], {"code": "GRU"}, "duo.hmb")
	denied_by(["DUO:0000006"], {"code": "POA"}, "duo.hmb")
}

test_purpose_may_be_given_as_duo_id if {
	allowed(["DUO:0000006"], {"code": "DUO:0000006"})
}

test_unknown_purpose_is_denied if {
	denied_by(["DUO:0000042"], {"code": "MARKETING"}, "duo.purpose")
}

# The disease direction, pinned: a dataset limited to disease X admits purposes on X or on a
# descendant of X; never on an ancestor or a sibling.
test_ds_admits_the_same_disease if {
	allowed(["DUO:0000007:MONDO_0004992"], fx.ds("MONDO:0004992"))
}

test_ds_admits_a_descendant_disease if {
	allowed(["DUO:0000007:MONDO_0004992"], fx.ds("MONDO:0007254")) # cancer data, breast cancer study
	allowed(["DUO:0000007:MONDO_0004995"], fx.ds("MONDO:0005068")) # cardiovascular data, MI study (3 levels)
}

test_ds_refuses_an_ancestor_disease if {
	denied_by(["DUO:0000007:MONDO_0007254"], fx.ds("MONDO:0004992"), "duo.ds") # breast cancer data, cancer study
	denied_by(["DUO:0000007:MONDO_0007254"], fx.ds("MONDO:0000001"), "duo.ds")
}

test_ds_refuses_a_sibling_disease if {
	denied_by(["DUO:0000007:MONDO_0007254"], fx.ds("MONDO:0008170"), "duo.ds") # breast vs ovarian
	denied_by(["DUO:0000007:MONDO_0004992"], fx.ds("MONDO:0005068"), "duo.ds") # cancer vs MI
}

test_ds_refuses_other_purposes if {
	denied_by(["DUO:0000007:MONDO_0004992"], fx.hmb, "duo.ds")
	denied_by(["DUO:0000007:MONDO_0004992"], {"code": "GRU"}, "duo.ds")
}

test_ds_purpose_needs_a_known_disease if {
	denied_by(["DUO:0000042"], {"code": "DS"}, "duo.ds")
	denied_by(["DUO:0000042"], fx.ds("MONDO:9999999"), "duo.ds")
}

test_ds_disease_accepts_obo_underscore_form if {
	allowed(["DUO:0000007:MONDO_0004992"], fx.ds("MONDO_0007254"))
}

test_dataset_without_primary_category_is_denied if {
	denied_by(["DUO:0000019"], fx.hmb, "duo.primary")
}

test_npu_needs_a_not_for_profit_affiliation if {
	allowed(["DUO:0000006", "DUO:0000045"], fx.hmb)
	req := fx.with_subject(fx.request(["DUO:0000006", "DUO:0000045"], ["ward"], fx.hmb), {"visas": [
		fx.visas[0], fx.visas[1], fx.visa("AffiliationAndRole", "faculty@pharma.example"),
	]})
	d := request_access.decision with input as req
	not d.allow
	some r in d.reasons
	startswith(r, "duo.npu:")
}

test_ncu_needs_a_declared_non_commercial_purpose if {
	denied_by(["DUO:0000006", "DUO:0000046"], fx.hmb, "duo.ncu")
	allowed(["DUO:0000006", "DUO:0000046"], {"code": "HMB", "commercial": false})
	denied_by(["DUO:0000006", "DUO:0000046"], {"code": "HMB", "commercial": true}, "duo.ncu")
}

test_irb_without_reference_is_denied if {
	req := fx.with_context(fx.request(["DUO:0000006", "DUO:0000021"], ["ward"], fx.hmb), {"ethics_approval": " "})
	d := request_access.decision with input as req
	not d.allow
	"duo.irb: the dataset requires an ethics approval reference (context.ethics_approval)" in d.reasons
}

test_irb_with_reference_needs_a_steward if {
	d := decide(["DUO:0000006", "DUO:0000021"], fx.hmb)
	d.allow
	d.obligations.requires_approval == ["duo.irb: a steward verifies the ethics approval reference"]
}

test_pub_obliges_publication if {
	decide(["DUO:0000006", "DUO:0000019"], fx.hmb).obligations.publication_required == true
}

test_col_needs_a_steward if {
	d := decide(["DUO:0000006", "DUO:0000020"], fx.hmb)
	d.allow
	startswith(d.obligations.requires_approval[0], "duo.col:")
}

test_mor_obliges_a_moratorium if {
	d := decide(["DUO:0000006", "DUO:0000024:2027-06-01"], fx.hmb)
	d.obligations.publication_moratorium_until == "2027-06-01"
}

test_ts_caps_the_expiry if {
	d := decide(["DUO:0000006", "DUO:0000025:2026-12-20"], fx.hmb)
	d.obligations.expires_at == "2026-12-20T00:00:00Z"
	not "publication_required" in object.keys(d.obligations)
}

test_ts_past_limit_is_denied if {
	denied_by(["DUO:0000006", "DUO:0000025:2026-01-01"], fx.hmb, "duo.ts")
}

test_gs_restricts_the_country if {
	allowed(["DUO:0000006", "DUO:0000022:NL"], fx.hmb)
	denied_by(["DUO:0000006", "DUO:0000022:DE"], fx.hmb, "duo.gs")
}

test_us_and_ps_need_a_steward if {
	startswith(decide(["DUO:0000006", "DUO:0000026"], fx.hmb).obligations.requires_approval[0], "duo.us:")
	startswith(decide(["DUO:0000006", "DUO:0000027"], fx.hmb).obligations.requires_approval[0], "duo.ps:")
}

test_controlled_access_grant_visa_replaces_the_steward if {
	req := fx.with_subject(fx.request(["DUO:0000006", "DUO:0000026", "DUO:0000027"], ["ward"], fx.hmb), {
		"visas": array.concat(fx.visas, [fx.visa("ControlledAccessGrants", "dsx:dataset:cardio-visits")]),
	})
	d := request_access.decision with input as req
	d.allow
	d.obligations.requires_approval == []
}

test_controlled_access_grant_for_another_dataset_does_not_count if {
	req := fx.with_subject(fx.request(["DUO:0000006", "DUO:0000026"], ["ward"], fx.hmb), {
		"visas": array.concat(fx.visas, [fx.visa("ControlledAccessGrants", "dsx:dataset:oncology-cohort")]),
	})
	d := request_access.decision with input as req
	count(d.obligations.requires_approval) == 1
}

test_is_restricts_to_the_owner_institution if {
	denied_by(["DUO:0000006", "DUO:0000028"], fx.hmb, "duo.is")
	req := fx.with_subject(fx.request(["DUO:0000006", "DUO:0000028"], ["ward"], fx.hmb), {"institution": "hospital-a"})
	d := request_access.decision with input as req
	d.allow
}
