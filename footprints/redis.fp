# hugeresv footprint 1
name redis
source redis-server 5:7.0.15-1~deb12u10 (jemalloc): 2.5M SETs of 512 B over 2M random keys, captured during a GET/SET/LPUSH/HSET redis-benchmark mix; pid 29322 comm redis-server, captured 2026-11-21T23:52:59Z, Linux 6.18.44-fc-v595
thp madvise
vma 5625e0378000-5625e03d7000 r--p file /usr/bin/redis-check-rdb
present 0+95
vma 5625e03d7000-5625e04ee000 r-xp file /usr/bin/redis-check-rdb
present 0+57 59+220
vma 5625e04ee000-5625e0563000 r--p file /usr/bin/redis-check-rdb
present 0+66
vma 5625e0563000-5625e0566000 r--p file /usr/bin/redis-check-rdb
present 0+3
vma 5625e0566000-5625e05c0000 rw-p file /usr/bin/redis-check-rdb
present 0+90
vma 5625e05c0000-5625e05df000 rw-p anon
present 0+21 24+7
vma 7fd564c00000-7fd5bc800000 rw-p anon
present 0+6526 6529+48191 57344+15360 72707+4 72714+33783 106790+100 106891+6 106902+97
present 107002+1523 108544+45057 154624+106496 263680+19 263700+3 264192+95232
vma 7fd5bc900000-7fd5bd600000 rw-p anon
present 0+3328
vma 7fd5bd700000-7fd5be000000 rw-p anon
present 0+2304
vma 7fd5be180000-7fd5bee00000 rw-p anon
present 0+1739 1746 1748+209 1960+205 2167+3 2176+1024
vma 7fd5bef7c000-7fd5bf1fc000 rw-p anon
present 0+89 90+36 127+137 267+4 274+8 285+4 292+9 304+3
present 310+8 321+5 328+8 339+3 345+9 357+3 363+8 374+3
present 380+8 391+3 397+243
vma 7fd5bf1fc000-7fd5bf1fd000 ---p anon
vma 7fd5bf1fd000-7fd5bf9fd000 rw-p anon
present 2045+3
vma 7fd5bf9fd000-7fd5bf9fe000 ---p anon
vma 7fd5bf9fe000-7fd5c01fe000 rw-p anon
present 2046+2
vma 7fd5c01fe000-7fd5c01ff000 ---p anon
vma 7fd5c01ff000-7fd5c09ff000 rw-p anon
present 2046+2
vma 7fd5c09ff000-7fd5c0a00000 ---p anon
vma 7fd5c0a00000-7fd5c1200000 rw-p anon
present 2046+2
vma 7fd5c1200000-7fd5c1a00000 rw-p anon
present 0 11+2 512+519 1032+4 1056+2 1060+6 1067 1070
present 1077+2 1083 1086 1093+5 1100+13 1119+79 1201+39 1246+123
present 1370 1391 1424+3 1429+10 1441+4 1450+5 1460+6 1470+6
present 1477 1484 1490+65 1556+9 1572+29 1609 1618 1627
present 1637 1646 1655 1664+384
vma 7fd5c1b1a000-7fd5c1b1c000 rw-p anon
present 0+2
vma 7fd5c1b1c000-7fd5c1b21000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0+5
vma 7fd5c1b21000-7fd5c1b37000 r-xp file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0+6 7+15
vma 7fd5c1b37000-7fd5c1b42000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0+11
vma 7fd5c1b42000-7fd5c1b43000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0
vma 7fd5c1b43000-7fd5c1b44000 rw-p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0
vma 7fd5c1b44000-7fd5c1b49000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0+5
vma 7fd5c1b49000-7fd5c1bea000 r-xp file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0+16
vma 7fd5c1bea000-7fd5c1bfe000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
vma 7fd5c1bfe000-7fd5c1bff000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7fd5c1bff000-7fd5c1c00000 rw-p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7fd5c1c00000-7fd5c1c99000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+153
vma 7fd5c1c99000-7fd5c1d9a000 r-xp file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+16 55+16
vma 7fd5c1d9a000-7fd5c1e09000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+16
vma 7fd5c1e09000-7fd5c1e14000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+11
vma 7fd5c1e14000-7fd5c1e17000 rw-p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+3
vma 7fd5c1e17000-7fd5c1e1a000 rw-p anon
present 1+2
vma 7fd5c1e1b000-7fd5c1e1e000 rw-p anon
present 0+3
vma 7fd5c1e1e000-7fd5c1e44000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7fd5c1e44000-7fd5c1f9a000 r-xp file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+60 76+192 284+16 316+26
vma 7fd5c1f9a000-7fd5c1fed000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7fd5c1fed000-7fd5c1ff1000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+4
vma 7fd5c1ff1000-7fd5c1ff3000 rw-p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+2
vma 7fd5c1ff3000-7fd5c2000000 rw-p anon
present 0 4+3 12
vma 7fd5c2000000-7fd5c20c5000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+197
vma 7fd5c20c5000-7fd5c2342000 r-xp file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+43 59+32 107+96 283+160 475+32 523+64 603+34
vma 7fd5c2342000-7fd5c2420000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+94
vma 7fd5c2420000-7fd5c2482000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+98
vma 7fd5c2482000-7fd5c2485000 rw-p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+3
vma 7fd5c2485000-7fd5c2488000 rw-p anon
present 1+2
vma 7fd5c2488000-7fd5c248b000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0+3
vma 7fd5c248b000-7fd5c24a9000 r-xp file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0+16
vma 7fd5c24a9000-7fd5c24ac000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
vma 7fd5c24ac000-7fd5c24ad000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0
vma 7fd5c24ad000-7fd5c24ae000 rw-p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0
vma 7fd5c24ae000-7fd5c24b2000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0+4
vma 7fd5c24b2000-7fd5c24cf000 r-xp file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0+16
vma 7fd5c24cf000-7fd5c24db000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
vma 7fd5c24db000-7fd5c24dc000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0
vma 7fd5c24dc000-7fd5c24dd000 rw-p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0
vma 7fd5c24dd000-7fd5c24ec000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+15
vma 7fd5c24ec000-7fd5c25d6000 r-xp file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+16
vma 7fd5c25d6000-7fd5c261a000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
vma 7fd5c261a000-7fd5c261f000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+5
vma 7fd5c261f000-7fd5c2623000 rw-p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+4
vma 7fd5c2623000-7fd5c2624000 rw-p anon
vma 7fd5c2624000-7fd5c2627000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0+3
vma 7fd5c2627000-7fd5c262c000 r-xp file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0+5
vma 7fd5c262c000-7fd5c262e000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
vma 7fd5c262e000-7fd5c262f000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0
vma 7fd5c262f000-7fd5c2630000 rw-p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0
vma 7fd5c2630000-7fd5c2633000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+3
vma 7fd5c2633000-7fd5c264a000 r-xp file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+16
vma 7fd5c264a000-7fd5c264e000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
vma 7fd5c264e000-7fd5c264f000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7fd5c264f000-7fd5c2650000 rw-p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7fd5c2650000-7fd5c2666000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0+22
vma 7fd5c2666000-7fd5c26e5000 r-xp file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0+16
vma 7fd5c26e5000-7fd5c2713000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
vma 7fd5c2713000-7fd5c271e000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0+11
vma 7fd5c271e000-7fd5c271f000 rw-p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0
vma 7fd5c271f000-7fd5c2720000 rw-p anon
vma 7fd5c2720000-7fd5c2730000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0 2+14
vma 7fd5c2730000-7fd5c27a4000 r-xp file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+64 80+16
vma 7fd5c27a4000-7fd5c27fe000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+44
vma 7fd5c27fe000-7fd5c27ff000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fd5c27ff000-7fd5c2800000 rw-p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fd5c2800000-7fd5c2809000 r--p file /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
present 0+9
vma 7fd5c2809000-7fd5c28af000 r-xp file /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
present 0+87 103+63
vma 7fd5c28af000-7fd5c28c7000 r--p file /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
present 0+17
vma 7fd5c28c7000-7fd5c28cd000 r--p file /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
present 0+6
vma 7fd5c28cd000-7fd5c28ce000 rw-p file /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
present 0
vma 7fd5c28ce000-7fd5c2af3000 rw-p anon
present 7 263 519+5 525 541+3 545+4
vma 7fd5c2af3000-7fd5c2b12000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+31
vma 7fd5c2b12000-7fd5c2b6f000 r-xp file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+16
vma 7fd5c2b6f000-7fd5c2b8e000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
vma 7fd5c2b8e000-7fd5c2b98000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+10
vma 7fd5c2b98000-7fd5c2b9c000 rw-p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+4
vma 7fd5c2b9c000-7fd5c2b9e000 rw-p anon
present 0+2
vma 7fd5c2b9e000-7fd5c2b9f000 r--p file /usr/lib/x86_64-linux-gnu/liblzf.so.1.5
present 0
vma 7fd5c2b9f000-7fd5c2ba1000 r-xp file /usr/lib/x86_64-linux-gnu/liblzf.so.1.5
present 0+2
vma 7fd5c2ba1000-7fd5c2ba2000 r--p file /usr/lib/x86_64-linux-gnu/liblzf.so.1.5
vma 7fd5c2ba2000-7fd5c2ba3000 r--p file /usr/lib/x86_64-linux-gnu/liblzf.so.1.5
present 0
vma 7fd5c2ba3000-7fd5c2ba4000 rw-p file /usr/lib/x86_64-linux-gnu/liblzf.so.1.5
present 0
vma 7fd5c2ba4000-7fd5c2ba6000 r--p file /usr/lib/x86_64-linux-gnu/libatomic.so.1.2.0
present 0+2
vma 7fd5c2ba6000-7fd5c2ba9000 r-xp file /usr/lib/x86_64-linux-gnu/libatomic.so.1.2.0
present 0+3
vma 7fd5c2ba9000-7fd5c2bab000 r--p file /usr/lib/x86_64-linux-gnu/libatomic.so.1.2.0
vma 7fd5c2bab000-7fd5c2bac000 r--p file /usr/lib/x86_64-linux-gnu/libatomic.so.1.2.0
present 0
vma 7fd5c2bac000-7fd5c2bad000 rw-p file /usr/lib/x86_64-linux-gnu/libatomic.so.1.2.0
present 0
vma 7fd5c2bad000-7fd5c2bae000 rw-p anon
vma 7fd5c2bb1000-7fd5c2bb8000 r--s shared /usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache
present 0+7
vma 7fd5c2bb8000-7fd5c2bb9000 r--p file /usr/lib/locale/C.utf8/LC_COLLATE
present 0
vma 7fd5c2bb9000-7fd5c2bbb000 rw-p anon
present 0+2
vma 7fd5c2bbb000-7fd5c2bbf000 r--p special [vvar]
vma 7fd5c2bbf000-7fd5c2bc1000 r--p special [vvar_vclock]
vma 7fd5c2bc1000-7fd5c2bc3000 r-xp special [vdso]
present 0
vma 7fd5c2bc3000-7fd5c2bc4000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0
vma 7fd5c2bc4000-7fd5c2bea000 r-xp file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+38
vma 7fd5c2bea000-7fd5c2bf4000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+10
vma 7fd5c2bf4000-7fd5c2bf6000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7fd5c2bf6000-7fd5c2bf8000 rw-p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7ffeccc94000-7ffecccb5000 rw-p anon [stack]
present 26+5 32
vma ffffffffff600000-ffffffffff601000 --xp special [vsyscall]
