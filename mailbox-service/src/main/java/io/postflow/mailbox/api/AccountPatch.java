package io.postflow.mailbox.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.postflow.mailbox.domain.admin.AccountUpdate;
import io.postflow.mailbox.domain.admin.AdminRejection;
import io.postflow.mailbox.domain.admin.QuotaChange;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /api/v1/accounts/{address}}: a JSON merge of the fields present. An absent field is
 * left alone, while {@code "quotaBytes": null} removes the limit, so presence is recorded by the
 * setters rather than inferred from null.
 */
@Schema(name = "AccountPatch", description = "At least one of the fields")
public final class AccountPatch {

    @Schema(description = "New password, 8 to 1024 characters", format = "password")
    private String password;
    @Schema(description = "New storage limit in bytes (0 or more), or null to remove the limit", nullable = true)
    private Long quotaBytes;
    private boolean passwordGiven;
    private boolean quotaGiven;
    private String unknownField;

    @JsonSetter("password")
    void password(String password) {
        this.password = password;
        this.passwordGiven = true;
    }

    @JsonSetter("quotaBytes")
    void quotaBytes(Long quotaBytes) {
        this.quotaBytes = quotaBytes;
        this.quotaGiven = true;
    }

    // A misspelt field would otherwise be a silent no-op that answers 204.
    @JsonAnySetter
    void unknown(String name, Object value) {
        if (unknownField == null) {
            unknownField = name;
        }
    }

    AccountUpdate toUpdate() {
        if (unknownField != null) {
            throw AdminRejection.invalid("unknown field " + unknownField + "; expected password and/or quotaBytes");
        }
        if (passwordGiven && password == null) {
            throw AdminRejection.invalid("password must be a string");
        }
        return new AccountUpdate(
                passwordGiven ? Optional.of(password) : Optional.empty(),
                quotaGiven ? Optional.of(new QuotaChange(quotaBytes)) : Optional.empty());
    }

    @Override
    public String toString() {
        return "AccountPatch[password=" + (passwordGiven ? "***" : "absent") + ", quotaBytes="
                + (quotaGiven ? quotaBytes : "absent") + "]";
    }
}
