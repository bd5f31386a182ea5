package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/** A growable stack of ints, to keep hot loops free of boxing. Not thread-safe. */
final class IntStack {

    private int[] items;
    private int size;

    IntStack(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    void push(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    int pop() {
        return items[--size];
    }

    int get(int index) {
        return items[index];
    }

    void set(int index, int value) {
        items[index] = value;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
