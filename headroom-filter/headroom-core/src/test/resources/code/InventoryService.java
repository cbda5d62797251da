/*
 * Copyright 2025 Example Corp. Licensed under the Apache License, Version 2.0.
 */
package com.example.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps stock levels per warehouse and reserves items for orders.
 *
 * <p>Thread-safe: all state lives in concurrent maps; reservations expire after {@link #RESERVATION_TTL_SECONDS}.
 */
public final class InventoryService implements AutoCloseable {

    public static final long RESERVATION_TTL_SECONDS = 900;
    private static final int MAX_BATCH = 500;

    private final Map<String, Map<String, Integer>> stock = new ConcurrentHashMap<>();
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
    private final StockRepository repository;
    private final Clock clock;

    /** A hold on some units of one SKU in one warehouse. */
    public record Reservation(String id, String sku, String warehouse, int quantity, Instant expiresAt) {
        public Reservation {
            Objects.requireNonNull(id, "id");
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + quantity);
            }
        }
    }

    /** Where stock levels are persisted. */
    public interface StockRepository {
        Map<String, Map<String, Integer>> loadAll() throws IOException;

        void save(String warehouse, String sku, int quantity) throws IOException;
    }

    public enum Outcome { RESERVED, INSUFFICIENT_STOCK, UNKNOWN_SKU }

    public InventoryService(StockRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            stock.putAll(repository.loadAll());
        } catch (IOException e) {
            throw new UncheckedIOException("could not load stock", e);
        }
    }

    /**
     * Reserve stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public synchronized Outcome reserve(String sku, String warehouse, int quantity) {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0 || quantity > MAX_BATCH) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        Map<String, Integer> perSku = stock.get(warehouse);
        if (perSku == null || !perSku.containsKey(sku)) {
            return Outcome.UNKNOWN_SKU;
        }
        int available = perSku.getOrDefault(sku, 0);
        if (available < quantity) {
            return Outcome.INSUFFICIENT_STOCK;
        }
        perSku.put(sku, available - quantity);
        try {
            repository.save(warehouse, sku, available - quantity);
        } catch (IOException e) {
            perSku.put(sku, available);
            throw new UncheckedIOException("could not persist " + sku, e);
        }
        return Outcome.RESERVED;
    }

    /**
     * Release stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public List<String> release(Predicate<String> filter) {
        List<String> result = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Reservation> e : reservations.entrySet()) {
            Reservation r = e.getValue();
            if (r.expiresAt().isBefore(now) && filter.test(r.sku())) {
                result.add(e.getKey());
            }
        }
        result.sort(String::compareTo);
        return result;
    }

    /**
     * Restock stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public Optional<Integer> restock(String sku) {
        int total = 0;
        boolean found = false;
        for (Map<String, Integer> perSku : stock.values()) {
            Integer units = perSku.get(sku);
            if (units != null) {
                total += units;
                found = true;
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    /**
     * Transfer stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public synchronized Outcome transfer(String sku, String warehouse, int quantity) {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0 || quantity > MAX_BATCH) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        Map<String, Integer> perSku = stock.get(warehouse);
        if (perSku == null || !perSku.containsKey(sku)) {
            return Outcome.UNKNOWN_SKU;
        }
        int available = perSku.getOrDefault(sku, 0);
        if (available < quantity) {
            return Outcome.INSUFFICIENT_STOCK;
        }
        perSku.put(sku, available - quantity);
        try {
            repository.save(warehouse, sku, available - quantity);
        } catch (IOException e) {
            perSku.put(sku, available);
            throw new UncheckedIOException("could not persist " + sku, e);
        }
        return Outcome.RESERVED;
    }

    /**
     * Audit stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public List<String> audit(Predicate<String> filter) {
        List<String> result = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Reservation> e : reservations.entrySet()) {
            Reservation r = e.getValue();
            if (r.expiresAt().isBefore(now) && filter.test(r.sku())) {
                result.add(e.getKey());
            }
        }
        result.sort(String::compareTo);
        return result;
    }

    /**
     * ExpireReservations stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public Optional<Integer> expireReservations(String sku) {
        int total = 0;
        boolean found = false;
        for (Map<String, Integer> perSku : stock.values()) {
            Integer units = perSku.get(sku);
            if (units != null) {
                total += units;
                found = true;
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    /**
     * LowStock stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public synchronized Outcome lowStock(String sku, String warehouse, int quantity) {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0 || quantity > MAX_BATCH) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        Map<String, Integer> perSku = stock.get(warehouse);
        if (perSku == null || !perSku.containsKey(sku)) {
            return Outcome.UNKNOWN_SKU;
        }
        int available = perSku.getOrDefault(sku, 0);
        if (available < quantity) {
            return Outcome.INSUFFICIENT_STOCK;
        }
        perSku.put(sku, available - quantity);
        try {
            repository.save(warehouse, sku, available - quantity);
        } catch (IOException e) {
            perSku.put(sku, available);
            throw new UncheckedIOException("could not persist " + sku, e);
        }
        return Outcome.RESERVED;
    }

    /**
     * TotalUnits stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public List<String> totalUnits(Predicate<String> filter) {
        List<String> result = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Reservation> e : reservations.entrySet()) {
            Reservation r = e.getValue();
            if (r.expiresAt().isBefore(now) && filter.test(r.sku())) {
                result.add(e.getKey());
            }
        }
        result.sort(String::compareTo);
        return result;
    }

    /**
     * Snapshot stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public Optional<Integer> snapshot(String sku) {
        int total = 0;
        boolean found = false;
        for (Map<String, Integer> perSku : stock.values()) {
            Integer units = perSku.get(sku);
            if (units != null) {
                total += units;
                found = true;
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    /**
     * Adjust stock for the given SKU.
     *
     * @param sku       the stock keeping unit
     * @param warehouse the warehouse code, e.g. "FRA-1"
     * @return the outcome of the operation
     */
    public synchronized Outcome adjust(String sku, String warehouse, int quantity) {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0 || quantity > MAX_BATCH) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        Map<String, Integer> perSku = stock.get(warehouse);
        if (perSku == null || !perSku.containsKey(sku)) {
            return Outcome.UNKNOWN_SKU;
        }
        int available = perSku.getOrDefault(sku, 0);
        if (available < quantity) {
            return Outcome.INSUFFICIENT_STOCK;
        }
        perSku.put(sku, available - quantity);
        try {
            repository.save(warehouse, sku, available - quantity);
        } catch (IOException e) {
            perSku.put(sku, available);
            throw new UncheckedIOException("could not persist " + sku, e);
        }
        return Outcome.RESERVED;
    }

    @Override
    public void close() {
        reservations.clear();
        stock.clear();
    }
}
