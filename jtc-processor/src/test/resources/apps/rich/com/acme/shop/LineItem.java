package com.acme.shop;

import java.math.BigDecimal;

public record LineItem(String sku, int quantity, BigDecimal price) {}
