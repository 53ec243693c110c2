# hugeresv footprint 1
name postgres
source PostgreSQL 15.18-0+deb12u1 backend: pgbench -s 30, 2 clients sorting pgbench_accounts by md5(aid) in memory (work_mem=1GB, shared_buffers=256MB); pid 30358 comm postgres, captured 2026-11-21T23:54:31Z, Linux 6.18.44-fc-v595
thp madvise
vma 557b36582000-557b3664f000 r--p file /usr/lib/postgresql/15/bin/postgres
present 0+142
vma 557b3664f000-557b36b79000 r-xp file /usr/lib/postgresql/15/bin/postgres
present 0+17 145+16 177+64 257+192 465+32 513+64 593+80 689+144
present 849+176 1041+16 1073+16 1105+16 1153+16 1185+137
vma 557b36b79000-557b36dd2000 r--p file /usr/lib/postgresql/15/bin/postgres
present 0+375 407+16
vma 557b36dd2000-557b36df3000 r--p file /usr/lib/postgresql/15/bin/postgres
present 0+33
vma 557b36df3000-557b36e08000 rw-p file /usr/lib/postgresql/15/bin/postgres
present 0+21
vma 557b36e08000-557b36e3a000 rw-p anon
present 0+2 3+11 49
vma 557b4df9a000-557b4e053000 rw-p anon [heap]
present 0 17+37 55+67 127 133+30 166+11 178+3 182+3
vma 557b4e053000-557b4e271000 rw-p anon [heap]
present 0+42 43+10 60+4 66 73 81+57 139+11 151+200
present 352+182
vma 7fc5653a1000-7fc566ba4000 rw-p anon
present 0+1251 2049+4098
vma 7fc566ba4000-7fc56cba5000 rw-p anon
present 0+17579
vma 7fc56cba5000-7fc570bad000 rw-p anon
present 0+16392
vma 7fc5713a9000-7fc575bb2000 rw-p anon
present 0+18441
vma 7fc5763b1000-7fc578bb6000 rw-p anon
present 0+10245
vma 7fc578fb6000-7fc579fb8000 rw-p anon
present 0+4098
vma 7fc57a5b9000-7fc57adba000 rw-p anon
present 0+2049
vma 7fc57b0bb000-7fc57b4bc000 rw-p anon
present 0+1025
vma 7fc57b63d000-7fc57b83e000 rw-p anon
present 0+513
vma 7fc57b8ff000-7fc57ba00000 rw-p anon
present 0+256
vma 7fc57ba00000-7fc57ba8a000 r--p file /usr/lib/x86_64-linux-gnu/libz3.so.4
present 0+138
vma 7fc57ba8a000-7fc57cca1000 r-xp file /usr/lib/x86_64-linux-gnu/libz3.so.4
present 0+16 246+32
vma 7fc57cca1000-7fc57d007000 r--p file /usr/lib/x86_64-linux-gnu/libz3.so.4
present 0+16
vma 7fc57d007000-7fc57d033000 r--p file /usr/lib/x86_64-linux-gnu/libz3.so.4
present 0+44
vma 7fc57d033000-7fc57d034000 rw-p file /usr/lib/x86_64-linux-gnu/libz3.so.4
present 0
vma 7fc57d034000-7fc57d035000 rw-p anon
present 0
vma 7fc57d0bf000-7fc57d140000 rw-p anon
present 0+129
vma 7fc57d171000-7fc57d200000 rw-p anon
present 0+143
vma 7fc57d200000-7fc583362000 r-xp file /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
present 0+1104 1168+2240 3440+128 3584+176 3776+64 3856+304 4176+16 4224+96
present 4336+160 4512+64 4592+128 4736+16 4768+64 4848+16 4880+80 4976+80
present 5072+320 5408+192 5632+256 5904+112 6064+32 6112+16 6144+16 6208+32
present 6256+96 6368+32 6416+32 6464+32 6528+16 6560+144 6736+16 6800+112
present 6928+96 7072+16 7152+12 7166+18 7216+16 7248+32 7296+192 7504+80
present 7600+16 7632+16 7696+16 7728+48 7792+16 7872+80 7968+32 8016+16
present 8096+48 8160+64 8272+32 8480+176 8688+96 8800+16 8832+48 8896+64
present 9024+80 9152+160 9440+16 9488+16 9520+32 9568+16 9888+16 9936+16
present 10208+16 10304+256 10576+48 10672+16 10720+16 10752+16 10800+16 10832+64
present 10992+32 11040+32 11120+16 11168+128 11360+16 11392+16 11552+16 11680+16
present 11808+16 11952+64 12032+48 12304+16 12336+96 12464+16 12496+96 12608+80
present 12704+32 12784+16 12816+32 12896+32 12944+32 13008+48 13072+16 13184+48
present 13377+15 13472+16 13552+16 13712+16 13776+208 14000+48 14064+16 14096+64
present 14224+176 14416+64 14624+16 14704+16 14832+16 14864+32 14944+160 15120+112
present 15606+26 15680+240 15936+224 16192+160 16704+16 17056+16 17805+3 19472+16
present 20391+9 20592+16 20944+16 21792+16 22256+16 22384+64 22512+112 23344+32
present 23440+32 23488+16
vma 7fc583362000-7fc583363000 ---p file /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
vma 7fc583363000-7fc583ad7000 r--p file /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
present 0+774 775 777 781+1127
vma 7fc583ad7000-7fc583ae0000 rw-p file /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
present 0+9
vma 7fc583ae0000-7fc583b5a000 rw-p anon
present 0 2+4 9+113
vma 7fc583b5c000-7fc583b5e000 r--p file /usr/lib/x86_64-linux-gnu/libmd.so.0.0.5
present 0+2
vma 7fc583b5e000-7fc583b65000 r-xp file /usr/lib/x86_64-linux-gnu/libmd.so.0.0.5
present 0+7
vma 7fc583b65000-7fc583b67000 r--p file /usr/lib/x86_64-linux-gnu/libmd.so.0.0.5
vma 7fc583b67000-7fc583b68000 r--p file /usr/lib/x86_64-linux-gnu/libmd.so.0.0.5
present 0
vma 7fc583b68000-7fc583b69000 rw-p file /usr/lib/x86_64-linux-gnu/libmd.so.0.0.5
present 0
vma 7fc583b69000-7fc583b6d000 r--p file /usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7
present 0+4
vma 7fc583b6d000-7fc583b79000 r-xp file /usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7
present 0+12
vma 7fc583b79000-7fc583b7c000 r--p file /usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7
vma 7fc583b7c000-7fc583b7d000 r--p file /usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7
present 0
vma 7fc583b7d000-7fc583b7e000 rw-p file /usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7
present 0
vma 7fc583b7e000-7fc583b7f000 rw-p anon
vma 7fc583b7f000-7fc583b8e000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+15
vma 7fc583b8e000-7fc583b9f000 r-xp file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+16
vma 7fc583b9f000-7fc583bad000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
vma 7fc583bad000-7fc583bb1000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+4
vma 7fc583bb1000-7fc583bb2000 rw-p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0
vma 7fc583bb2000-7fc583bbb000 r--p file /usr/lib/x86_64-linux-gnu/libedit.so.2.0.70
present 0+9
vma 7fc583bbb000-7fc583bd7000 r-xp file /usr/lib/x86_64-linux-gnu/libedit.so.2.0.70
present 0+16
vma 7fc583bd7000-7fc583be5000 r--p file /usr/lib/x86_64-linux-gnu/libedit.so.2.0.70
vma 7fc583be5000-7fc583be7000 r--p file /usr/lib/x86_64-linux-gnu/libedit.so.2.0.70
present 0+2
vma 7fc583be7000-7fc583be8000 rw-p file /usr/lib/x86_64-linux-gnu/libedit.so.2.0.70
present 0
vma 7fc583be8000-7fc583bec000 rw-p anon
vma 7fc583bf7000-7fc583bff000 r--p file /usr/lib/postgresql/15/lib/llvmjit.so
present 0+8
vma 7fc583bff000-7fc583c11000 r-xp file /usr/lib/postgresql/15/lib/llvmjit.so
present 0+18
vma 7fc583c11000-7fc583c17000 r--p file /usr/lib/postgresql/15/lib/llvmjit.so
present 0+6
vma 7fc583c17000-7fc583c18000 r--p file /usr/lib/postgresql/15/lib/llvmjit.so
present 0
vma 7fc583c18000-7fc583c19000 rw-p file /usr/lib/postgresql/15/lib/llvmjit.so
present 0
vma 7fc583c19000-7fc583c5a000 rw-p anon
present 0+52
vma 7fc583c5a000-7fc583d5a000 rw-s shared /dev/shm/PostgreSQL.80925960
present 0+16 65
vma 7fc583d5a000-7fc583d7b000 rw-p anon
present 0+33
vma 7fc583d7b000-7fc5953e9000 rw-s shared /dev/zero (deleted)
present 0+16 2053+16 2196 2698+43 3205+48 3269+144 3461+4224 7701+80
present 7797+317 68756 69035+490 69541+16 69573+16 69605+16 69637+64 69717+16
present 69749+80 70411+29 70448+5 70462 70464 70466+2 70498 70501+12
present 70527+6 70725+4 70744+5 70779+5 70795+5
vma 7fc5953e9000-7fc595440000 r--p file /usr/lib/locale/C.utf8/LC_CTYPE
present 0+16
vma 7fc595440000-7fc595442000 r--p file /usr/lib/x86_64-linux-gnu/libffi.so.8.1.2
present 0+2
vma 7fc595442000-7fc595448000 r-xp file /usr/lib/x86_64-linux-gnu/libffi.so.8.1.2
vma 7fc595448000-7fc59544a000 r--p file /usr/lib/x86_64-linux-gnu/libffi.so.8.1.2
vma 7fc59544a000-7fc59544b000 r--p file /usr/lib/x86_64-linux-gnu/libffi.so.8.1.2
present 0
vma 7fc59544b000-7fc59544c000 rw-p file /usr/lib/x86_64-linux-gnu/libffi.so.8.1.2
present 0
vma 7fc59544c000-7fc595457000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0+11
vma 7fc595457000-7fc5954b4000 r-xp file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
vma 7fc5954b4000-7fc5954cb000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
vma 7fc5954cb000-7fc5954cc000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0
vma 7fc5954cc000-7fc5954cd000 rw-p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0
vma 7fc5954cd000-7fc5954d6000 r--p file /usr/lib/x86_64-linux-gnu/libhogweed.so.6.6
present 0+9
vma 7fc5954d6000-7fc5954e9000 r-xp file /usr/lib/x86_64-linux-gnu/libhogweed.so.6.6
vma 7fc5954e9000-7fc595513000 r--p file /usr/lib/x86_64-linux-gnu/libhogweed.so.6.6
vma 7fc595513000-7fc595515000 r--p file /usr/lib/x86_64-linux-gnu/libhogweed.so.6.6
present 0+2
vma 7fc595515000-7fc595516000 rw-p file /usr/lib/x86_64-linux-gnu/libhogweed.so.6.6
present 0
vma 7fc595516000-7fc595528000 r--p file /usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0
present 0+16
vma 7fc595528000-7fc595568000 r-xp file /usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0
vma 7fc595568000-7fc5956c7000 r--p file /usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0
vma 7fc5956c7000-7fc5956cb000 r--p file /usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0
present 0+4
vma 7fc5956cb000-7fc5956cc000 rw-p file /usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0
present 0
vma 7fc5956cc000-7fc5956f7000 r--p file /usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0
present 0+16
vma 7fc5956f7000-7fc595790000 r-xp file /usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0
present 137+16
vma 7fc595790000-7fc5957eb000 r--p file /usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0
vma 7fc5957eb000-7fc5957f6000 r--p file /usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0
present 0+11
vma 7fc5957f6000-7fc595800000 rw-p file /usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0
present 0+10
vma 7fc595800000-7fc595801000 r--p file /usr/lib/x86_64-linux-gnu/libicudata.so.72.1
present 0
vma 7fc595801000-7fc595802000 r-xp file /usr/lib/x86_64-linux-gnu/libicudata.so.72.1
vma 7fc595802000-7fc5975d0000 r--p file /usr/lib/x86_64-linux-gnu/libicudata.so.72.1
vma 7fc5975d0000-7fc5975d1000 r--p file /usr/lib/x86_64-linux-gnu/libicudata.so.72.1
present 0
vma 7fc5975d1000-7fc5975d2000 rw-p file /usr/lib/x86_64-linux-gnu/libicudata.so.72.1
present 0
vma 7fc5975d8000-7fc5975dd000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0+5
vma 7fc5975dd000-7fc5975f3000 r-xp file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
vma 7fc5975f3000-7fc5975fe000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
vma 7fc5975fe000-7fc5975ff000 r--p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0
vma 7fc5975ff000-7fc597600000 rw-p file /usr/lib/x86_64-linux-gnu/libgpg-error.so.0.33.1
present 0
vma 7fc597600000-7fc597699000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+128 144+9
vma 7fc597699000-7fc59779a000 r-xp file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+71 87+96
vma 7fc59779a000-7fc597809000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+16 38+16
vma 7fc597809000-7fc597814000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+11
vma 7fc597814000-7fc597817000 rw-p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+3
vma 7fc597817000-7fc59781a000 rw-p anon
present 0+3
vma 7fc59781a000-7fc59781b000 r--p anon
present 0
vma 7fc59781b000-7fc59781c000 r-xp anon
present 0
vma 7fc59781c000-7fc597823000 rw-s shared /dev/shm/PostgreSQL.2466577702
present 0
vma 7fc597823000-7fc597825000 rw-p anon
present 0+2
vma 7fc597825000-7fc597832000 r--p file /usr/lib/x86_64-linux-gnu/libnettle.so.8.6
present 0+13
vma 7fc597832000-7fc597859000 r-xp file /usr/lib/x86_64-linux-gnu/libnettle.so.8.6
vma 7fc597859000-7fc597870000 r--p file /usr/lib/x86_64-linux-gnu/libnettle.so.8.6
vma 7fc597870000-7fc597872000 r--p file /usr/lib/x86_64-linux-gnu/libnettle.so.8.6
present 0+2
vma 7fc597872000-7fc597873000 rw-p file /usr/lib/x86_64-linux-gnu/libnettle.so.8.6
present 0
vma 7fc597873000-7fc597876000 r--p file /usr/lib/x86_64-linux-gnu/libtasn1.so.6.6.3
present 0+3
vma 7fc597876000-7fc597882000 r-xp file /usr/lib/x86_64-linux-gnu/libtasn1.so.6.6.3
vma 7fc597882000-7fc597886000 r--p file /usr/lib/x86_64-linux-gnu/libtasn1.so.6.6.3
vma 7fc597886000-7fc597887000 r--p file /usr/lib/x86_64-linux-gnu/libtasn1.so.6.6.3
present 0
vma 7fc597887000-7fc597888000 rw-p file /usr/lib/x86_64-linux-gnu/libtasn1.so.6.6.3
present 0
vma 7fc597888000-7fc59788a000 r--p file /usr/lib/x86_64-linux-gnu/libidn2.so.0.3.8
present 0+2
vma 7fc59788a000-7fc597891000 r-xp file /usr/lib/x86_64-linux-gnu/libidn2.so.0.3.8
vma 7fc597891000-7fc5978b7000 r--p file /usr/lib/x86_64-linux-gnu/libidn2.so.0.3.8
vma 7fc5978b7000-7fc5978b8000 r--p file /usr/lib/x86_64-linux-gnu/libidn2.so.0.3.8
present 0
vma 7fc5978b8000-7fc5978b9000 rw-p file /usr/lib/x86_64-linux-gnu/libidn2.so.0.3.8
present 0
vma 7fc5978b9000-7fc5978c8000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+15
vma 7fc5978c8000-7fc5979b2000 r-xp file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
vma 7fc5979b2000-7fc5979f6000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
vma 7fc5979f6000-7fc5979fb000 r--p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+5
vma 7fc5979fb000-7fc5979ff000 rw-p file /usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1
present 0+4
vma 7fc5979ff000-7fc597a00000 rw-p anon
vma 7fc597a00000-7fc597a37000 r--p file /usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3
present 0+32
vma 7fc597a37000-7fc597b6b000 r-xp file /usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3
present 73+16
vma 7fc597b6b000-7fc597c07000 r--p file /usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3
vma 7fc597c07000-7fc597c18000 r--p file /usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3
present 0+17
vma 7fc597c18000-7fc597c1a000 rw-p file /usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3
present 0+2
vma 7fc597c1a000-7fc597c1e000 rw-p anon
present 1 3
vma 7fc597c1e000-7fc597c1f000 rw-s shared /SYSV00a763b6 (deleted)
vma 7fc597c1f000-7fc597c2a000 rw-p anon
present 0+11
vma 7fc597c2a000-7fc597c2d000 r--p file /usr/lib/x86_64-linux-gnu/libresolv.so.2
present 0+3
vma 7fc597c2d000-7fc597c35000 r-xp file /usr/lib/x86_64-linux-gnu/libresolv.so.2
vma 7fc597c35000-7fc597c37000 r--p file /usr/lib/x86_64-linux-gnu/libresolv.so.2
vma 7fc597c37000-7fc597c38000 r--p file /usr/lib/x86_64-linux-gnu/libresolv.so.2
present 0
vma 7fc597c38000-7fc597c39000 rw-p file /usr/lib/x86_64-linux-gnu/libresolv.so.2
present 0
vma 7fc597c39000-7fc597c3b000 rw-p anon
vma 7fc597c3b000-7fc597c3d000 r--p file /usr/lib/x86_64-linux-gnu/libkeyutils.so.1.10
present 0+2
vma 7fc597c3d000-7fc597c3f000 r-xp file /usr/lib/x86_64-linux-gnu/libkeyutils.so.1.10
vma 7fc597c3f000-7fc597c40000 r--p file /usr/lib/x86_64-linux-gnu/libkeyutils.so.1.10
vma 7fc597c40000-7fc597c41000 r--p file /usr/lib/x86_64-linux-gnu/libkeyutils.so.1.10
present 0
vma 7fc597c41000-7fc597c42000 rw-p file /usr/lib/x86_64-linux-gnu/libkeyutils.so.1.10
present 0
vma 7fc597c42000-7fc597c44000 r--p file /usr/lib/x86_64-linux-gnu/libcap-ng.so.0.0.0
present 0+2
vma 7fc597c44000-7fc597c47000 r-xp file /usr/lib/x86_64-linux-gnu/libcap-ng.so.0.0.0
present 0+3
vma 7fc597c47000-7fc597c48000 r--p file /usr/lib/x86_64-linux-gnu/libcap-ng.so.0.0.0
vma 7fc597c48000-7fc597c49000 r--p file /usr/lib/x86_64-linux-gnu/libcap-ng.so.0.0.0
present 0
vma 7fc597c49000-7fc597c4a000 rw-p file /usr/lib/x86_64-linux-gnu/libcap-ng.so.0.0.0
present 0
vma 7fc597c4a000-7fc597c4c000 rw-p anon
present 0+2
vma 7fc597c4c000-7fc597c4f000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0+3
vma 7fc597c4f000-7fc597c54000 r-xp file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
vma 7fc597c54000-7fc597c56000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
vma 7fc597c56000-7fc597c57000 r--p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0
vma 7fc597c57000-7fc597c58000 rw-p file /usr/lib/x86_64-linux-gnu/libcap.so.2.66
present 0
vma 7fc597c58000-7fc597c5b000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+3
vma 7fc597c5b000-7fc597c72000 r-xp file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+16 21+2
vma 7fc597c72000-7fc597c76000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
vma 7fc597c76000-7fc597c77000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7fc597c77000-7fc597c78000 rw-p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7fc597c78000-7fc597c7b000 r--p file /usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25
present 0+3
vma 7fc597c7b000-7fc597c8d000 r-xp file /usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25
vma 7fc597c8d000-7fc597c93000 r--p file /usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25
vma 7fc597c93000-7fc597c94000 r--p file /usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25
present 0
vma 7fc597c94000-7fc597c95000 rw-p file /usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25
present 0
vma 7fc597c95000-7fc597c98000 r--p file /usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8
present 0+3
vma 7fc597c98000-7fc597ca0000 r-xp file /usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8
vma 7fc597ca0000-7fc597ca3000 r--p file /usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8
vma 7fc597ca3000-7fc597ca4000 r--p file /usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8
present 0
vma 7fc597ca4000-7fc597ca5000 rw-p file /usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8
present 0
vma 7fc597ca5000-7fc597ca8000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1
present 0+3
vma 7fc597ca8000-7fc597cae000 r-xp file /usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1
vma 7fc597cae000-7fc597cb1000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1
vma 7fc597cb1000-7fc597cb2000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1
present 0
vma 7fc597cb2000-7fc597cb3000 rw-p file /usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1
present 0
vma 7fc597cb3000-7fc597cb5000 r--p file /usr/lib/x86_64-linux-gnu/libcom_err.so.2.1
present 0+2
vma 7fc597cb5000-7fc597cb6000 r-xp file /usr/lib/x86_64-linux-gnu/libcom_err.so.2.1
vma 7fc597cb6000-7fc597cb7000 r--p file /usr/lib/x86_64-linux-gnu/libcom_err.so.2.1
vma 7fc597cb7000-7fc597cb8000 r--p file /usr/lib/x86_64-linux-gnu/libcom_err.so.2.1
present 0
vma 7fc597cb8000-7fc597cb9000 rw-p file /usr/lib/x86_64-linux-gnu/libcom_err.so.2.1
present 0
vma 7fc597cb9000-7fc597cbd000 r--p file /usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1
present 0+4
vma 7fc597cbd000-7fc597cd7000 r-xp file /usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1
vma 7fc597cd7000-7fc597ce4000 r--p file /usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1
vma 7fc597ce4000-7fc597ce5000 r--p file /usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1
present 0
vma 7fc597ce5000-7fc597ce6000 rw-p file /usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1
present 0
vma 7fc597ce6000-7fc597d09000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5.so.3.3
present 0+26
vma 7fc597d09000-7fc597d68000 r-xp file /usr/lib/x86_64-linux-gnu/libkrb5.so.3.3
vma 7fc597d68000-7fc597db0000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5.so.3.3
vma 7fc597db0000-7fc597dbd000 r--p file /usr/lib/x86_64-linux-gnu/libkrb5.so.3.3
present 0+13
vma 7fc597dbd000-7fc597dc0000 rw-p file /usr/lib/x86_64-linux-gnu/libkrb5.so.3.3
present 0+3
vma 7fc597dc0000-7fc597dc3000 r--p file /usr/lib/x86_64-linux-gnu/libaudit.so.1.0.0
present 0+3
vma 7fc597dc3000-7fc597dca000 r-xp file /usr/lib/x86_64-linux-gnu/libaudit.so.1.0.0
vma 7fc597dca000-7fc597ddf000 r--p file /usr/lib/x86_64-linux-gnu/libaudit.so.1.0.0
vma 7fc597ddf000-7fc597de0000 r--p file /usr/lib/x86_64-linux-gnu/libaudit.so.1.0.0
present 0
vma 7fc597de0000-7fc597de1000 rw-p file /usr/lib/x86_64-linux-gnu/libaudit.so.1.0.0
present 0
vma 7fc597de1000-7fc597df1000 rw-p anon
vma 7fc597df1000-7fc597df5000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0+4
vma 7fc597df5000-7fc597e12000 r-xp file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
vma 7fc597e12000-7fc597e1e000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
vma 7fc597e1e000-7fc597e1f000 r--p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0
vma 7fc597e1f000-7fc597e20000 rw-p file /usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1
present 0
vma 7fc597e20000-7fc597e46000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7fc597e46000-7fc597f9c000 r-xp file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+186 202+48 282+16 314+16
vma 7fc597f9c000-7fc597fef000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+16 20+32
vma 7fc597fef000-7fc597ff3000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+4
vma 7fc597ff3000-7fc597ff5000 rw-p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+2
vma 7fc597ff5000-7fc598002000 rw-p anon
present 0 4+3 12
vma 7fc598002000-7fc59806b000 r--p file /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
present 0+16 62+16
vma 7fc59806b000-7fc59815c000 r-xp file /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
vma 7fc59815c000-7fc5981ea000 r--p file /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
vma 7fc5981ea000-7fc5981fd000 r--p file /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
present 0+19
vma 7fc5981fd000-7fc5981fe000 rw-p file /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
present 0
vma 7fc5981fe000-7fc598200000 rw-p anon
vma 7fc598200000-7fc5982f3000 r--p file /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1
present 0+32 192+16
vma 7fc5982f3000-7fc598486000 r-xp file /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1
vma 7fc598486000-7fc598517000 r--p file /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1
vma 7fc598517000-7fc598528000 r--p file /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1
present 0+17
vma 7fc598528000-7fc598529000 rw-p file /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1
present 0
vma 7fc598529000-7fc59852e000 rw-p anon
present 1+4
vma 7fc59852e000-7fc598544000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0+18
vma 7fc598544000-7fc5985c3000 r-xp file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
vma 7fc5985c3000-7fc5985f1000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
vma 7fc5985f1000-7fc5985fc000 r--p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0+11
vma 7fc5985fc000-7fc5985fd000 rw-p file /usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0
present 0
vma 7fc5985fd000-7fc598600000 rw-p anon
present 1+2
vma 7fc598600000-7fc5986c5000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+16 64+16
vma 7fc5986c5000-7fc598942000 r-xp file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+43 283+112 411+16 475+16 539+48 603+34
vma 7fc598942000-7fc598a20000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 14+16 46+48
vma 7fc598a20000-7fc598a82000 r--p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+98
vma 7fc598a82000-7fc598a85000 rw-p file /usr/lib/x86_64-linux-gnu/libcrypto.so.3
present 0+3
vma 7fc598a85000-7fc598a88000 rw-p anon
present 1+2
vma 7fc598a88000-7fc598a89000 r--p file /usr/lib/locale/C.utf8/LC_TIME
vma 7fc598a89000-7fc598a99000 r--p file /usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8
present 0+16
vma 7fc598a99000-7fc598ad2000 r-xp file /usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8
vma 7fc598ad2000-7fc598ae3000 r--p file /usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8
vma 7fc598ae3000-7fc598ae5000 r--p file /usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8
present 0+2
vma 7fc598ae5000-7fc598ae6000 rw-p file /usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8
present 0
vma 7fc598ae6000-7fc598ae8000 rw-p anon
vma 7fc598ae8000-7fc598af8000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0 2+14
vma 7fc598af8000-7fc598b6c000 r-xp file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+16 24+32 88+16
vma 7fc598b6c000-7fc598bc6000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 4+16 36+16
vma 7fc598bc6000-7fc598bc7000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fc598bc7000-7fc598bc8000 rw-p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fc598bc8000-7fc598bcb000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0+3
vma 7fc598bcb000-7fc598bde000 r-xp file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
vma 7fc598bde000-7fc598be5000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
vma 7fc598be5000-7fc598be6000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7fc598be6000-7fc598be7000 rw-p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7fc598be7000-7fc598bf3000 r--p file /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2
present 0+12
vma 7fc598bf3000-7fc598c29000 r-xp file /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2
vma 7fc598c29000-7fc598c36000 r--p file /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2
vma 7fc598c36000-7fc598c38000 r--p file /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2
present 0+2
vma 7fc598c38000-7fc598c3a000 rw-p file /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2
present 0+2
vma 7fc598c3a000-7fc598c3c000 rw-p anon
present 0+2
vma 7fc598c3c000-7fc598c5b000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+20
vma 7fc598c5b000-7fc598cb8000 r-xp file /usr/lib/x86_64-linux-gnu/libssl.so.3
vma 7fc598cb8000-7fc598cd7000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
vma 7fc598cd7000-7fc598ce1000 r--p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+10
vma 7fc598ce1000-7fc598ce5000 rw-p file /usr/lib/x86_64-linux-gnu/libssl.so.3
present 0+4
vma 7fc598ce5000-7fc598ce8000 r--p file /usr/lib/x86_64-linux-gnu/libpam.so.0.85.1
present 0+3
vma 7fc598ce8000-7fc598cf1000 r-xp file /usr/lib/x86_64-linux-gnu/libpam.so.0.85.1
vma 7fc598cf1000-7fc598cf5000 r--p file /usr/lib/x86_64-linux-gnu/libpam.so.0.85.1
vma 7fc598cf5000-7fc598cf6000 r--p file /usr/lib/x86_64-linux-gnu/libpam.so.0.85.1
present 0
vma 7fc598cf6000-7fc598cf7000 rw-p file /usr/lib/x86_64-linux-gnu/libpam.so.0.85.1
present 0
vma 7fc598cf7000-7fc598d26000 r--p file /usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14
present 0+25
vma 7fc598d26000-7fc598e42000 r-xp file /usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14
vma 7fc598e42000-7fc598e98000 r--p file /usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14
vma 7fc598e98000-7fc598ea1000 r--p file /usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14
present 0+9
vma 7fc598ea1000-7fc598ea2000 rw-p file /usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14
present 0
vma 7fc598ea2000-7fc598ea3000 rw-p anon
vma 7fc598ea3000-7fc598ea6000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0+3
vma 7fc598ea6000-7fc598ec4000 r-xp file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
vma 7fc598ec4000-7fc598ec7000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
vma 7fc598ec7000-7fc598ec8000 r--p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0
vma 7fc598ec8000-7fc598ec9000 rw-p file /usr/lib/x86_64-linux-gnu/liblz4.so.1.9.4
present 0
vma 7fc598ec9000-7fc598ece000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0+5
vma 7fc598ece000-7fc598f6f000 r-xp file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
vma 7fc598f6f000-7fc598f83000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
vma 7fc598f83000-7fc598f84000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7fc598f84000-7fc598f85000 rw-p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7fc598f85000-7fc598f86000 r--p file /usr/lib/locale/C.utf8/LC_NUMERIC
vma 7fc598f86000-7fc598f87000 r--p file /usr/lib/locale/C.utf8/LC_MONETARY
vma 7fc598f87000-7fc598f88000 r--p file /usr/lib/locale/C.utf8/LC_MESSAGES/SYS_LC_MESSAGES
vma 7fc598f88000-7fc598f8f000 r--s shared /usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache
vma 7fc598f8f000-7fc598f90000 r--p file /usr/lib/locale/C.utf8/LC_COLLATE
vma 7fc598f90000-7fc598f92000 rw-p anon
present 0+2
vma 7fc598f92000-7fc598f96000 r--p special [vvar]
vma 7fc598f96000-7fc598f98000 r--p special [vvar_vclock]
vma 7fc598f98000-7fc598f9a000 r-xp special [vdso]
present 0
vma 7fc598f9a000-7fc598f9b000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0
vma 7fc598f9b000-7fc598fc1000 r-xp file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+37
vma 7fc598fc1000-7fc598fcb000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+10
vma 7fc598fcb000-7fc598fcd000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7fc598fcd000-7fc598fcf000 rw-p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7ffd4ccde000-7ffd4ccff000 rw-p anon [stack]
present 23+8 32
vma ffffffffff600000-ffffffffff601000 --xp special [vsyscall]
