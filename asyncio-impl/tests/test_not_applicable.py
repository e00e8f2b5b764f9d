"""The JVM kit's rules (or parts of rules) with no meaning for the asyncio row, one line each on why.
Each is a skipped test, so that pytest's ``-rs`` prints the list in every run."""

import pytest

NOT_APPLICABLE = {
    "Q1 thread census": "'no more virtual threads, platform threads within 16 of the warm pools'' counts JVM threads;"
                        " the asyncio row is one event-loop thread in a Python process (its analog, no task left on the"
                        " loop and the spec released, is test_Q1)",
    "I1 interrupt status": "Python threads have no interrupt flag; the asyncio caller cancels the awaiting task instead,"
                           " which test_I1_* checks (the call ends cancelled within 1 s, what it started stops)",
    "http transport re-run": "the JVM kit re-runs its 'http' rules over the JDK's HTTP client; the asyncio row has one"
                             " client, aiohttp",
}


@pytest.mark.parametrize("rule", NOT_APPLICABLE, ids=list(NOT_APPLICABLE))
def test_not_applicable(rule):
    pytest.skip(f"{rule}: not applicable to asyncio: {NOT_APPLICABLE[rule]}")
