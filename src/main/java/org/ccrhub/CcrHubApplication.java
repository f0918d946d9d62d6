package org.ccrhub;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The Spring application: each direct sub-package is a Spring Modulith module. */
@SpringBootApplication
@Modulithic(systemName = "CCR Hub", sharedModules = "shared")
public class CcrHubApplication {}
