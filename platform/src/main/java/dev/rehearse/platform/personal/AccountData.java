package dev.rehearse.platform.personal;

import dev.rehearse.platform.outbox.OutboxRepository;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything this service holds about an account, gathered from every {@link PersonalData} bean:
 * new features are picked up without being listed anywhere. Beans run in {@code @Order} (lowest
 * first), so a feature whose rows reference another's can erase before it.
 */
@Singleton
public class AccountData {
  private final List<PersonalData> parts;
  private final OutboxRepository outbox;
  private final ErasedAccounts erased;

  public AccountData(List<PersonalData> parts, OutboxRepository outbox, ErasedAccounts erased) {
    List<PersonalData> sorted = new ArrayList<>(parts);
    OrderUtil.sort(sorted);
    this.parts = List.copyOf(sorted);
    this.outbox = outbox;
    this.erased = erased;
  }

  /** Each part's export under its section name. */
  @Transactional(readOnly = true)
  public Map<String, Object> export(String accountId) {
    Map<String, Object> sections = new LinkedHashMap<>();
    for (PersonalData part : parts) {
      sections.put(part.section(), part.export(accountId));
    }
    return sections;
  }

  /**
   * Erases every part in one transaction, and the outbox rows naming the account (sent ones are
   * kept a week otherwise; unsent ones about an erased account need not go out). A row the relay is
   * sending is locked: the delete waits for it to be sent, then removes it. The account is then
   * remembered as erased, so events about it still in flight are dropped ({@link ErasedAccounts}).
   */
  @Transactional
  public void erase(String accountId) {
    for (PersonalData part : parts) {
      part.erase(accountId);
    }
    outbox.deleteNaming(accountId);
    erased.remember(accountId);
  }

  public List<String> sections() {
    return parts.stream().map(PersonalData::section).toList();
  }
}
