package dev.nightshift.inbox.imap;

import jakarta.validation.constraints.Size;

/**
 * What to change in a mailbox; what is left out stays. A new password or folder is tried before it
 * is saved unless {@code verify} is false; another folder is read from its first message. {@code
 * active: true} turns a disabled or failing mailbox on again with its failures forgotten.
 */
public record MailboxChange(
    @Size(min = 1, max = 1000) String password,
    @Size(min = 1, max = 200) String folder,
    Boolean active,
    Boolean verify) {}
