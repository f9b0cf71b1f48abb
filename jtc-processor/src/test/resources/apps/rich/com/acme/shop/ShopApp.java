package com.acme.shop;

import dev.jtc.JtcApplication;

@JtcApplication(modules = {MailModule.class, StorageModule.class})
final class ShopApp {}
