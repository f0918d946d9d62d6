/**
 * Email: messages queued by other modules ({@link org.ccrhub.mail.Mail}), delivered through SMTP or
 * GOV.UK Notify with retries, or kept in an outbox when no mail server is configured; one-time
 * links sent at once ({@link org.ccrhub.security.AccountMail}); the administrators' Email page.
 */
@NullMarked
package org.ccrhub.mail;

import org.jspecify.annotations.NullMarked;
