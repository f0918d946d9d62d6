package org.ccrhub;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring application: each direct sub-package is a Spring Modulith module. */
@SpringBootApplication
@Modulithic(systemName = "CCR Hub", sharedModules = "shared")
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
public class CcrHubApplication {}
