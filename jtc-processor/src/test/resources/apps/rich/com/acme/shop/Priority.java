package com.acme.shop;

public enum Priority { LOW, NORMAL, URGENT }
