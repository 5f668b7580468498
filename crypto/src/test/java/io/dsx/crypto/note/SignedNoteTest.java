package io.dsx.crypto.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.crypto.sign.Ed25519Raw;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.crypto.testing.Json;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final Map<String, Object> V = Json.object(Json.resource("/vectors/signed-note-go.json"));
    private static final String TEXT = (String) V.get("text");
    private static final String NOTE = TEXT + "\n" + V.get("signatureLine");

    private static SigningKey peterNeumann() {
        String skey = (String) V.get("signerKey");
        // "PRIVATE+KEY+name+id+base64": the base64 part may itself contain "+".
        byte[] material = Base64.getDecoder().decode(skey.split("\\+", 5)[4]);
        assertThat(material[0]).isEqualTo((byte) 1);
        return SigningKey.ed25519FromSeed(Arrays.copyOfRange(material, 1, 33));
    }

    @Test
    void signingTheGoExampleReproducesItsVerifierKeyAndNoteByteForByte() throws Exception {
        SigningKey key = peterNeumann();
        NoteVerifierKey vk = NoteVerifierKey.of("PeterNeumann", Ed25519Raw.raw(key.publicKey()));
        assertThat(vk.toString()).isEqualTo(V.get("verifierKey"));
        assertThat(NoteVerifierKey.parse((String) V.get("verifierKey"))).isEqualTo(vk);
        assertThat(SignedNote.sign(TEXT, "PeterNeumann", key)).isEqualTo(NOTE);
    }

    @Test
    void openReturnsTheTextOnlyWhenTheKnownKeySigned() throws Exception {
        NoteVerifierKey peter = NoteVerifierKey.parse((String) V.get("verifierKey"));
        assertThat(SignedNote.open(NOTE, peter)).isEqualTo(TEXT);

        String altered = NOTE.replace("answer", "Answer");
        assertReason(() -> SignedNote.open(altered, peter), CryptoException.Reason.BAD_SIGNATURE);

        SigningKey other = SigningKey.ed25519FromSeed(new byte[32]);
        NoteVerifierKey otherKey = NoteVerifierKey.of("Other", Ed25519Raw.raw(other.publicKey()));
        assertReason(() -> SignedNote.open(NOTE, otherKey), CryptoException.Reason.BAD_SIGNATURE);

        String cosigned = SignedNote.sign(TEXT, "Other", other);
        String both = NOTE + cosigned.substring(TEXT.length() + 1);
        assertThat(SignedNote.open(both, peter)).isEqualTo(TEXT);
        assertThat(SignedNote.open(both, otherKey)).isEqualTo(TEXT);
    }

    @Test
    void malformedNotesAndKeysAreMalformed() {
        NoteVerifierKey[] peter = new NoteVerifierKey[1];
        assertThatThrownBy(() -> peter[0] =
                        NoteVerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() ->
                        NoteVerifierKey.parse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(CryptoException.class);
        NoteVerifierKey key = NoteVerifierKey.of("k", new byte[32]);
        assertReason(() -> SignedNote.open(TEXT, key), CryptoException.Reason.MALFORMED);
        assertReason(() -> SignedNote.open(TEXT + "\nnot a signature\n", key), CryptoException.Reason.MALFORMED);
        assertReason(() -> SignedNote.open("a\tb\n\n" + V.get("signatureLine"), key), CryptoException.Reason.MALFORMED);
    }

    @Test
    void checkpointOverAMerkleRootRoundTripsThroughASignedNote() throws Exception {
        MerkleTree tree = MerkleTree.ofLeaves(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
        Checkpoint cp = new Checkpoint("dsx.example/audit", tree.size(), tree.root());
        assertThat(cp.toNoteText())
                .isEqualTo("dsx.example/audit\n3\n" + Base64.getEncoder().encodeToString(tree.root()) + "\n");

        SigningKey gateway =
                io.dsx.crypto.keys.InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, new SecureRandom());
        String note = SignedNote.sign(cp.toNoteText(), "dsx.example/audit", gateway);
        NoteVerifierKey vk = NoteVerifierKey.of("dsx.example/audit", Ed25519Raw.raw(gateway.publicKey()));
        assertThat(Checkpoint.parse(SignedNote.open(note, NoteVerifierKey.parse(vk.toString()))))
                .isEqualTo(cp);
        assertReason(() -> Checkpoint.parse("origin\n-1\nAAAA\n"), CryptoException.Reason.MALFORMED);
        assertReason(
                () -> Checkpoint.parse("origin\n3\n" + Base64.getEncoder().encodeToString(tree.root())),
                CryptoException.Reason.MALFORMED);
    }

    interface Op {
        void run() throws Exception;
    }

    private static void assertReason(Op op, CryptoException.Reason reason) {
        assertThatThrownBy(op::run)
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
