package org.ccrhub.demo;

import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;

/** The demo partnership's agencies, groups and people (fictional), added once. */
@Component
class DemoDirectory {

  void fill(Partnership partnership) {
    // agencies, groups and people are added here once the partnership directory services exist
  }
}
