package com.acme.shop;

public interface Mailer {
    void send(String to, String text);
}
