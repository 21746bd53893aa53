package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** RFC 3030: BDAT chunks (BdatHandler). BINARYMIME is not offered, so chunks must still be CRLF text. */
@ApplicationScoped
public class ChunkingExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("CHUNKING");
    }
}
