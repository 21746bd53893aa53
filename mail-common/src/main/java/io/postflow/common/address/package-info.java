/**
 * Mail addresses, domains and SMTP paths (RFC 5321 §4.1.2, RFC 6531), parsed strictly and held
 * in canonical form. Invalid input fails with {@link io.postflow.common.address.AddressException}.
 */
package io.postflow.common.address;
