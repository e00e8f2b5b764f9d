package dev.asyncbench.coroutines

internal object Placeholder
