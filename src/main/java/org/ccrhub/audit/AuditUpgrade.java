package org.ccrhub.audit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the server takes requests or a command runs: seals the records written before
 * keyed hashing (the upgrade from one plain SHA-256 chain), once.
 */
@Component
class AuditUpgrade implements SmartInitializingSingleton {

  private final AuditTrail audit;

  AuditUpgrade(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void afterSingletonsInstantiated() {
    audit.sealOlderRecords();
  }
}
