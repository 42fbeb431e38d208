package dev.nightshift.inbox.matching;

/** A review a person asked for that cannot be done; the REST layer turns it into a problem. */
public class ReviewRefusedException extends RuntimeException {

  /** Why it was refused. */
  public enum Reason {
    /** There is no such suggestion (or item) to review. */
    NOT_FOUND,
    /** The item's state does not allow it, such as confirming while linked to another. */
    CONFLICT
  }

  private final Reason reason;

  ReviewRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
