package org.ccrhub.audit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the server takes requests or a command runs: opens the checkpoint (begun for
 * a new trail, reported when missing or unusable), then, for a new trail only, seals the records
 * written before keyed hashing (the upgrade from one plain SHA-256 chain).
 */
@Component
class AuditUpgrade implements SmartInitializingSingleton {

  private final AuditCheckpoints checkpoints;
  private final AuditTrail audit;

  AuditUpgrade(AuditCheckpoints checkpoints, AuditTrail audit) {
    this.checkpoints = checkpoints;
    this.audit = audit;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (checkpoints.open()) {
      audit.sealOlderRecords();
    }
  }
}
