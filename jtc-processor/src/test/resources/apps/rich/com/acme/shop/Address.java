package com.acme.shop;

import java.util.Optional;

public record Address(String street, String city, Optional<String> zip) {}
