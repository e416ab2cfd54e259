package dev.rehearse.platform.personal;

/**
 * What one feature of a service holds about an account. Every feature that stores rows naming an
 * account registers one bean: the service's data export gathers every bean's {@link #export} under
 * its {@link #section}, and account deletion calls every bean's {@link #erase}.
 */
public interface PersonalData {
  /** The name of this part in the export document, e.g. {@code "attempts"}. */
  String section();

  /** Everything this feature holds about the account, as JSON-serialisable values. */
  Object export(String accountId);

  /**
   * Erases everything this feature holds about the account. Called inside one transaction with the
   * other features' erasures; calling it again must be harmless.
   */
  void erase(String accountId);
}
