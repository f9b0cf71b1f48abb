package com.acme.ops;

import dev.jtc.JtcApplication;

@JtcApplication(generatedPackage = "com.acme.ops.generated")
final class OpsApp {}
