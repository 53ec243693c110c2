#!/usr/bin/env python3
"""Write the hand-made seeds of fuzz/corpus/engine/.

Each seed is the byte encoding fuzz/fuzz_engine.c decodes: one machine
byte (bits 0-1: memory 1..4 GiB, bits 2-3: nodes 1..4), then operations,
each an opcode byte (taken modulo the number of operations) and its
argument bytes.  The encoders below mirror the decoders there; keep the
two in step (OPS lists the table order of fuzz_engine.c).

    python3 fuzz/gen-engine-seeds.py fuzz/corpus/engine

The structured seeds walk the reservation stories of scenarios/ (private
split, fork and COW, shared files, shm, subpools, overcommit, injected
failures, NUMA); the random ones (fixed seeds) mix everything.
"""
import os
import random
import sys

OPS = ["sysctl", "mount", "file", "truncate", "fallocate", "unlink",
       "shm_get", "shm_rm", "proc", "fork", "exit", "mmap", "mmap2",
       "touch", "touch2", "munmap", "mprotect", "mremap", "madvise",
       "mbind", "migrate", "inject", "read", "umount"]
OP = {name: i for i, name in enumerate(OPS)}

# sysctl keys, in fuzz_engine.c's order
K_NR, K_OVER, K_OCMEM, K_RATIO, K_NR2M, K_NR1G, K_OVER2M, K_OVER1G = range(8)


class Seed:
    def __init__(self, mem_gib=4, nodes=1):
        self.b = bytearray([((mem_gib - 1) & 3) | (((nodes - 1) & 3) << 2)])

    def op(self, name, *args):
        self.b.append(OP[name])
        self.b.extend(a & 0xff for a in args)
        return self

    # helpers with meaning ------------------------------------------
    def sysctl(self, key, val):
        return self.op("sysctl", key, val)

    def mount(self, ps=1, size=0x80, min_size=0x80):
        """ps: 0 default, 1 2M, 2 1G; size/min: 0x80 none, else pages (| 0x20: +4K)"""
        return self.op("mount", ps | (0 if min_size != 0x80 else 8), size, min_size)

    def file(self, mnt=0):
        return self.op("file", mnt)

    def truncate(self, f, pages):
        return self.op("truncate", f, pages)

    def fallocate(self, f, mode, off_q, len_q):
        """mode: 0 alloc, 1 keep size, 2 punch|keep; offsets in quarter pages"""
        return self.op("fallocate", f, mode, off_q, len_q)

    def mmap(self, proc=0, src=0, shared=False, pages=4, noreserve=False,
             populate=False, ro=False, off=0, obj=0, partial=False):
        """src: 0 anon 2M, 1 file, 2 shm, 3 anon 1G"""
        b1 = src | ((1 if shared else 0) << 2) | (0x10 if noreserve else 0) \
            | (0x20 if populate else 0) | (0x40 if ro else 0)
        b2 = pages | (0x80 if partial else 0)
        b3 = (off & 7) << 4
        return self.op("mmap", proc, b1, b2, b3, obj)

    def touch(self, m=0, page=0, n=1, write=True):
        return self.op("touch", m, page, (1 if write else 0) | ((n - 1) << 1))

    def rng(self, m, start, npages, how=3):
        """how: 0 misaligned start, 1 misaligned end, 2 from the gap, 3 exact"""
        return [m, (start & 0x1f) | (how << 5), npages]

    def munmap(self, m, start, npages, how=3):
        return self.op("munmap", *self.rng(m, start, npages, how))

    def mprotect(self, prot, m, start, npages):
        return self.op("mprotect", prot, *self.rng(m, start, npages))

    def madvise(self, adv, m, start, npages):
        """adv: 0 dontneed, 1 remove, 2 hugepage, 3 nohugepage, 4 pageout,
        5 collapse, 7 invalid"""
        return self.op("madvise", adv, *self.rng(m, start, npages))

    def mremap(self, m, newpages, mid=None):
        b1 = 0 if mid is None else 0x80 | mid
        return self.op("mremap", m, b1, newpages)

    def inject(self, site, nth, times):
        """site: 0 hpage, 1 region, 2 pagecache"""
        return self.op("inject", site, (nth % 6) | ((times % 4) << 4))


def structured():
    s = {}
    # the README's split: private map, touch, unmap the middle, exit
    x = Seed().sysctl(K_NR, 8).op("proc").mmap(pages=4).touch(0, 0) \
        .munmap(0, 1, 1).touch(0, 2, 2).op("exit", 0)
    s["private-split"] = x
    # fork and COW: owner and child write the same pages
    x = Seed().sysctl(K_NR, 6).op("proc").mmap(pages=3).touch(0, 0, 2) \
        .op("fork", 0).touch(1, 0, 2).touch(0, 1).op("exit", 0).touch(0, 0, 3) \
        .op("exit", 0)
    s["fork-cow"] = x
    # owner exits before the child (Rsvd wraps in 6.18)
    x = Seed().sysctl(K_NR, 4).op("proc").mmap(pages=2).touch(0, 0) \
        .op("fork", 0).touch(1, 0, 1, False).op("exit", 0).op("exit", 0)
    s["owner-exits-first"] = x
    # shared file: map, touch, truncate, punch, unlink while mapped
    x = Seed().sysctl(K_NR, 10).mount().file(0).truncate(0, 4).op("proc") \
        .mmap(src=1, shared=True, pages=4).touch(0, 0, 4).fallocate(0, 2, 4, 8) \
        .truncate(0, 1).op("unlink", 0).touch(0, 0, 4).munmap(0, 0, 4)
    s["shared-file-truncate-punch"] = x
    # private file mapping at an offset, fallocate, read-only
    x = Seed().sysctl(K_NR, 10).mount().file(0).fallocate(0, 0, 0, 16) \
        .op("proc").mmap(src=1, pages=2, off=2).mmap(src=1, shared=True, ro=True,
                                                      pages=3, off=1) \
        .touch(0, 0, 2).touch(1, 0, 3, False).touch(1, 0, 1, True)
    s["file-private-offset"] = x
    # subpool with size= and min_size=
    x = Seed().sysctl(K_NR, 12).mount(1, 4, 2).file(0).op("proc") \
        .mmap(src=1, shared=True, pages=6).mmap(src=1, shared=True, pages=3) \
        .touch(0, 0, 3).fallocate(0, 0, 0, 20).op("unlink", 0)
    s["subpool-min-size"] = x
    # subpool min_size larger than the pool: ENOMEM; size only
    x = Seed().sysctl(K_NR, 2).mount(1, 0x80, 8).mount(1, 3, 0x80).file(0) \
        .op("proc").mmap(src=1, pages=4).mmap(src=1, pages=2, shared=True) \
        .touch(0, 0, 4)
    s["subpool-limits"] = x
    # umount: busy while mapped, then the subpool goes (min_size= unwind)
    x = Seed().sysctl(K_NR, 4).sysctl(K_OVER, 4).mount(1, 6, 3).file(0) \
        .op("proc").mmap(src=1, shared=True, pages=2).op("umount", 0) \
        .touch(0, 0, 2).munmap(0, 0, 2).op("umount", 0).mount(1, 0x80, 2) \
        .file(0).fallocate(0, 0, 0, 12).op("umount", 0)
    s["umount"] = x
    # a failed fallocate on a size= + min_size= subpool, then unmount
    x = Seed().sysctl(K_OVER, 12).op("mount", 1, 13 | 0x20, 1 | 0x20).file(0) \
        .op("fallocate", 0, 0, 63, 47).op("umount", 0)
    s["subpool-fallocate-enospc"] = x
    # overcommit: surplus pages come and go
    x = Seed().sysctl(K_NR, 2).sysctl(K_OVER, 4).op("proc").mmap(pages=5) \
        .touch(0, 0, 5).sysctl(K_NR, 0).munmap(0, 0, 5).sysctl(K_NR, 3)
    s["overcommit-surplus"] = x
    # noreserve: SIGBUS when the pool runs dry
    x = Seed().sysctl(K_NR, 2).op("proc").mmap(pages=4, noreserve=True) \
        .mmap(pages=1).touch(0, 0, 4).touch(1, 0)
    s["noreserve-sigbus"] = x
    # shm: get, attach in two processes, rm while attached
    x = Seed().sysctl(K_NR, 8).op("shm_get", 1, 3).op("proc").op("proc") \
        .mmap(0, src=2, shared=True, pages=3).mmap(1, src=2, shared=True, pages=3) \
        .touch(0, 0, 3).touch(1, 1).op("shm_rm", 0).op("exit", 0).op("exit", 0)
    s["shm-attach-rm"] = x
    # shm noreserve and 1G pages
    x = Seed().sysctl(K_NR1G, 2).sysctl(K_NR, 4).op("shm_get", 2 | 8, 2) \
        .op("shm_get", 2, 1).op("proc").mmap(src=2, shared=True, pages=2) \
        .mmap(src=2, shared=True, pages=1, obj=1).touch(0, 0, 2).touch(1, 0)
    s["shm-1g"] = x
    # 1G anonymous mappings, populate
    x = Seed().sysctl(K_NR1G, 3).op("proc").mmap(src=3, pages=2, populate=True) \
        .mmap(src=3, shared=True, pages=1).touch(1, 0).op("fork", 0) \
        .munmap(0, 1, 1).op("exit", 1)
    s["anon-1g-populate"] = x
    # mprotect splits, a write to read-only, mremap shrink
    x = Seed().sysctl(K_NR, 8).op("proc").mmap(pages=6).touch(0, 0, 6) \
        .mprotect(1, 0, 2, 2).touch(0, 2).mprotect(3, 0, 2, 1).mremap(0, 3) \
        .mremap(0, 5).mremap(0, 2, mid=1).munmap(0, 0, 6)
    s["mprotect-mremap"] = x
    # madvise: dontneed on private, remove on shared, bad advice
    x = Seed().sysctl(K_NR, 8).mount().file(0).op("proc") \
        .mmap(pages=4).mmap(src=1, shared=True, pages=4).touch(0, 0, 4) \
        .touch(1, 0, 4).madvise(0, 0, 1, 2).madvise(1, 1, 0, 3) \
        .madvise(7, 0, 0, 1).madvise(5, 1, 0, 1).madvise(2, 0, 0, 4)
    s["madvise"] = x
    # injected failures in faults, regions, page cache
    x = Seed().sysctl(K_NR, 8).mount().file(0).op("proc") \
        .inject(0, 1, 1).mmap(pages=2).touch(0, 0) \
        .inject(1, 1, 1).munmap(0, 0, 1) \
        .inject(2, 1, 2).mmap(src=1, shared=True, pages=2).touch(1, 0, 2) \
        .inject(1, 1, 3).fallocate(0, 2, 0, 4).inject(0, 2, 1) \
        .mmap(pages=3, populate=True)
    s["inject"] = x
    # NUMA: bind a range, migrate pages between nodes
    x = Seed(4, 3).sysctl(K_NR, 12).op("proc").mmap(pages=4).touch(0, 0, 2) \
        .op("mbind", 0x2, *Seed().rng(0, 2, 2)).touch(0, 2, 2) \
        .op("migrate", 3, *Seed().rng(0, 0, 4)).op("migrate", 1, *Seed().rng(0, 0, 2)) \
        .mount().file(0).mmap(src=1, shared=True, pages=2).touch(1, 0, 2) \
        .op("migrate", 2, *Seed().rng(1, 0, 2))
    s["numa-bind-migrate"] = x
    # renderers, truncated and whole
    x = Seed().sysctl(K_NR, 2).op("proc").mmap(pages=1).touch(0, 0)
    for b in range(8):
        x.op("read", b, 0x80 | (b * 13)).op("read", b, 0)
    s["read-files"] = x
    # bad sysctl values and keys; pool resize under use
    x = Seed(1).sysctl(K_NR, 0xf0).sysctl(K_NR1G, 3).sysctl(K_OCMEM, 3) \
        .sysctl(9, 1).sysctl(K_RATIO, 0xf9).sysctl(K_OVER1G, 2) \
        .op("proc").mmap(pages=8).touch(0, 0, 8).sysctl(K_NR, 1).op("exit", 0)
    s["sysctl-edges"] = x
    return s


def random_seed(rnd, n_ops):
    x = Seed(rnd.randint(1, 4), rnd.choice([1, 1, 2, 4]))
    x.sysctl(K_NR, rnd.randint(2, 30))
    if rnd.random() < 0.3:
        x.sysctl(K_NR1G, rnd.randint(1, 3))
    x.op("proc")
    weights = {"mmap": 6, "touch": 6, "munmap": 3, "mprotect": 2, "mremap": 2,
               "madvise": 2, "fork": 2, "exit": 1, "proc": 1, "mount": 1,
               "file": 2, "truncate": 2, "fallocate": 2, "unlink": 1, "umount": 1,
               "shm_get": 1, "shm_rm": 1, "sysctl": 1, "inject": 1,
               "mbind": 1, "migrate": 1, "read": 1}
    names = list(weights)
    w = [weights[k] for k in names]
    nargs = {"sysctl": 2, "mount": 3, "file": 1, "truncate": 2, "fallocate": 4,
             "unlink": 1, "shm_get": 2, "shm_rm": 1, "proc": 0, "fork": 1,
             "exit": 1, "mmap": 5, "touch": 3, "munmap": 3, "mprotect": 4,
             "mremap": 3, "madvise": 4, "mbind": 4, "migrate": 4, "inject": 2,
             "read": 2, "umount": 1}
    for _ in range(n_ops):
        name = rnd.choices(names, w)[0]
        if name == "mmap":
            # mostly well-formed: a source that exists, 1..8 pages
            x.mmap(proc=rnd.randrange(8), src=rnd.choice([0, 0, 1, 1, 2, 3]),
                   shared=rnd.random() < 0.4, pages=rnd.randint(1, 8),
                   noreserve=rnd.random() < 0.15, populate=rnd.random() < 0.15,
                   ro=rnd.random() < 0.1, off=rnd.randrange(4),
                   obj=rnd.randrange(8), partial=rnd.random() < 0.1)
            continue
        if name == "touch":
            x.touch(rnd.randrange(48), rnd.randrange(8), rnd.randint(1, 8),
                    rnd.random() < 0.7)
            continue
        if name == "file" and rnd.random() < 0.5:
            x.mount(rnd.choice([1, 1, 2]), rnd.choice([0x80, 0x80, 8, 16]),
                    rnd.choice([0x80, 0x80, 0x80, 2]))
        args = [rnd.randrange(256) for _ in range(nargs[name])]
        if name == "sysctl":
            args[1] = rnd.randrange(40)
        x.op(name, *args)
    return x


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus/engine"
    os.makedirs(out, exist_ok=True)
    seeds = structured()
    rnd = random.Random(20240601)
    for i in range(24):
        seeds["random-%02d" % i] = random_seed(rnd, rnd.randint(20, 160))
    for name, x in seeds.items():
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(bytes(x.b))
    print("wrote %d seeds to %s" % (len(seeds), out))


if __name__ == "__main__":
    main()
