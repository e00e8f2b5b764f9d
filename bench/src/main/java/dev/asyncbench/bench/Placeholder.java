package dev.asyncbench.bench;

final class Placeholder {
}
