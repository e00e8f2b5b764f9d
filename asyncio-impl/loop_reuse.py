"""Why asyncio's mass gather slows when one event loop runs it again (docs/sample-full/README.md).

N tasks each waiting 1 s, gathered five times: ``plain`` on one loop (as the harness runs its
iterations), ``gc`` the same with gc.collect() between, ``runs`` in a fresh asyncio.run each time.
Each line: the round, its wall time in s (and, on one loop, its CPU time).

    cd asyncio-impl && /usr/bin/python3 loop_reuse.py 100000 plain
    cd asyncio-impl && /usr/bin/python3 loop_reuse.py 100000 runs

2026-12-05, this 2-core machine, CPython 3.11.2, nothing else running: plain 2.4, 2.8, 3.0, 3.9,
3.5 s; gc 2.5, 2.9, 3.5, 3.8, 3.7 s; runs 2.5, 2.4, 2.3, 2.3, 2.3 s.
"""
import asyncio, time, gc, sys
N = int(sys.argv[1]); mode = sys.argv[2]

async def one(i):
    await asyncio.sleep(1)
    return i

async def gm():
    return sum(await asyncio.gather(*(one(i) for i in range(N))))

async def main():
    for k in range(5):
        if mode == 'gc' and k:
            gc.collect()
        t = time.perf_counter(); c = time.process_time()
        await gm()
        print(mode, k, round(time.perf_counter() - t, 3), 'cpu', round(time.process_time() - c, 3), flush=True)

if mode == 'runs':
    for k in range(5):
        t = time.perf_counter()
        asyncio.run(gm())
        print(mode, k, round(time.perf_counter() - t, 3), flush=True)
else:
    asyncio.run(main())
