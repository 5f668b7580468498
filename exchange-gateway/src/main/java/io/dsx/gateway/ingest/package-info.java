/**
 * Contributions (DESIGN.md §3.1–3.2, §5 invariants 1–3): check the caller, the dataset and the
 * signing key; verify the signature before decrypting; open the HPKE envelope; check count, Merkle
 * root and every record; encrypt each record under the dataset's DEK; write records, new wrapped DEKs
 * and the ledger entry in one Kafka transaction; answer with a receipt signed by the gateway. Every
 * check happens before the transaction begins, so a refusal writes nothing at all.
 */
package io.dsx.gateway.ingest;
